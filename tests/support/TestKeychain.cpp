#include "tests/support/TestKeychain.h"

#include <QProcess>
#include <QRegularExpression>

namespace {

QByteArray runSecretTool(const QStringList& arguments, int* exitCode = nullptr,
    QProcess::ProcessChannelMode mode = QProcess::SeparateChannels)
{
    QProcess process;
    process.setProcessChannelMode(mode);
    process.start(QStringLiteral("secret-tool"), arguments);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    if (exitCode)
        *exitCode = process.exitCode();
    return process.readAllStandardOutput();
}

} // namespace

QStringList TestKeychain::accounts()
{
    // secret-tool prints the secrets on stdout and the attributes on stderr; only the account
    // attribute is kept.
    const QString listing
        = QString::fromUtf8(runSecretTool({ QStringLiteral("search"), QStringLiteral("--all"),
                                              QStringLiteral("server"), QStringLiteral("Keyway") },
            nullptr, QProcess::MergedChannels));
    static const QRegularExpression user(
        QStringLiteral("^attribute\\.user = (.*)$"), QRegularExpression::MultilineOption);
    QStringList result;
    for (auto it = user.globalMatch(listing); it.hasNext();)
        result.append(it.next().captured(1));
    result.sort();
    return result;
}

QString TestKeychain::secret(const QString& account)
{
    int exitCode = 0;
    const QByteArray value
        = runSecretTool({ QStringLiteral("lookup"), QStringLiteral("server"),
                            QStringLiteral("Keyway"), QStringLiteral("user"), account },
            &exitCode);
    return exitCode == 0 ? QString::fromUtf8(value) : QString();
}

bool TestKeychain::hasSecretsService()
{
    QProcess process;
    process.start(QStringLiteral("dbus-send"),
        { QStringLiteral("--session"), QStringLiteral("--print-reply"),
            QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/"),
            QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
            QStringLiteral("string:org.freedesktop.secrets") });
    process.waitForFinished(10000);
    return process.readAllStandardOutput().contains("boolean true");
}

bool TestKeychain::lockLoginCollection()
{
    QProcess process;
    process.start(QStringLiteral("dbus-send"),
        { QStringLiteral("--session"), QStringLiteral("--print-reply"),
            QStringLiteral("--dest=org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service.Lock"),
            QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login") });
    return process.waitForFinished(10000) && process.exitCode() == 0;
}
