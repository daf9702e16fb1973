#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>
#include <optional>

// Which key made which stored Responses API response. Such a response lives on the provider
// account that made it, so a request that continues it (previous_response_id) can only go to
// the same key. Kept in memory while Keyway runs, the newest `capacity` ids; shared by the
// router's threads.
class ResponseOwners
{
public:
    explicit ResponseOwners(qsizetype capacity = 100'000);

    void remember(const QString& responseId, qint64 keyId);
    std::optional<qint64> ownerOf(const QString& responseId) const;

private:
    const qsizetype m_capacity;
    mutable QMutex m_mutex;
    QHash<QString, qint64> m_owners;
    std::deque<QString> m_order; // oldest first: the first to be forgotten
};
