#pragma once

#include "app/domain/ProviderKey.h"
#include "app/store/Store.h"

#include <QCoreApplication>

#include <functional>

class SqlDatabase;

// The provider keys in the store: their fields, their order within the tiers and their filters.
// Tier positions stay dense (0..n-1). Handed out by Store, which owns the connection.
class KeyStore
{
    Q_DECLARE_TR_FUNCTIONS(KeyStore)

public:
    KeyStore(SqlDatabase& db, std::function<void(Store::Areas)> announce);

    // In tier and position order.
    Result<QList<ProviderKey>> all();
    Result<ProviderKey> byId(qint64 id);
    // Appends the key to the end of its tier; id, position and timestamps are assigned.
    Result<ProviderKey> insert(const ProviderKey& key);
    // Saves everything but the tier and position, which only move() changes.
    Result<ProviderKey> update(const ProviderKey& key);
    // Moves the key to `position` of `tier` (the end when none is given).
    Result<void> move(qint64 id, Tier tier, std::optional<int> position = std::nullopt);
    Result<void> remove(qint64 id);
    // Only while the key still points at `secretRef`: an edit meanwhile wins.
    Result<void> setSecretMissing(qint64 id, const QString& secretRef, bool missing);

private:
    Result<QList<ProviderKey>> select(const QString& where, const QVariantList& values);
    Result<void> loadFilters(QList<ProviderKey>& keys);
    Result<void> writeFilters(qint64 keyId, const KeyFilters& filters);
    Result<QList<qint64>> idsInTier(Tier tier);
    Result<void> renumberTiers(const QList<std::pair<Tier, QList<qint64>>>& orders);
    Result<QList<std::pair<Tier, QList<qint64>>>> ordersAfterMove(
        const ProviderKey& moving, Tier tier, std::optional<int> position);

    SqlDatabase& m_db;
    std::function<void(Store::Areas)> m_announce;
};
