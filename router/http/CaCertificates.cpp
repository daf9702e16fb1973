#include "router/http/CaCertificates.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CaCertificates)
};

} // namespace

Result<QList<QSslCertificate>> CaCertificates::load(const QString& path)
{
    const QFileInfo file(path);
    if (!file.isFile() || !file.isReadable())
        return invalidInput(Text::tr("The CA file %1 does not exist or cannot be read.").arg(path));
    QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromPath(path, QSsl::Der);
    if (certificates.isEmpty())
        return invalidInput(
            Text::tr("The CA file %1 holds no certificate in PEM or DER form.").arg(path));
    return certificates;
}
