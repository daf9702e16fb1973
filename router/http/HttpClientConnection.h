#pragma once

#include "router/core/Result.h"
#include "router/http/HttpHeaderCollector.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <functional>
#include <http_parser.h>
#include <memory>

class ContentDecoder;
class QHostAddress;
class QTcpSocket;

// One keep-alive HTTP/1.1 connection to a provider, plain or TLS, that carries one request at a
// time; responses are parsed with http-parser like the router's own requests.
//
// The router uses this rather than QNetworkAccessManager, by measurement (tests/bench): Qt 6.4's
// manager runs its HTTP in a thread of its own, so every request crosses threads twice and
// waits for that thread to be scheduled, and it reads a plain response's header one byte per
// read() call. Here the exchange stays on the router thread that serves the client, with
// buffered reads and one write per request.
class HttpClientConnection : public QObject
{
    Q_OBJECT

public:
    // Whether a plain-HTTP connection for `origin` may carry a request, by the address it
    // reached: PlainHttpRule::checkPeer.
    using PeerCheck = std::function<Result<void>(const QUrl& origin, const QHostAddress& peer)>;

    // `origin` gives scheme, host and port; `extraCa` are trusted besides the system's CAs;
    // `proxy` is NoProxy, or an HTTP (CONNECT) or SOCKS5 proxy to tunnel through.
    HttpClientConnection(const QUrl& origin, const QList<QSslCertificate>& extraCa,
        const QNetworkProxy& proxy, PeerCheck peerCheck, QObject* parent = nullptr);
    ~HttpClientConnection() override;

    // Connects when needed and sends the request: GET when `body` is null, POST otherwise. The
    // answer must be whole (responseFinished) before the next request.
    void send(const QUrl& url, const HttpHeaders& headers, const QByteArray& body);
    // Open, idle and kept alive by the provider, with nothing unexpected to read: it can carry
    // the next request.
    bool isReusable() const;
    bool isConnected() const;
    // How long it has been idle, for the pool's clean-up.
    qint64 idleMs() const { return m_idleSince.elapsed(); }
    // Drops the connection; no signal follows.
    void abort();

signals:
    void connected(); // TCP, and TLS when the origin is https
    void responseStarted(int status, const HttpHeaders& headers);
    void bodyReceived(const QByteArray& bytes);
    void responseFinished();
    // The connection failed or closed before the answer was whole.
    void failed(const QString& message);
    // A plain connection reached an address the peer check refuses; nothing was written.
    void refused(const QString& message);
    // An idle connection was closed by the provider.
    void closedWhileIdle();

private:
    enum class State { Unconnected, Connecting, Idle, Waiting, Closed };

    static int onHeaderField(http_parser* parser, const char* at, size_t length);
    static int onHeaderValue(http_parser* parser, const char* at, size_t length);
    static int onHeadersComplete(http_parser* parser);
    static int onBody(http_parser* parser, const char* at, size_t length);
    static int onMessageComplete(http_parser* parser);
    static const http_parser_settings& parserSettings();

    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void parse(const char* data, qsizetype size);
    void deliver(bool parserFailed);
    bool prepareDecoding();
    void failDecoding();
    void fail(const QString& message);

    QUrl m_origin;
    PeerCheck m_peerCheck;
    QTcpSocket* m_socket = nullptr;
    State m_state = State::Unconnected;
    QByteArray m_pendingRequest; // written once connected
    http_parser m_parser {};
    int m_status = 0;
    HttpHeaders m_headers;
    HttpHeaderCollector m_headerCollector;
    bool m_headReady = false;
    bool m_headDelivered = false;
    QByteArray m_body; // parsed since the last delivery
    std::unique_ptr<ContentDecoder> m_decoder; // when the answer is compressed
    bool m_complete = false;
    bool m_keepAlive = false;
    QElapsedTimer m_idleSince;
};
