#include "tests/support/TestData.h"

#include <QDebug>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

QStringList TestData::databaseFiles(const QString& databasePath)
{
    QStringList files;
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (QFileInfo::exists(databasePath + suffix))
            files.append(databasePath + suffix);
    }
    return files;
}

QStringList TestData::findBytes(const QStringList& files, const QList<QByteArray>& needles)
{
    QStringList found;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray& needle : needles) {
            if (content.contains(needle))
                found.append(QFileInfo(path).fileName() + QStringLiteral(": ")
                    + QString::number(needle.size()) + QStringLiteral(" bytes of a secret"));
        }
    }
    return found;
}

QString TestData::serviceAccountJson()
{
    // Random base64 in PEM framing: shaped like a key, but not one (no crypto is done with it).
    QByteArray body(1620, Qt::Uninitialized);
    for (char& c : body)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    const QByteArray label = "PRIVATE KEY";
    QByteArray pem = "-----BEGIN " + label + "-----\n";
    const QByteArray encoded = body.toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 64)
        pem += encoded.mid(i, 64) + '\n';
    pem += "-----END " + label + "-----\n";
    const QJsonObject account {
        { QStringLiteral("type"), QStringLiteral("service_account") },
        { QStringLiteral("project_id"), QStringLiteral("keyway-test-project") },
        { QStringLiteral("private_key_id"),
            QStringLiteral("0123456789abcdef0123456789abcdef01234567") },
        { QStringLiteral("private_key"), QString::fromLatin1(pem) },
        { QStringLiteral("client_email"),
            QStringLiteral("router@keyway-test-project.iam.gserviceaccount.com") },
        { QStringLiteral("client_id"), QStringLiteral("123456789012345678901") },
        { QStringLiteral("auth_uri"), QStringLiteral("https://accounts.google.com/o/oauth2/auth") },
        { QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token") },
    };
    return QString::fromUtf8(QJsonDocument(account).toJson(QJsonDocument::Indented));
}

QString TestData::randomText(int length)
{
    static const QString alphabet
        = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text += alphabet.at(QRandomGenerator::global()->bounded(static_cast<int>(alphabet.size())));
    return text;
}

QJsonObject TestData::json(const QByteArray& text)
{
    QJsonParseError error {};
    const QJsonObject object = QJsonDocument::fromJson(text, &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning() << "test JSON:" << error.errorString() << text;
    return object;
}
