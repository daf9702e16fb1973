#include "app/activity/ActivityFeed.h"

ActivityFeed::ActivityFeed(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &ActivityFeed::deliver);
}

RequestRecord* ActivityFeed::waitingEntry(const QString& id)
{
    if (const auto it = m_indexOf.constFind(id); it != m_indexOf.cend())
        return &m_waiting[*it];
    if (m_waiting.size() >= maxWaiting) {
        ++m_dropped;
        return nullptr;
    }
    m_indexOf.insert(id, m_waiting.size());
    m_waiting.append(RequestRecord());
    m_waiting.last().id = id;
    return &m_waiting.last();
}

void ActivityFeed::requestStarted(const RequestRecord& record)
{
    {
        QMutexLocker lock(&m_mutex);
        if (RequestRecord* entry = waitingEntry(record.id))
            *entry = record;
    }
    scheduleDelivery();
}

void ActivityFeed::attemptFinished(const AttemptRecord& attempt)
{
    {
        QMutexLocker lock(&m_mutex);
        // An attempt of a request delivered before: the window adds it to what it has.
        if (RequestRecord* entry = waitingEntry(attempt.requestId))
            entry->attempts.append(attempt);
    }
    scheduleDelivery();
}

void ActivityFeed::requestFinished(const RequestRecord& record)
{
    {
        QMutexLocker lock(&m_mutex);
        if (RequestRecord* entry = waitingEntry(record.id))
            *entry = record; // the finished record carries every attempt
    }
    scheduleDelivery();
}

void ActivityFeed::scheduleDelivery()
{
    {
        QMutexLocker lock(&m_mutex);
        if (std::exchange(m_scheduled, true))
            return;
    }
    // The timer belongs to the feed's thread.
    QMetaObject::invokeMethod(
        this, [this] { m_timer.start(); }, Qt::QueuedConnection);
}

void ActivityFeed::deliver()
{
    QList<RequestRecord> requests;
    int dropped = 0;
    {
        QMutexLocker lock(&m_mutex);
        requests = std::exchange(m_waiting, {});
        m_indexOf.clear();
        dropped = std::exchange(m_dropped, 0);
        m_scheduled = false;
    }
    if (!requests.isEmpty() || dropped > 0)
        emit updated(requests, dropped);
}
