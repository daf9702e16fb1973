#include "router/http/HttpServer.h"

#include "router/http/HttpConnection.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

class HttpServer::Listener : public QTcpServer
{
public:
    explicit Listener(HttpServer* server)
        : m_server(server)
    { }

protected:
    void incomingConnection(qintptr socketDescriptor) override
    {
        m_server->accept(socketDescriptor);
    }

private:
    HttpServer* m_server;
};

HttpServer::HttpServer(HttpLimits limits, HttpHandler handler, int workerThreads, QObject* parent)
    : QObject(parent)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_listener(std::make_unique<Listener>(this))
    , m_roster(limits.minBodyBytesPerSecond)
{
    for (int i = 0; i < std::max(1, workerThreads); ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("keyway-http-%1").arg(i));
        auto* worker = new QObject;
        worker->moveToThread(thread.get());
        connect(thread.get(), &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        m_workers.push_back(worker);
        m_threads.push_back(std::move(thread));
    }
}

HttpServer::~HttpServer()
{
    close();
    for (const auto& thread : m_threads) {
        thread->quit();
        thread->wait();
    }
}

Result<void> HttpServer::listen(const QHostAddress& address, quint16 port)
{
    // Agents started together connect together: Qt's default backlog of 50 would leave the rest
    // to TCP's one-second SYN retry.
    m_listener->setListenBacklogSize(1024);
    if (!m_listener->listen(address, port))
        return networkFailure(m_listener->errorString());
    return {};
}

quint16 HttpServer::port() const
{
    return m_listener->serverPort();
}

void HttpServer::close()
{
    m_listener->close();
}

void HttpServer::accept(qintptr socketDescriptor)
{
    // At the limit a new client is let in by closing the one furthest behind; it is turned away
    // only when every open connection is answering a request.
    if (m_roster.open() >= m_limits.maxConnections && !m_roster.closeFurthestBehind()) {
        // Answered without blocking the listener: the socket goes once the answer is out.
        auto* refused = new QTcpSocket(this);
        refused->setSocketDescriptor(socketDescriptor);
        connect(refused, &QTcpSocket::disconnected, refused, &QObject::deleteLater);
        refused->write(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        refused->disconnectFromHost();
        return;
    }
    m_roster.reserve();
    QObject* worker = m_workers.at(m_nextWorker++ % m_workers.size());
    QMetaObject::invokeMethod(worker, [this, worker, socketDescriptor, check = m_headCheck] {
        new HttpConnection(socketDescriptor, m_limits, m_handler, check, m_roster, worker);
    });
}
