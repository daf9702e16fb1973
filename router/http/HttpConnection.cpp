#include "router/http/HttpConnection.h"

#include "router/http/ConnectionRoster.h"
#include "router/http/ContentDecoder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "keyway.router.http")

namespace {

HttpConnection* self(http_parser* parser)
{
    return static_cast<HttpConnection*>(parser->data);
}

QByteArray reasonPhrase(int status)
{
    return QByteArray(http_status_str(static_cast<http_status>(status)));
}

QByteArray errorBody(const QString& message)
{
    // Before a request is whole its protocol is unknown; OpenAI's error shape is the default.
    const QJsonObject error { { QStringLiteral("message"), message },
        { QStringLiteral("type"), QStringLiteral("invalid_request_error") } };
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), error } })
        .toJson(QJsonDocument::Compact);
}

// A limit as people write it: "32 MiB", "64 KiB", or bytes when it is neither.
QString sizeText(qsizetype bytes)
{
    constexpr qsizetype kib = 1024;
    if (bytes >= kib * kib && bytes % (kib * kib) == 0)
        return QStringLiteral("%1 MiB").arg(bytes / (kib * kib));
    if (bytes >= kib && bytes % kib == 0)
        return QStringLiteral("%1 KiB").arg(bytes / kib);
    return QStringLiteral("%1 bytes").arg(bytes);
}

// The content codings of a body in the order they were applied, from every Content-Encoding
// field; identity changes nothing and is left out.
QList<QByteArray> contentCodings(const HttpHeaders& headers)
{
    QList<QByteArray> codings;
    for (const auto& [name, value] : headers) {
        if (name.compare("content-encoding", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray& coding : value.split(',')) {
            const QByteArray trimmed = coding.trimmed().toLower();
            if (!trimmed.isEmpty() && trimmed != "identity")
                codings.append(trimmed);
        }
    }
    return codings;
}

} // namespace

HttpConnection::HttpConnection(qintptr socketDescriptor, const HttpLimits& limits,
    HttpHandler handler, HttpHeadCheck headCheck, ConnectionRoster& roster, QObject* parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_headCheck(std::move(headCheck))
    , m_roster(roster)
{
    m_socket->setSocketDescriptor(socketDescriptor);
    // Unread input stays in the kernel, so a client that pipelines without end is slowed by TCP.
    m_socket->setReadBufferSize(m_limits.readBufferBytes);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;

    m_requestTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_limits.idleTimeout);
    connect(&m_requestTimer, &QTimer::timeout, this, &HttpConnection::requestTimedOut);
    connect(&m_idleTimer, &QTimer::timeout, this, &HttpConnection::close);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::serve);
    // Answers drained below the limit let a request that was held back in.
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        const bool inputWaits
            = m_unparsedFrom < m_unparsed.size() || m_socket->bytesAvailable() > 0;
        if (inputWaits && mayStartNext())
            serveLater();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    m_idleTimer.start();
    m_standing.waitingSince(ConnectionStanding::nowMs());
    m_roster.add(this);
}

HttpConnection::~HttpConnection()
{
    if (m_current)
        m_current->markClientGone();
}

const http_parser_settings& HttpConnection::parserSettings()
{
    static const http_parser_settings settings = [] {
        http_parser_settings s {};
        s.on_message_begin = &HttpConnection::onMessageBegin;
        s.on_url = &HttpConnection::onUrl;
        s.on_header_field = &HttpConnection::onHeaderField;
        s.on_header_value = &HttpConnection::onHeaderValue;
        s.on_headers_complete = &HttpConnection::onHeadersComplete;
        s.on_body = &HttpConnection::onBody;
        s.on_message_complete = &HttpConnection::onMessageComplete;
        return s;
    }();
    return settings;
}

int HttpConnection::onMessageBegin(http_parser* parser)
{
    HttpConnection* c = self(parser);
    c->m_building = HttpRequest();
    c->m_headerCollector.take();
    c->m_headerBytes = 0;
    c->m_headerComplete = false;
    c->m_receivedBodyBytes = 0;
    c->m_decoder.reset();
    c->m_idleTimer.stop();
    c->m_requestTimer.start(c->m_limits.headerTimeout);
    c->m_standing.requestBegan(ConnectionStanding::nowMs());
    return 0;
}

bool HttpConnection::countHeaderBytes(size_t length)
{
    m_headerBytes += qsizetype(length);
    if (m_headerBytes <= m_limits.maxHeaderBytes)
        return true;
    m_rejectStatus = 431;
    return false;
}

