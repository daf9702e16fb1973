#pragma once

#include "router/records/RequestRecord.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <chrono>

// The router's events for the window. They come from the router's threads, at any rate; they are
// gathered per request and handed to the feed's own thread (the GUI's) at most twenty times a
// second, so a load of thousands of requests a second never floods the event loop.
class ActivityFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds interval { 50 };
    // Requests gathered between two deliveries beyond this are dropped (and counted): the window
    // shows the newest, the activity log keeps them all.
    static constexpr int maxWaiting = 20'000;

    explicit ActivityFeed(QObject* parent = nullptr);

    // From any thread.
    void requestStarted(const RequestRecord& record);
    void attemptFinished(const AttemptRecord& attempt);
    void requestFinished(const RequestRecord& record);

signals:
    // Requests as they stand now, each new or changed since the last delivery, in the order
    // they were first seen; `dropped` counts requests left out since the last delivery.
    void updated(const QList<RequestRecord>& requests, int dropped);

private:
    // The waiting entry for `id`, or nullptr when there is no room; under m_mutex.
    RequestRecord* waitingEntry(const QString& id);
    void scheduleDelivery();
    void deliver();

    QTimer m_timer;
    QMutex m_mutex; // guards what follows
    QList<RequestRecord> m_waiting;
    QHash<QString, qsizetype> m_indexOf; // request id → index in m_waiting
    int m_dropped = 0;
    bool m_scheduled = false;
};
