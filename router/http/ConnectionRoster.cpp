#include "router/http/ConnectionRoster.h"

#include "router/http/ConnectionStanding.h"
#include "router/http/HttpConnection.h"

#include <QMutexLocker>

ConnectionRoster::ConnectionRoster(qint64 minBodyBytesPerSecond)
    : m_minBodyBytesPerSecond(minBodyBytesPerSecond)
{ }

void ConnectionRoster::add(HttpConnection* connection)
{
    const QMutexLocker lock(&m_mutex);
    m_connections.insert(connection);
}

void ConnectionRoster::remove(HttpConnection* connection)
{
    const QMutexLocker lock(&m_mutex);
    if (m_connections.remove(connection))
        --m_open;
}

bool ConnectionRoster::closeFurthestBehind()
{
    const QMutexLocker lock(&m_mutex);
    const qint64 now = ConnectionStanding::nowMs();
    HttpConnection* furthest = nullptr;
    qint64 furthestBehind = 0;
    for (HttpConnection* connection : std::as_const(m_connections)) {
        const auto behind = connection->standing().msBehind(now, m_minBodyBytesPerSecond);
        if (behind && (!furthest || *behind > furthestBehind)) {
            furthest = connection;
            furthestBehind = *behind;
        }
    }
    if (!furthest)
        return false;
    m_connections.remove(furthest);
    --m_open;
    // Posted while the lock is held: the connection leaves the roster (under this lock) before
    // it is deleted, so it is alive now, and a deleted object's posted events are dropped.
    QMetaObject::invokeMethod(furthest, &HttpConnection::makeRoom, Qt::QueuedConnection);
    return true;
}
