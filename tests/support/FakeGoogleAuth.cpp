#include "tests/support/FakeGoogleAuth.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {

QJsonObject jsonPart(const QByteArray& part)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding))
        .object();
}

bool rs256Verifies(const QByteArray& publicPem, const QByteArray& data, const QByteArray& signature)
{
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(publicPem.constData(), int(publicPem.size())), &BIO_free);
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    return key
        && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestVerify(context.get(),
               reinterpret_cast<const unsigned char*>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char*>(data.constData()),
               size_t(data.size()))
        == 1;
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void FakeGoogleAuth::addAccount(const QString& clientEmail, Account account)
{
    QMutexLocker lock(&m_mutex);
    m_accounts.insert(clientEmail, std::move(account));
}

QString FakeGoogleAuth::assertionProblem(
    const QByteArray& assertion, const QString& tokenUrl, QString* clientEmail) const
{
    const QList<QByteArray> parts = assertion.split('.');
    if (parts.size() != 3)
        return QStringLiteral("Invalid JWT: not three parts");
    const QJsonObject header = jsonPart(parts[0]);
    const QJsonObject claims = jsonPart(parts[1]);
    if (header.value("alg").toString() != "RS256")
        return QStringLiteral("Invalid JWT: alg must be RS256");
    *clientEmail = claims.value("iss").toString();
    const Account account = m_accounts.value(*clientEmail);
    if (account.publicPem.isEmpty())
        return QStringLiteral("Invalid JWT: no such account");
    const QByteArray signature = QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding);
    if (!rs256Verifies(account.publicPem, parts[0] + '.' + parts[1], signature))
        return QStringLiteral("Invalid JWT Signature.");
    if (claims.value("aud").toString() != tokenUrl)
        return QStringLiteral("Invalid JWT: Failed audience check.");
    if (!claims.value("scope").toString().split(' ').contains(
            "https://www.googleapis.com/auth/cloud-platform"))
        return QStringLiteral("Invalid JWT: scope");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 issuedAt = claims.value("iat").toInteger();
    const qint64 expires = claims.value("exp").toInteger();
    if (qAbs(issuedAt - now) > 300 || expires <= now || expires - issuedAt > 3600)
        return QStringLiteral("Invalid JWT: Token must be a short-lived token (60 minutes) and "
                              "in a reasonable timeframe.");
    return {};
}

void FakeGoogleAuth::answer(const std::shared_ptr<HttpExchange>& exchange, const QString& tokenUrl)
{
    const QUrlQuery form(QString::fromUtf8(exchange->request().body));
    QString clientEmail;
    QString problem;
    if (form.queryItemValue("grant_type", QUrl::FullyDecoded)
        != "urn:ietf:params:oauth:grant-type:jwt-bearer")
        problem = QStringLiteral("Invalid grant_type");
    QMutexLocker lock(&m_mutex);
    ++m_requests;
    if (problem.isEmpty()) {
        problem = assertionProblem(form.queryItemValue("assertion", QUrl::FullyDecoded).toLatin1(),
            tokenUrl, &clientEmail);
    }
    const HttpHeaders headers { { "Content-Type", "application/json; charset=utf-8" } };
    if (!problem.isEmpty()) {
        exchange->respond(
            400, headers, json({ { "error", "invalid_grant" }, { "error_description", problem } }));
        return;
    }
    const Account account = m_accounts.value(clientEmail);
    const QByteArray token = "ya29.fake-" + QByteArray::number(m_issued.size() + 1);
    m_issued.insert(token,
        { clientEmail, QDateTime::currentDateTimeUtc().addSecs(account.tokenLifetime.count()) });
    const QByteArray body = json({ { "access_token", QString::fromLatin1(token) },
        { "expires_in", qint64(account.tokenLifetime.count()) }, { "token_type", "Bearer" } });
    QTimer::singleShot(account.delay, exchange.get(),
        [exchange, headers, body] { exchange->respond(200, headers, body); });
}

QString FakeGoogleAuth::accountOf(const QByteArray& accessToken) const
{
    QMutexLocker lock(&m_mutex);
    const auto issued = m_issued.constFind(accessToken);
    if (issued == m_issued.cend() || issued->expiresAt < QDateTime::currentDateTimeUtc())
        return {};
    return issued->clientEmail;
}

int FakeGoogleAuth::tokensIssued() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_issued.size());
}

void FakeGoogleAuth::revokeTokens()
{
    QMutexLocker lock(&m_mutex);
    for (Issued& issued : m_issued)
        issued.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
}

int FakeGoogleAuth::tokenRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

QString FakeGoogleAuth::serviceAccountJson(const QString& clientEmail, const QByteArray& privatePem,
    const QString& tokenUri, const QString& projectId)
{
    const QJsonObject account { { "type", "service_account" }, { "project_id", projectId },
        { "private_key_id", "5c2b6f0e0e1d4c0b9f1e2d3c4b5a69788796a5b4" },
        { "private_key", QString::fromLatin1(privatePem) }, { "client_email", clientEmail },
        { "client_id", "109876543210987654321" },
        { "auth_uri", "https://accounts.google.com/o/oauth2/auth" }, { "token_uri", tokenUri } };
    return QString::fromUtf8(QJsonDocument(account).toJson(QJsonDocument::Indented));
}
