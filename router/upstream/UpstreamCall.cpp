#include "router/upstream/UpstreamCall.h"

#include "router/http/HttpClientConnection.h"
#include "router/http/UpstreamConnectionPool.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcUpstream, "keyway.router.upstream")

namespace {

// Where a call goes, for the log: no query, no user info (the headers, with the key, never).
QString logged(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

} // namespace

UpstreamCall::UpstreamCall(
    UpstreamRequest request, QString caFile, Timeouts timeouts, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_caFile(std::move(caFile))
    , m_timeouts(timeouts)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        qCDebug(lcUpstream) << "timed out waiting for the" << m_waitingFor << "of"
                            << logged(m_request.url);
        fail(QStringLiteral("timeout"), QStringLiteral("no %1 in time").arg(m_waitingFor));
    });
}

UpstreamCall::~UpstreamCall()
{
    cancel();
}

void UpstreamCall::cancel()
{
    m_done = true;
    m_timer.stop();
    releaseConnection();
}

void UpstreamCall::releaseConnection()
{
    if (!m_connection)
        return;
    m_connection->disconnect(this);
    // A connection still waiting for its answer cannot be reused; the pool closes it.
    UpstreamConnectionPool::forCurrentThread().release(std::exchange(m_connection, nullptr));
}

void UpstreamCall::armTimer(std::chrono::milliseconds timeout, const QString& what)
{
    m_waitingFor = what;
    m_timer.start(timeout);
}

void UpstreamCall::start()
{
    Result<HttpClientConnection*> connection
        = UpstreamConnectionPool::forCurrentThread().acquire(m_request.url, m_caFile);
    if (!connection) {
        // Reported from the event loop: the caller is still inside its own call to start().
        QMetaObject::invokeMethod(
            this,
            [this, message = connection.failure().message] {
                fail(QStringLiteral("configuration"), message);
            },
            Qt::QueuedConnection);
        return;
    }
    m_connection = *connection;
    qCDebug(lcUpstream) << "calling" << logged(m_request.url)
                        << (m_connection->isConnected() ? "on an open connection" : "");
    if (m_connection->isConnected())
        armTimer(m_timeouts.headers, QStringLiteral("answer"));
    else
        armTimer(m_timeouts.connect, QStringLiteral("connection"));
    connect(m_connection, &HttpClientConnection::connected, this,
        [this] { armTimer(m_timeouts.headers, QStringLiteral("answer")); });
    connect(m_connection, &HttpClientConnection::responseStarted, this,
        &UpstreamCall::onResponseStarted);
    connect(m_connection, &HttpClientConnection::bodyReceived, this, &UpstreamCall::onBodyReceived);
    connect(m_connection, &HttpClientConnection::responseFinished, this,
        &UpstreamCall::onResponseFinished);
    connect(m_connection, &HttpClientConnection::failed, this,
        [this](const QString& message) { fail(QStringLiteral("server_error"), message); });
    connect(m_connection, &HttpClientConnection::refused, this,
        [this](const QString& message) { fail(QStringLiteral("configuration"), message); });
    m_connection->send(m_request.url, m_request.headers, m_request.body);
}

void UpstreamCall::onResponseStarted(int status, const HttpHeaders& headers)
{
    m_status = status;
    m_headers = headers;
    qCDebug(lcUpstream) << "HTTP" << status << "from" << logged(m_request.url);
    armTimer(m_timeouts.idle, QStringLiteral("data"));
    emit responseStarted();
}

void UpstreamCall::setIdleTimeout(std::chrono::milliseconds idle)
{
    m_timeouts.idle = idle;
    if (m_timer.isActive() && m_waitingFor == u"data")
        armTimer(idle, m_waitingFor);
}

void UpstreamCall::onBodyReceived(const QByteArray& bytes)
{
    if (m_done)
        return;
    armTimer(m_timeouts.idle, QStringLiteral("data"));
    emit dataArrived(bytes);
}

void UpstreamCall::onResponseFinished()
{
    if (m_done)
        return;
    m_timer.stop();
    releaseConnection();
    m_done = true;
    emit finished();
}

void UpstreamCall::fail(const QString& errorClass, const QString& message)
{
    if (m_done)
        return;
    qCDebug(lcUpstream) << "failed:" << logged(m_request.url) << errorClass << message;
    cancel();
    emit failed(errorClass, message);
}