int HttpConnection::onUrl(http_parser* parser, const char* at, size_t length)
{
    HttpConnection* c = self(parser);
    c->m_building.target.append(at, qsizetype(length));
    return c->countHeaderBytes(length) ? 0 : 1;
}

int HttpConnection::onHeaderField(http_parser* parser, const char* at, size_t length)
{
    HttpConnection* c = self(parser);
    c->m_headerCollector.addNamePiece(at, length);
    return c->countHeaderBytes(length) ? 0 : 1;
}

int HttpConnection::onHeaderValue(http_parser* parser, const char* at, size_t length)
{
    HttpConnection* c = self(parser);
    c->m_headerCollector.addValuePiece(at, length);
    return c->countHeaderBytes(length) ? 0 : 1;
}

int HttpConnection::onHeadersComplete(http_parser* parser)
{
    HttpConnection* c = self(parser);
    c->m_building.headers = c->m_headerCollector.take();
    c->m_building.method = http_method_str(static_cast<http_method>(parser->method));
    c->m_building.httpMinor = parser->http_minor;
    // Who may ask is decided before the body is read, so a refused caller never gets to send one.
    if (c->m_headCheck) {
        c->m_refusal = c->m_headCheck(c->m_building);
        if (c->m_refusal)
            return -1;
    }
    // ULLONG_MAX means "no Content-Length"; a chunked body is counted as it arrives.
    if (parser->content_length != ULLONG_MAX
        && parser->content_length > quint64(c->m_limits.maxBodyBytes)) {
        c->m_rejectStatus = 413;
        return -1;
    }
    if (!c->startDecoding())
        return -1;
    c->m_headerComplete = true;
    c->m_declaredBodyBytes
        = parser->content_length != ULLONG_MAX ? qint64(parser->content_length) : 0;
    c->m_bodyStartedMs = ConnectionStanding::nowMs();
    c->m_requestTimer.start(c->bodyAllowance());
    return 0;
}

// A body sent compressed (Codex CLI sends zstd) is undone as it arrives, so the handler sees the
// plain body. One coding only: no client stacks them, and each would be one more to bound.
bool HttpConnection::startDecoding()
{
    const QList<QByteArray> codings = contentCodings(m_building.headers);
    if (codings.isEmpty())
        return true;
    const QString named = QString::fromLatin1(codings.join(", "));
    if (codings.size() > 1)
        return rejectWith(415,
            tr("The request body is compressed more than once (%1); Keyway reads a body "
               "compressed once, with gzip, deflate or zstd.")
                .arg(named));
    bool supported = false;
    m_decoder = ContentDecoder::forEncoding(codings.first(), &supported, m_limits.maxBodyBytes);
    if (!supported)
        return rejectWith(415,
            tr("The request body's Content-Encoding %1 is not supported; Keyway reads gzip, "
               "deflate and zstd.")
                .arg(named));
    m_bodyCoding = codings.first();
    return true;
}

int HttpConnection::onBody(http_parser* parser, const char* at, size_t length)
{
    return self(parser)->takeBody(at, length) ? 0 : 1;
}

// The bytes as sent are bounded as well as the plain ones: zstd's skippable frames give none.
bool HttpConnection::takeBody(const char* at, size_t length)
{
    m_receivedBodyBytes += qint64(length);
    if (m_receivedBodyBytes > m_limits.maxBodyBytes) {
        m_rejectStatus = 413;
        return false;
    }
    if (m_decoder)
        return takeDecoded(at, length);
    m_building.body.append(at, qsizetype(length));
    return true;
}

bool HttpConnection::takeDecoded(const char* at, size_t length)
{
    QByteArray plain;
    if (m_decoder->decode(QByteArray::fromRawData(at, qsizetype(length)), &plain)) {
        m_building.body += plain;
        return true;
    }
    if (m_decoder->error() == ContentDecoder::Error::TooLarge) {
        m_rejectStatus = 413; // the plain body is what the limit is for
        return false;
    }
    return rejectCorruptBody();
}

// The request passes on as if it had been sent plain: the handler, and whatever forwards its
// headers, never sees a coding that no longer applies or a length that is not the body's.
bool HttpConnection::finishDecoding()
{
    // A request without a body has nothing to undo, whatever its headers say.
    if (m_receivedBodyBytes > 0 && !m_decoder->finish())
        return rejectCorruptBody();
    m_decoder.reset();
    m_building.headers.removeIf([](const auto& header) {
        return header.first.compare("content-encoding", Qt::CaseInsensitive) == 0;
    });
    for (auto& [name, value] : m_building.headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            value = QByteArray::number(m_building.body.size());
    }
    return true;
}

