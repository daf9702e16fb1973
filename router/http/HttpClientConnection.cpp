#include "router/http/HttpClientConnection.h"

#include "router/http/ContentDecoder.h"
#include "router/http/UpstreamLimits.h"

#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcHttpClient, "keyway.router.http.client")

namespace {

HttpClientConnection* self(http_parser* parser)
{
    return static_cast<HttpClientConnection*>(parser->data);
}

bool isSafeHeaderText(QByteArrayView text)
{
    return !text.contains('\r') && !text.contains('\n') && !text.contains('\0');
}

// "host" or "host:port" as the URL gives it, IPv6 addresses in brackets.
QByteArray hostHeader(const QUrl& url)
{
    return url
        .toEncoded(QUrl::RemoveScheme | QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
            | QUrl::RemoveFragment)
        .mid(2); // without the leading "//"
}

QByteArray requestTarget(const QUrl& url)
{
    const QByteArray target
        = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    return target.isEmpty() ? QByteArray("/") : target;
}

} // namespace

HttpClientConnection::HttpClientConnection(const QUrl& origin,
    const QList<QSslCertificate>& extraCa, const QNetworkProxy& proxy, PeerCheck peerCheck,
    QObject* parent)
    : QObject(parent)
    , m_origin(origin)
    , m_peerCheck(std::move(peerCheck))
{
    if (origin.scheme() == u"https") {
        auto* tls = new QSslSocket(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.addCaCertificates(extraCa);
        configuration.setAllowedNextProtocols({ QByteArrayLiteral("http/1.1") });
        tls->setSslConfiguration(configuration);
        connect(tls, &QSslSocket::encrypted, this, &HttpClientConnection::onConnected);
        m_socket = tls;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &HttpClientConnection::onConnected);
    }
    m_socket->setProxy(proxy);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpClientConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpClientConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpClientConnection::onSocketError);
    m_idleSince.start();
}

HttpClientConnection::~HttpClientConnection()
{
    abort();
}

const http_parser_settings& HttpClientConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s {};
        s.on_header_field = &HttpClientConnection::onHeaderField;
        s.on_header_value = &HttpClientConnection::onHeaderValue;
        s.on_headers_complete = &HttpClientConnection::onHeadersComplete;
        s.on_body = &HttpClientConnection::onBody;
        s.on_message_complete = &HttpClientConnection::onMessageComplete;
        return s;
    }();
    return settings;
}

void HttpClientConnection::send(const QUrl& url, const HttpHeaders& headers, const QByteArray& body)
{
    QByteArray request = (body.isNull() ? "GET " : "POST ") + requestTarget(url)
        + " HTTP/1.1\r\nHost: " + hostHeader(url) + "\r\n";
    for (const auto& [name, value] : headers) {
        if (!isSafeHeaderText(name) || !isSafeHeaderText(value)) {
            // Reported from the event loop: the caller is still inside its own call to send().
            QMetaObject::invokeMethod(
                this,
                [this] { fail(tr("A header of the request (or the key) contains a line break")); },
                Qt::QueuedConnection);
            return;
        }
        request += name + ": " + value + "\r\n";
    }
    if (!body.isNull())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;

    http_parser_init(&m_parser, HTTP_RESPONSE);
    m_parser.data = this;
    m_status = 0;
    m_headers.clear();
    m_headerCollector.take();
    m_headReady = m_headDelivered = m_complete = m_keepAlive = false;
    m_body.clear();
    m_decoder.reset();

    if (m_state == State::Idle) {
        qCDebug(lcHttpClient) << "reusing the connection to" << m_origin.host();
        m_state = State::Waiting;
        m_socket->write(request);
        return;
    }
    m_pendingRequest = std::move(request);
    m_state = State::Connecting;
    const bool tls = m_origin.scheme() == u"https";
    const quint16 port = quint16(m_origin.port(tls ? 443 : 80));
    qCDebug(lcHttpClient) << "connecting to" << m_origin.host() << port << (tls ? "with TLS" : "");
    if (tls)
        static_cast<QSslSocket*>(m_socket)->connectToHostEncrypted(m_origin.host(), port);
    else
        m_socket->connectToHost(m_origin.host(), port);
}

