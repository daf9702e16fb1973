#pragma once

#include "router/core/Result.h"
#include "router/http/ConnectionRoster.h"
#include "router/http/HttpExchange.h"
#include "router/http/HttpHeadCheck.h"
#include "router/http/HttpLimits.h"

#include <QHostAddress>
#include <QObject>

#include <memory>
#include <vector>

class QThread;
class QTcpServer;

// The router's HTTP/1.1 listener. Accepted connections are handed round-robin to worker
// threads, each with its own event loop, so the listener's thread never carries a request and
// throughput grows with cores. The handler runs on the worker thread of its connection.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    HttpServer(
        HttpLimits limits, HttpHandler handler, int workerThreads, QObject* parent = nullptr);
    ~HttpServer() override;

    // Before listen(): every connection accepted after asks `check` about each request's head.
    void setHeadCheck(HttpHeadCheck check) { m_headCheck = std::move(check); }
    // Fails (Network) when the address cannot be bound: the port is taken, the address not ours.
    Result<void> listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    void close();
    int openConnections() const { return m_roster.open(); }

private:
    class Listener;
    void accept(qintptr socketDescriptor);

    HttpLimits m_limits;
    HttpHandler m_handler;
    HttpHeadCheck m_headCheck;
    std::unique_ptr<Listener> m_listener;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<QObject*> m_workers; // one per thread, the parent of its connections
    size_t m_nextWorker = 0;
    ConnectionRoster m_roster;
};
