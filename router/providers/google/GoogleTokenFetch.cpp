#include "router/providers/google/GoogleTokenFetch.h"

#include "router/upstream/UpstreamCall.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

// Names the account, never the assertion or the token.
Q_LOGGING_CATEGORY(lcGoogleTokens, "keyway.router.google.tokens")

namespace {

using namespace std::chrono_literals;

constexpr qsizetype maximumAnswer = 64 * 1024;
const UpstreamCall::Timeouts tokenTimeouts { 10s, 20s, 20s };

} // namespace

GoogleTokenFetch::GoogleTokenFetch(GoogleServiceAccount account, QString caFile, QObject* parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_caFile(std::move(caFile))
{ }

void GoogleTokenFetch::start()
{
    qCDebug(lcGoogleTokens) << "fetching an access token for" << m_account.clientEmail() << "at"
                            << m_account.tokenUri();
    Result<UpstreamRequest> request = m_account.tokenRequest(QDateTime::currentDateTimeUtc());
    if (!request) {
        QTimer::singleShot(
            0, this, [this, error = request.failure().message] { fail(error, true); });
        return;
    }
    m_call = new UpstreamCall(std::move(*request), m_caFile, tokenTimeouts, this);
    connect(m_call, &UpstreamCall::dataArrived, this, [this](const QByteArray& bytes) {
        m_body += bytes;
        if (m_body.size() > maximumAnswer) { // not a token endpoint's answer
            m_call->cancel();
            QTimer::singleShot(0, this, [this] {
                fail(tr("Google's token endpoint answered without an access token"), false);
            });
        }
    });
    // Queued: the call may fail inside start().
    connect(
        m_call, &UpstreamCall::finished, this, &GoogleTokenFetch::onAnswered, Qt::QueuedConnection);
    connect(
        m_call, &UpstreamCall::failed, this,
        [this](const QString&, const QString& message) {
            fail(tr("Google's token endpoint did not answer: %1").arg(message), false);
        },
        Qt::QueuedConnection);
    m_call->start();
}

void GoogleTokenFetch::onAnswered()
{
    const int status = m_call->status();
    if (m_body.size() > maximumAnswer)
        return; // already failed
    if (status == 200) {
        Result<GoogleAccessToken> token = parseAnswer(m_body, QDateTime::currentDateTimeUtc());
        if (!token) {
            fail(token.failure().message, false);
            return;
        }
        m_token = std::move(*token);
        qCDebug(lcGoogleTokens) << "got an access token for" << m_account.clientEmail()
                                << "valid until" << m_token->expiresAt;
        emit finished();
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(m_body).object();
    const QString reason = answer.value(QStringLiteral("error_description"))
                               .toString(answer.value(QStringLiteral("error")).toString());
    // 400 invalid_grant (a bad signature, a deleted key, a disabled account), 401
    // invalid_client, 403: the key is at fault — unless the complaint is about the assertion's
    // times, which is this machine's clock. Anything else is the endpoint's.
    const bool clockSkew = reason.contains(u"timeframe") || reason.contains(u"short-lived");
    fail(tr("Google refused the service account (HTTP %1): %2").arg(status).arg(reason),
        (status == 400 || status == 401 || status == 403) && !clockSkew);
}

void GoogleTokenFetch::fail(const QString& endpointError, bool credentialRejected)
{
    // The words are the token endpoint's own, which may quote what it was sent.
    const QString error = m_account.redactor().redact(endpointError);
    qCDebug(lcGoogleTokens) << "no access token for" << m_account.clientEmail() << ":" << error
                            << (credentialRejected ? "(the key was refused)" : "");
    m_error = error;
    m_credentialRejected = credentialRejected;
    emit finished();
}

Result<GoogleAccessToken> GoogleTokenFetch::parseAnswer(
    const QByteArray& body, const QDateTime& now)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QString token = answer.value(QStringLiteral("access_token")).toString();
    const qint64 expiresIn = answer.value(QStringLiteral("expires_in")).toInteger();
    if (token.isEmpty() || expiresIn <= 60)
        return networkFailure(tr("Google's token endpoint answered without an access token"));
    return GoogleAccessToken { token, now.addSecs(expiresIn) };
}