bool HttpConnection::rejectCorruptBody()
{
    return rejectWith(400,
        tr("The request body is not valid %1 data: it is corrupt or cut short.")
            .arg(QString::fromLatin1(m_bodyCoding)));
}

bool HttpConnection::rejectWith(int status, const QString& message)
{
    m_rejectStatus = status;
    m_rejectMessage = message;
    return false;
}

int HttpConnection::onMessageComplete(http_parser* parser)
{
    HttpConnection* c = self(parser);
    if (c->m_decoder && !c->finishDecoding())
        return 1;
    c->m_requestTimer.stop();
    c->m_keepAlive = http_should_keep_alive(parser) != 0;
    c->m_complete = std::make_unique<HttpRequest>(std::move(c->m_building));
    // One request at a time: the rest of the input waits until this one is answered.
    http_parser_pause(parser, 1);
    return 0;
}

// The one place requests are parsed and dispatched: a loop, so that answering a request never
// parses the next one inside the answer (tens of thousands of pipelined requests answered at
// once would otherwise each add to the stack until it overflows).
void HttpConnection::serve()
{
    if (m_serving)
        return; // called back from inside the loop: it reads on by itself
    m_serving = true;
    int started = 0;
    while (mayStartNext()) {
        if (started == m_limits.requestsPerTurn) {
            serveLater(); // the other connections of this thread get their turn first
            break;
        }
        if (!parseNext())
            break;
        ++started;
        dispatch(); // an answer given at once lets the loop go on to the next request
    }
    m_serving = false;
}

// From the event loop, never from inside an answer.
void HttpConnection::serveLater()
{
    if (m_serveQueued || m_closed)
        return;
    m_serveQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_serveQueued = false;
            serve();
        },
        Qt::QueuedConnection);
}

// One request at a time, and none while the client leaves more answers unread than the
// pipelining depth allows: the rest waits in the socket and, when that is full, in the kernel.
bool HttpConnection::mayStartNext() const
{
    return !m_current && !m_closed && m_keepAlive
        && m_socket->bytesToWrite() <= m_limits.maxUnsentBytes;
}

// Parses until a request is whole (true), or the input runs out or is refused (false).
bool HttpConnection::parseNext()
{
    for (;;) {
        if (m_unparsedFrom == m_unparsed.size()) {
            m_unparsed = m_socket->read(m_limits.readBufferBytes);
            m_unparsedFrom = 0;
            m_standing.received(m_unparsed.size());
            if (m_unparsed.isEmpty())
                return false;
        }
        const size_t consumed = http_parser_execute(&m_parser, &parserSettings(),
            m_unparsed.constData() + m_unparsedFrom, size_t(m_unparsed.size() - m_unparsedFrom));
        m_unparsedFrom += qsizetype(consumed);
        const auto error = static_cast<http_errno>(m_parser.http_errno);
        if (error == HPE_PAUSED) {
            http_parser_pause(&m_parser, 0);
            return true;
        }
        if (error != HPE_OK) {
            refuse(error);
            return false;
        }
    }
}

void HttpConnection::refuse(http_errno error)
{
    if (m_refusal) {
        answerAndClose(m_refusal->status, m_refusal->headers, m_refusal->body);
    } else if (!m_rejectMessage.isEmpty()) {
        rejectAndClose(m_rejectStatus, m_rejectMessage);
    } else if (m_rejectStatus == 413) {
        rejectAndClose(413,
            QStringLiteral("The request body is larger than %1.")
                .arg(sizeText(m_limits.maxBodyBytes)));
    } else if (m_rejectStatus == 431 || error == HPE_HEADER_OVERFLOW) {
        rejectAndClose(431,
            QStringLiteral("The request headers are larger than %1.")
                .arg(sizeText(m_limits.maxHeaderBytes)));
    } else {
        rejectAndClose(400,
            QStringLiteral("Malformed HTTP request: ")
                + QString::fromLatin1(http_errno_description(error)));
    }
}

