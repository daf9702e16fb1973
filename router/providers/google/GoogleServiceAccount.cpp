#include "router/providers/google/GoogleServiceAccount.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {

constexpr auto tokenLifetimeSeconds = 3600; // the longest Google grants
const auto defaultTokenUri = QStringLiteral("https://oauth2.googleapis.com/token");

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// RSASSA-PKCS1-v1_5 with SHA-256 (JWS "RS256"), by OpenSSL.
std::optional<QByteArray> rs256(const QByteArray& pem, const QByteArray& data)
{
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return std::nullopt;
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t length = 0;
    if (EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length,
               reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()))
            != 1)
        return std::nullopt;
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
            reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()))
        != 1)
        return std::nullopt;
    signature.truncate(qsizetype(length));
    return signature;
}

} // namespace

Result<GoogleServiceAccount> GoogleServiceAccount::fromJson(const QString& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    GoogleServiceAccount account;
    account.m_clientEmail = object.value(QStringLiteral("client_email")).toString();
    account.m_privateKeyId = object.value(QStringLiteral("private_key_id")).toString();
    account.m_privateKeyPem = object.value(QStringLiteral("private_key")).toString().toUtf8();
    account.m_projectId = object.value(QStringLiteral("project_id")).toString();
    account.m_tokenUri = object.value(QStringLiteral("token_uri")).toString().trimmed();
    if (account.m_tokenUri.isEmpty())
        account.m_tokenUri = defaultTokenUri;
    if (object.value(QStringLiteral("type")).toString() != u"service_account"
        || account.m_clientEmail.isEmpty() || account.m_privateKeyPem.isEmpty()) {
        return invalidInput(QStringLiteral("The key is not a Google service-account key (it "
                                           "needs type service_account, client_email and "
                                           "private_key)"));
    }
    return account;
}

QString GoogleServiceAccount::cacheKey() const
{
    return m_clientEmail + u'/' + m_privateKeyId + u'@' + m_tokenUri;
}

SecretRedactor GoogleServiceAccount::redactor() const
{
    return SecretRedactor({ QString::fromUtf8(m_privateKeyPem), m_privateKeyId });
}

Result<QByteArray> GoogleServiceAccount::signedAssertion(const QDateTime& now) const
{
    QJsonObject header { { QStringLiteral("alg"), QStringLiteral("RS256") },
        { QStringLiteral("typ"), QStringLiteral("JWT") } };
    if (!m_privateKeyId.isEmpty())
        header.insert(QStringLiteral("kid"), m_privateKeyId);
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject claims { { QStringLiteral("iss"), m_clientEmail },
        { QStringLiteral("scope"), QLatin1StringView(scope) },
        { QStringLiteral("aud"), m_tokenUri }, { QStringLiteral("iat"), issuedAt },
        { QStringLiteral("exp"), issuedAt + tokenLifetimeSeconds } };
    const QByteArray signingInput
        = base64Url(compactJson(header)) + '.' + base64Url(compactJson(claims));
    const std::optional<QByteArray> signature = rs256(m_privateKeyPem, signingInput);
    if (!signature) {
        return invalidInput(
            QStringLiteral("The service account's private key is not an RSA key in PEM form"));
    }
    return QByteArray(signingInput + '.' + base64Url(*signature));
}

Result<UpstreamRequest> GoogleServiceAccount::tokenRequest(const QDateTime& now) const
{
    const Result<QByteArray> assertion = signedAssertion(now);
    if (!assertion)
        return assertion.failure();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"),
        QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    form.addQueryItem(QStringLiteral("assertion"), QString::fromLatin1(*assertion));
    UpstreamRequest request;
    request.url = QUrl(m_tokenUri);
    request.headers = { { "Content-Type", "application/x-www-form-urlencoded" } };
    request.body = form.toString(QUrl::FullyEncoded).toLatin1();
    return request;
}
