#include "router/routing/ResponseOwners.h"

ResponseOwners::ResponseOwners(qsizetype capacity)
    : m_capacity(capacity)
{ }

void ResponseOwners::remember(const QString& responseId, qint64 keyId)
{
    QMutexLocker lock(&m_mutex);
    if (!m_owners.contains(responseId))
        m_order.push_back(responseId);
    m_owners.insert(responseId, keyId);
    while (qsizetype(m_order.size()) > m_capacity) {
        m_owners.remove(m_order.front());
        m_order.pop_front();
    }
}

std::optional<qint64> ResponseOwners::ownerOf(const QString& responseId) const
{
    QMutexLocker lock(&m_mutex);
    const auto owner = m_owners.constFind(responseId);
    if (owner == m_owners.cend())
        return std::nullopt;
    return *owner;
}
