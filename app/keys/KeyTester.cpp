#include "app/keys/KeyTester.h"

#include "router/providers/google/GoogleTokenFetch.h"
#include "router/providers/google/VertexEndpoint.h"
#include "router/upstream/UpstreamCall.h"

#include <QCoro/QCoroSignal>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace {

// An answer to a list request is small; a proxy's page need not be read whole.
constexpr qsizetype maximumBody = 256 * 1024;

const UpstreamCall::Timeouts probeTimeouts { std::chrono::seconds(10), std::chrono::seconds(20),
    std::chrono::seconds(20) };

// The provider's message from its error answer: every provider puts it in error.message.
QString providerMessage(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue error = document.object().value(QStringLiteral("error"));
    if (error.isObject())
        return error.toObject().value(QStringLiteral("message")).toString();
    if (error.isString())
        return error.toString();
    if (document.isObject())
        return {}; // JSON without words for people
    return QString::fromUtf8(body.left(200)).simplified(); // a proxy's page: its start
}

} // namespace

KeyTester::KeyTester(UpstreamTarget target, QObject* parent)
    : QObject(parent)
    , m_target(std::move(target))
{ }

void KeyTester::start()
{
    m_clock.start();
    // A service account is tried first at Google's token endpoint: a fresh token, never the
    // router's cached one, so that a revoked key shows.
    if (const auto account = VertexEndpoint::serviceAccount(m_target)) {
        m_tokenFetch = new GoogleTokenFetch(*account, m_target.caFile, this);
        connect(m_tokenFetch, &GoogleTokenFetch::finished, this, &KeyTester::onTokenFetched);
        m_tokenFetch->start();
        return;
    }
    probe();
}

void KeyTester::onTokenFetched()
{
    if (!m_tokenFetch->token()) {
        finish({ m_tokenFetch->credentialRejected() ? KeyProbe::Verdict::Invalid
                                                    : KeyProbe::Verdict::Unreachable,
            0, m_clock.elapsed(), m_tokenFetch->error() });
        return;
    }
    m_target.accessToken = m_tokenFetch->token()->value;
    probe();
}

void KeyTester::probe()
{
    Result<UpstreamRequest> request = KeyProbe::request(m_target);
    if (!request) {
        QTimer::singleShot(0, this, [this, error = request.failure().message] {
            finish({ KeyProbe::Verdict::Failed, 0, 0, error });
        });
        return;
    }
    m_call = new UpstreamCall(std::move(*request), m_target.caFile, probeTimeouts, this);
    connect(m_call, &UpstreamCall::dataArrived, this, [this](const QByteArray& bytes) {
        if (m_body.size() < maximumBody)
            m_body += bytes;
    });
    // Queued: the call may fail inside start(), before anyone could hear it here.
    connect(m_call, &UpstreamCall::finished, this, &KeyTester::onFinished, Qt::QueuedConnection);
    connect(
        m_call, &UpstreamCall::failed, this,
        [this](const QString&, const QString& message) { onFailed(message); },
        Qt::QueuedConnection);
    m_call->start();
}

QCoro::Task<KeyTestResult> KeyTester::test(UpstreamTarget target)
{
    // On the heap: the coroutine resumes inside a call the tester receives.
    auto* tester = new KeyTester(std::move(target));
    tester->start();
    const KeyTestResult result = co_await qCoro(tester, &KeyTester::finished);
    tester->deleteLater();
    co_return result;
}

void KeyTester::onFinished()
{
    const int status = m_call->status();
    const KeyProbe::Verdict verdict = KeyProbe::verdict(status, m_body);
    // Redacted whole: the message is cut short from it, and a secret's start would stay.
    finish({ verdict, status, m_clock.elapsed(),
        verdict == KeyProbe::Verdict::Works ? QString()
                                            : providerMessage(redactor().redact(m_body)) });
}

void KeyTester::onFailed(const QString& message)
{
    finish({ KeyProbe::Verdict::Unreachable, m_call->status(), m_clock.elapsed(), message });
}

SecretRedactor KeyTester::redactor() const
{
    return SecretRedactor({ m_target.secret }).with(m_target.accessToken);
}

void KeyTester::finish(KeyTestResult result)
{
    // Some services quote the key (or the token) they were given in their error.
    result.detail = redactor().redact(result.detail);
    emit finished(result);
}