bool HttpClientConnection::isConnected() const
{
    return m_state == State::Idle || m_state == State::Waiting;
}

bool HttpClientConnection::isReusable() const
{
    if (m_state != State::Idle || m_socket->state() != QAbstractSocket::ConnectedState
        || m_socket->bytesAvailable() > 0)
        return false;
#ifdef Q_OS_UNIX
    // The provider may have closed the connection while it sat idle, and the event loop has not
    // told us yet: look without reading. An idle connection has nothing to read, so anything
    // (end of stream, a TLS alert, stray bytes) means it cannot carry another request.
    char byte;
    const ssize_t peeked
        = ::recv(int(m_socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (peeked >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
        return false;
#endif
    return true;
}

void HttpClientConnection::abort()
{
    m_state = State::Closed;
    m_socket->disconnect(this);
    m_socket->abort();
}

void HttpClientConnection::onConnected()
{
    if (m_state != State::Connecting)
        return;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (auto* tls = qobject_cast<QSslSocket*>(m_socket); tls && tls->isEncrypted()) {
        qCDebug(lcHttpClient) << "connected to" << m_origin.host() << "over"
                              << tls->sessionCipher().protocolString();
    } else if (auto allowed = m_peerCheck(m_origin, m_socket->peerAddress()); !allowed) {
        // The name may resolve elsewhere than when the key was saved: the request, with the
        // key in it, is only written to an address the rule accepts.
        qCWarning(lcHttpClient) << "plain HTTP to" << m_origin.host() << "refused at"
                                << m_socket->peerAddress().toString();
        m_pendingRequest.clear();
        abort();
        emit refused(allowed.failure().message);
        return;
    } else {
        qCDebug(lcHttpClient) << "connected to" << m_origin.host();
    }
    m_state = State::Waiting;
    m_socket->write(std::exchange(m_pendingRequest, QByteArray()));
    emit connected();
}

void HttpClientConnection::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    if (m_state == State::Idle && !bytes.isEmpty()) {
        // Nothing was asked; the connection's state is unknown now.
        abort();
        emit closedWhileIdle();
        return;
    }
    if (m_state != State::Waiting)
        return;
    parse(bytes.constData(), bytes.size());
}

void HttpClientConnection::onDisconnected()
{
    if (m_state == State::Idle) {
        abort();
        emit closedWhileIdle();
        return;
    }
    if (m_state != State::Waiting)
        return;
    const QByteArray rest = m_socket->readAll();
    if (!rest.isEmpty())
        parse(rest.constData(), rest.size());
    if (m_state == State::Waiting) {
        // The end of the stream completes an answer that runs until it; any other stays
        // incomplete, which is reported below rather than as a parser error.
        http_parser_execute(&m_parser, &parserSettings(), nullptr, 0);
        deliver(false);
    }
    if (m_state == State::Waiting) {
        fail(m_headDelivered ? tr("The provider closed the connection in the middle of the answer")
                             : tr("The provider closed the connection without answering"));
    }
}

void HttpClientConnection::onSocketError()
{
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError
        && m_state != State::Connecting) {
        onDisconnected(); // reports what was read before the close
        return;
    }
    if (m_state == State::Connecting || m_state == State::Waiting)
        fail(m_socket->errorString());
    else if (m_state == State::Idle) {
        abort();
        emit closedWhileIdle();
    }
}

void HttpClientConnection::parse(const char* data, qsizetype size)
{
    const size_t consumed = http_parser_execute(&m_parser, &parserSettings(), data, size_t(size));
    const auto error = static_cast<http_errno>(m_parser.http_errno);
    if (m_complete && qsizetype(consumed) < size)
        m_keepAlive = false; // bytes after the answer: the connection is out of step
    deliver(error != HPE_OK && error != HPE_PAUSED);
}

void HttpClientConnection::deliver(bool parserFailed)
{
    // A slot may abort this connection; nothing more is reported after that.
    if (m_headReady && !m_headDelivered) {
        m_headDelivered = true;
        if (!prepareDecoding())
            return;
        emit responseStarted(m_status, m_headers);
        if (m_state != State::Waiting)
            return;
    }
    if (!m_body.isEmpty()) {
        QByteArray bytes = std::exchange(m_body, QByteArray());
        if (m_decoder && !m_decoder->decode(QByteArray(bytes), &bytes)) {
            failDecoding();
            return;
        }
        if (!bytes.isEmpty())
            emit bodyReceived(bytes);
        if (m_state != State::Waiting)
            return;
    }
    if (m_complete && m_decoder && !m_decoder->isComplete()) {
        fail(tr("The provider's compressed answer ends early"));
        return;
    }
    if (m_complete) {
        if (m_keepAlive) {
            m_state = State::Idle;
            m_idleSince.start();
        } else {
            abort();
        }
        emit responseFinished();
        return;
    }
    if (parserFailed) {
        const auto error = static_cast<http_errno>(m_parser.http_errno);
        fail(tr("The provider's answer is not valid HTTP (%1)")
                 .arg(QString::fromLatin1(http_errno_description(error))));
    }
}

bool HttpClientConnection::prepareDecoding()
{
    bool supported = true;
    const QByteArray encoding = headerValue(m_headers, "content-encoding");
    m_decoder = ContentDecoder::forEncoding(encoding, &supported);
    if (!supported) {
        fail(tr("The provider answered in an encoding Keyway cannot read (%1)")
                 .arg(QString::fromLatin1(encoding)));
        return false;
    }
    if (m_decoder) {
        // What the router passes on is the plain body.
        m_headers.removeIf([](const auto& header) {
            return header.first.compare("content-encoding", Qt::CaseInsensitive) == 0
                || header.first.compare("content-length", Qt::CaseInsensitive) == 0;
        });
    }
    return true;
}

void HttpClientConnection::failDecoding()
{
    if (m_decoder->error() != ContentDecoder::Error::TooLarge) {
        fail(tr("The provider's compressed answer is corrupt"));
        return;
    }
    // Ends the answer before it takes more memory; the attempt fails like a broken answer.
    fail(tr("The provider's compressed answer inflates to more than %1 MiB, Keyway's limit for "
            "an answer")
             .arg(m_decoder->maxPlainBytes() / (1024 * 1024)));
}

void HttpClientConnection::fail(const QString& message)
{
    if (m_state == State::Closed)
        return;
    qCDebug(lcHttpClient) << "connection to" << m_origin.host() << "failed:" << message;
    abort();
    emit failed(message);
}

int HttpClientConnection::onHeaderField(http_parser* parser, const char* at, size_t length)
{
    HttpClientConnection* c = self(parser);
    c->m_headerCollector.addNamePiece(at, length);
    return c->m_headerCollector.bytes() > UpstreamLimits::maxHeaderBytes ? 1 : 0;
}

int HttpClientConnection::onHeaderValue(http_parser* parser, const char* at, size_t length)
{
    HttpClientConnection* c = self(parser);
    c->m_headerCollector.addValuePiece(at, length);
    return c->m_headerCollector.bytes() > UpstreamLimits::maxHeaderBytes ? 1 : 0;
}

int HttpClientConnection::onHeadersComplete(http_parser* parser)
{
    HttpClientConnection* c = self(parser);
    c->m_status = int(parser->status_code);
    // An interim answer's fields (100 Continue, 103 Early Hints) are dropped with it.
    c->m_headers = c->m_headerCollector.take();
    if (c->m_status >= 200)
        c->m_headReady = true;
    return 0;
}

int HttpClientConnection::onBody(http_parser* parser, const char* at, size_t length)
{
    self(parser)->m_body.append(at, qsizetype(length));
    return 0;
}

int HttpClientConnection::onMessageComplete(http_parser* parser)
{
    HttpClientConnection* c = self(parser);
    if (c->m_status < 200)
        return 0; // an interim answer: the real one follows
    c->m_complete = true;
    c->m_keepAlive = http_should_keep_alive(parser) != 0;
    http_parser_pause(parser, 1);
    return 0;
}