// The time a body may take: a fixed deadline, or longer for a large one at the minimum rate. A
// chunked body's size is not known in advance, so what has arrived of it so far counts.
std::chrono::milliseconds HttpConnection::bodyAllowance() const
{
    const qint64 bytes = std::max(m_declaredBodyBytes, m_receivedBodyBytes);
    const std::chrono::milliseconds atMinimumRate(
        m_limits.minBodyBytesPerSecond > 0 ? bytes * 1000 / m_limits.minBodyBytesPerSecond : 0);
    return std::max(m_limits.bodyTimeout, atMinimumRate);
}

void HttpConnection::requestTimedOut()
{
    if (!m_headerComplete) {
        qCDebug(lcHttp) << "closing a client that is too slow to send its headers";
        close();
        return;
    }
    // A chunked body that kept coming has earned more time since the timer was set.
    const qint64 remaining
        = m_bodyStartedMs + bodyAllowance().count() - ConnectionStanding::nowMs();
    if (remaining > 0) {
        m_requestTimer.start(std::chrono::milliseconds(remaining));
        return;
    }
    rejectAndClose(408,
        QStringLiteral("The request body did not arrive in time (%1 s).")
            .arg(bodyAllowance().count() / 1000));
}

void HttpConnection::makeRoom()
{
    if (m_current) {
        // Chosen while it waited, but a request has begun to be answered since: it stays.
        m_roster.reserve();
        m_roster.add(this);
        return;
    }
    qCDebug(lcHttp) << "closing the client furthest behind to make room for a new one";
    if (m_keepAlive && m_requestTimer.isActive())
        rejectAndClose(408,
            QStringLiteral("Closed to make room for other clients: the request "
                           "was arriving too slowly."));
    else
        close();
}

void HttpConnection::dispatch()
{
    m_standing.answering();
    m_current = std::make_shared<HttpExchange>(std::move(*m_complete), this);
    m_complete.reset();
    m_handler(m_current);
}

void HttpConnection::writeHead(int status, const HttpHeaders& headers, const QByteArray& framing)
{
    QByteArray head
        = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += framing;
    head += m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    m_socket->write(head);
}

void HttpConnection::sendResponse(int status, const HttpHeaders& headers, const QByteArray& body)
{
    writeHead(status, headers, "Content-Length: " + QByteArray::number(body.size()) + "\r\n");
    // A HEAD answer has the headers of the GET answer and no body.
    if (!m_current || m_current->request().method != "HEAD")
        m_socket->write(body);
    finishExchange();
}

void HttpConnection::beginStream(int status, const HttpHeaders& headers)
{
    // HTTP/1.0 has no chunked encoding: the end of the body is the end of the connection.
    m_chunked = m_current && m_current->request().httpMinor >= 1;
    if (!m_chunked)
        m_keepAlive = false;
    m_requestTimer.stop();
    m_roster.remove(this); // on its way out: no longer one to make room from
    writeHead(status, headers, m_chunked ? "Transfer-Encoding: chunked\r\n" : QByteArray());
}

void HttpConnection::writeStreamData(const QByteArray& data)
{
    if (m_chunked)
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    else
        m_socket->write(data);
}

void HttpConnection::endStream()
{
    if (m_chunked)
        m_socket->write("0\r\n\r\n");
    finishExchange();
}

void HttpConnection::finishExchange()
{
    m_current.reset();
    if (!m_keepAlive) {
        m_socket->disconnectFromHost();
        return;
    }
    m_idleTimer.start();
    m_standing.waitingSince(ConnectionStanding::nowMs());
    // The next pipelined request, if one is waiting: parsed by the loop this answer was given in,
    // or in a turn of its own after an answer given later.
    if (!m_serving)
        serveLater();
}

void HttpConnection::rejectAndClose(int status, const QString& message)
{
    qCDebug(lcHttp) << "rejecting a request:" << status << message;
    answerAndClose(status, { { "Content-Type", "application/json" } }, errorBody(message));
}

// For a request whose rest is not read (refused before its body, or malformed): the connection
// cannot go on after it.
void HttpConnection::answerAndClose(int status, const HttpHeaders& headers, const QByteArray& body)
{
    m_keepAlive = false;
    m_requestTimer.stop();
    m_roster.remove(this); // on its way out: no longer one to make room from
    writeHead(status, headers, "Content-Length: " + QByteArray::number(body.size()) + "\r\n");
    if (m_building.method != "HEAD")
        m_socket->write(body);
    m_socket->disconnectFromHost();
}

void HttpConnection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_requestTimer.stop();
    m_idleTimer.stop();
    m_roster.remove(this);
    if (m_current) {
        m_current->markClientGone();
        m_current.reset();
    }
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    emit closed();
    deleteLater();
}
