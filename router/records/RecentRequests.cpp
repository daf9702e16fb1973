#include "router/records/RecentRequests.h"

RecentRequests::RecentRequests(qsizetype capacity)
    : m_capacity(capacity)
{ }

void RecentRequests::add(const RequestRecord& record)
{
    QMutexLocker lock(&m_mutex);
    if (!m_byId.contains(record.id))
        m_order.enqueue(record.id);
    m_byId.insert(record.id, record);
    while (m_order.size() > m_capacity)
        m_byId.remove(m_order.dequeue());
}

std::optional<RequestRecord> RecentRequests::find(const QString& id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return std::nullopt;
    return *it;
}
