#pragma once

#include "router/http/ConnectionStanding.h"
#include "router/http/HttpExchange.h"
#include "router/http/HttpHeadCheck.h"
#include "router/http/HttpHeaderCollector.h"
#include "router/http/HttpLimits.h"

#include <QObject>
#include <QTimer>

#include <http_parser.h>
#include <memory>
#include <optional>

class ConnectionRoster;
class ContentDecoder;
class QTcpSocket;

// One client connection: parses requests with http-parser (Debian's libhttp-parser), one at a
// time in the order they came (pipelined requests wait their turn, so answers go out in order,
// within the pipelining depth of HttpLimits), enforces the limits, keeps the connection alive
// between requests and closes it when idle or when a client is too slow to send its request.
class HttpConnection : public QObject, public HttpResponseSink
{
    Q_OBJECT

public:
    HttpConnection(qintptr socketDescriptor, const HttpLimits& limits, HttpHandler handler,
        HttpHeadCheck headCheck, ConnectionRoster& roster, QObject* parent = nullptr);
    ~HttpConnection() override;

    void sendResponse(int status, const HttpHeaders& headers, const QByteArray& body) override;
    void beginStream(int status, const HttpHeaders& headers) override;
    void writeStreamData(const QByteArray& data) override;
    void endStream() override;
    void abortNow() override { close(); }

    const ConnectionStanding& standing() const { return m_standing; }
    // The roster chose this connection to make room for a new one: it closes unless a request
    // began to be answered since.
    void makeRoom();

signals:
    void closed();

private:
    static int onMessageBegin(http_parser* parser);
    static int onUrl(http_parser* parser, const char* at, size_t length);
    static int onHeaderField(http_parser* parser, const char* at, size_t length);
    static int onHeaderValue(http_parser* parser, const char* at, size_t length);
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, size_t length);
    static int onMessageComplete(http_parser* parser);
    static const http_parser_settings& parserSettings();

    void serve();
    void serveLater();
    bool mayStartNext() const;
    bool parseNext();
    void refuse(http_errno error);
    void requestTimedOut();
    std::chrono::milliseconds bodyAllowance() const;
    void dispatch();
    void finishExchange();
    void rejectAndClose(int status, const QString& message);
    void answerAndClose(int status, const HttpHeaders& headers, const QByteArray& body);
    void writeHead(int status, const HttpHeaders& headers, const QByteArray& framing);
    void close();
    bool countHeaderBytes(size_t length);
    bool startDecoding();
    bool takeBody(const char* at, size_t length);
    bool takeDecoded(const char* at, size_t length);
    bool finishDecoding();
    bool rejectCorruptBody();
    bool rejectWith(int status, const QString& message);

    QTcpSocket* m_socket;
    HttpLimits m_limits;
    HttpHandler m_handler;
    HttpHeadCheck m_headCheck;
    ConnectionRoster& m_roster;
    ConnectionStanding m_standing;
    http_parser m_parser {};
    QByteArray m_unparsed; // read from the socket, not yet parsed from m_unparsedFrom on
    qsizetype m_unparsedFrom = 0;
    HttpRequest m_building;
    HttpHeaderCollector m_headerCollector;
    qsizetype m_headerBytes = 0; // the target's and the fields'
    bool m_headerComplete = false;
    qint64 m_declaredBodyBytes = 0; // Content-Length, 0 when chunked
    qint64 m_bodyStartedMs = 0;
    qint64 m_receivedBodyBytes = 0; // as sent, before any Content-Encoding is undone
    std::unique_ptr<ContentDecoder> m_decoder; // when the body is sent compressed
    QByteArray m_bodyCoding; // its Content-Encoding, for the message when it is corrupt
    int m_rejectStatus = 0; // a limit a callback found broken
    QString m_rejectMessage; // what is wrong with the request, when a callback says it
    std::optional<HttpRefusal> m_refusal; // the head check's answer to the request being parsed
    std::unique_ptr<HttpRequest> m_complete;
    std::shared_ptr<HttpExchange> m_current;
    bool m_keepAlive = true;
    bool m_chunked = false;
    bool m_closed = false;
    bool m_serving = false; // serve() is on the stack: an answer given now needs no new turn
    bool m_serveQueued = false;
    QTimer m_requestTimer; // its headers, then its body, must arrive in time
    QTimer m_idleTimer;
};
