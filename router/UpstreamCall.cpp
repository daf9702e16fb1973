#include "UpstreamCall.h"

#include "UpstreamNetwork.h"

#include <QNetworkReply>

UpstreamCall::UpstreamCall(
    UpstreamRequest request, QString caFile, Timeouts timeouts, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_caFile(std::move(caFile))
    , m_timeouts(timeouts)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        fail(QStringLiteral("timeout"), QStringLiteral("no %1 in time").arg(m_waitingFor));
    });
}

UpstreamCall::~UpstreamCall()
{
    cancel();
    if (m_reply)
        m_reply->deleteLater();
}

void UpstreamCall::cancel()
{
    m_done = true;
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void UpstreamCall::armTimer(std::chrono::milliseconds timeout, const QString& what)
{
    m_waitingFor = what;
    m_timer.start(timeout);
}

void UpstreamCall::start()
{
    m_reply = UpstreamNetwork::forCurrentThread().send(m_request, m_caFile);
    armTimer(m_timeouts.firstByte, QStringLiteral("answer"));
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this,
        [this] { armTimer(m_timeouts.connect, QStringLiteral("connection")); });
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        if (!m_gotBody)
            armTimer(m_timeouts.firstByte, QStringLiteral("answer"));
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &UpstreamCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &UpstreamCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &UpstreamCall::onFinished);
}

void UpstreamCall::onMetaData()
{
    if (m_status != 0)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 0)
        return;
    for (const auto& [name, value] : m_reply->rawHeaderPairs())
        m_headers.append({ name, value });
    emit responseStarted();
}

void UpstreamCall::onReadyRead()
{
    if (m_status == 0)
        onMetaData();
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    m_gotBody = true;
    armTimer(m_timeouts.idle, QStringLiteral("data"));
    emit dataArrived(bytes);
}

void UpstreamCall::onFinished()
{
    if (m_done)
        return;
    m_timer.stop();
    if (m_status == 0)
        onMetaData();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    if (m_done)
        return; // what was read ended the call
    const QNetworkReply::NetworkError error = m_reply->error();
    // Codes below 200 are the transport's (refused, reset, TLS, proxy); the content and server
    // ranges mean an HTTP answer with an error status, which is read like any other answer.
    const bool transportFailed = error != QNetworkReply::NoError
        && (int(error) < int(QNetworkReply::ContentAccessDenied)
            || error == QNetworkReply::ProtocolFailure || m_status == 0);
    if (transportFailed) {
        fail(QStringLiteral("server_error"), m_reply->errorString());
        return;
    }
    m_done = true;
    emit finished();
}

void UpstreamCall::fail(const QString& errorClass, const QString& message)
{
    if (m_done)
        return;
    cancel();
    emit failed(errorClass, message);
}
