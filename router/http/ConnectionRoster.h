#pragma once

#include <QMutex>
#include <QSet>

#include <atomic>

class HttpConnection;

// The server's open client connections, shared by the listener thread and the worker threads
// that own them. Counts them against the limit, and when the limit is reached closes the one
// furthest behind (idle the longest, or slowest to send its request) to make room: every client
// here comes from 127.0.0.1, so a cap per address would lock the well-behaved client out with
// the slow ones, while closing the laggards lets it in.
class ConnectionRoster
{
public:
    explicit ConnectionRoster(qint64 minBodyBytesPerSecond);

    int open() const { return m_open.load(); }
    // The listener admits a connection before its worker thread has made it.
    void reserve() { ++m_open; }
    // On the connection's thread: the connection exists and may be chosen to make room.
    void add(HttpConnection* connection);
    // On the connection's thread, before it is deleted. A connection already chosen is not
    // counted again.
    void remove(HttpConnection* connection);
    // Asks the connection furthest behind to close, on its own thread, and stops counting it.
    // False when every connection is answering a request.
    bool closeFurthestBehind();

private:
    qint64 m_minBodyBytesPerSecond;
    QMutex m_mutex;
    QSet<HttpConnection*> m_connections;
    std::atomic<int> m_open { 0 };
};
