#pragma once

#include "router/records/RequestRecord.h"

#include <QHash>
#include <QMutex>
#include <QQueue>

#include <optional>

// The last finished requests, by id, so GET /api/v1/generation answers at once for what just
// happened, before the app has written it to the database. Bounded; shared by the router's
// threads.
class RecentRequests
{
public:
    explicit RecentRequests(qsizetype capacity = 2000);

    void add(const RequestRecord& record);
    std::optional<RequestRecord> find(const QString& id) const;

private:
    mutable QMutex m_mutex;
    qsizetype m_capacity;
    QHash<QString, RequestRecord> m_byId;
    QQueue<QString> m_order; // oldest first
};
