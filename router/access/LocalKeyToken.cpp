#include "router/access/LocalKeyToken.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>
#include <openssl/crypto.h>

QString LocalKeyToken::generate()
{
    std::array<quint32, randomBytes / sizeof(quint32)> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()), randomBytes);
    const QByteArray encoded
        = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return prefix() + QString::fromLatin1(encoded);
}

bool LocalKeyToken::isWellFormed(QStringView token)
{
    if (token.size() != encodedLength || !token.startsWith(prefix()))
        return false;
    for (QChar c : token.mid(prefix().size())) {
        const bool urlSafe = (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'-' || c == u'_';
        if (!urlSafe)
            return false;
    }
    return true;
}

QByteArray LocalKeyToken::hash(QStringView token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

bool LocalKeyToken::hashesEqual(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}
