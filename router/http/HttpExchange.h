#pragma once

#include "router/http/HttpRequest.h"
#include "router/http/HttpResponseSink.h"

#include <QObject>

// One request and the way to answer it: all at once with respond(), or as a stream with
// beginStream(), write() and endStream() (chunked on HTTP/1.1). Use it on the thread of its
// connection. When the client has gone, answering does nothing and clientGone() was emitted.
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    using Headers = HttpHeaders;

    HttpExchange(HttpRequest request, HttpResponseSink* sink);

    const HttpRequest& request() const { return m_request; }

    void respond(int status, const Headers& headers, const QByteArray& body);
    void beginStream(int status, const Headers& headers);
    void write(const QByteArray& data);
    void endStream();
    // Drops the connection without a word (for a test upstream that resets mid-answer).
    void abortConnection();

    // For the connection, when its client has gone: later answers go nowhere.
    void markClientGone();

signals:
    void clientGone();

private:
    HttpRequest m_request;
    HttpResponseSink* m_sink;
    bool m_streaming = false;
    bool m_finished = false;
};

#include <functional>
#include <memory>

// Called on the connection's thread for every complete request; may answer later.
using HttpHandler = std::function<void(const std::shared_ptr<HttpExchange>&)>;
