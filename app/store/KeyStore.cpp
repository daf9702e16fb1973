#include "app/store/KeyStore.h"

#include "app/domain/TierRules.h"
#include "app/sql/SqlDatabase.h"
#include "app/sql/SqlValues.h"

#include <QJsonDocument>

using SqlValues::text;

namespace {

const QString keyColumns = QStringLiteral(
    "id, secret_ref, provider, label, secret_hint, base_url, ca_file, settings, tier, position, "
    "enabled, workspace_id, shared_capacity, secret_missing, created_at, updated_at");

ProviderKey keyFromRecord(const QSqlQuery& q)
{
    ProviderKey key;
    key.id = q.value(0).toLongLong();
    key.secretRef = q.value(1).toString();
    key.providerId = q.value(2).toString();
    key.label = q.value(3).toString();
    key.secretHint = q.value(4).toString();
    key.baseUrl = q.value(5).toString();
    key.caFile = q.value(6).toString();
    key.settings = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    key.tier = tierFromStoredValue(q.value(8).toInt()).value_or(Tier::Fallback);
    key.position = q.value(9).toInt();
    key.enabled = q.value(10).toBool();
    key.workspaceId = SqlValues::optionalFrom<qint64>(q.value(11));
    key.sharedCapacity = sharedCapacityPolicyFromStoredValue(q.value(12).toInt())
                             .value_or(SharedCapacityPolicy::Allow);
    key.secretMissing = q.value(13).toBool();
    key.createdAt = SqlValues::timeFrom(q.value(14));
    key.updatedAt = SqlValues::timeFrom(q.value(15));
    return key;
}

QString settingsJson(const ProviderKey& key)
{
    return QString::fromUtf8(QJsonDocument(key.settings).toJson(QJsonDocument::Compact));
}

} // namespace

KeyStore::KeyStore(SqlDatabase& db, std::function<void(Store::Areas)> announce)
    : m_db(db)
    , m_announce(std::move(announce))
{ }

Result<QList<ProviderKey>> KeyStore::select(const QString& where, const QVariantList& values)
{
    auto q
        = m_db.exec(QStringLiteral("SELECT ") + keyColumns + QStringLiteral(" FROM provider_keys ")
                + where + QStringLiteral(" ORDER BY tier, position"),
            values);
    if (!q)
        return q.failure();
    QList<ProviderKey> keys;
    while (q->next())
        keys.append(keyFromRecord(*q));
    if (auto loaded = loadFilters(keys); !loaded)
        return loaded.failure();
    return keys;
}

Result<void> KeyStore::loadFilters(QList<ProviderKey>& keys)
{
    if (keys.isEmpty())
        return {};
    QHash<qint64, KeyFilters*> byId;
    for (ProviderKey& key : keys)
        byId.insert(key.id, &key.filters);
    const auto collect = [&](const QString& sql, auto&& add) -> Result<void> {
        auto q = m_db.exec(sql);
        if (!q)
            return q.failure();
        while (q->next()) {
            if (KeyFilters* filters = byId.value(q->value(0).toLongLong()))
                add(*filters, q->value(1));
        }
        return {};
    };
    if (auto r
        = collect(QStringLiteral("SELECT key_id, pattern FROM key_model_filters ORDER BY rowid"),
            [](KeyFilters& f, const QVariant& v) { f.modelPatterns.append(v.toString()); });
        !r)
        return r;
    if (auto r = collect(
            QStringLiteral("SELECT key_id, member_id FROM key_member_filters ORDER BY member_id"),
            [](KeyFilters& f, const QVariant& v) { f.memberIds.append(v.toLongLong()); });
        !r)
        return r;
    return collect(
        QStringLiteral(
            "SELECT key_id, local_key_id FROM key_local_key_filters ORDER BY local_key_id"),
        [](KeyFilters& f, const QVariant& v) { f.localKeyIds.append(v.toLongLong()); });
}

Result<QList<ProviderKey>> KeyStore::all()
{
    return select({}, {});
}

Result<ProviderKey> KeyStore::byId(qint64 id)
{
    return SqlValues::onlyRow(select(QStringLiteral("WHERE id = ?"), { id }),
        notFound(tr("There is no provider key with id %1.").arg(id)));
}

Result<void> KeyStore::writeFilters(qint64 keyId, const KeyFilters& filters)
{
    for (const char* table :
        { "key_model_filters", "key_member_filters", "key_local_key_filters" }) {
        if (auto r = m_db.exec(
                QStringLiteral("DELETE FROM %1 WHERE key_id = ?").arg(QLatin1StringView(table)),
                { keyId });
            !r)
            return r.failure();
    }
    // A filter named twice is kept once.
    const auto add = [this, keyId](const QString& table, const QString& column,
                         const QVariant& value) -> Result<void> {
        auto r = m_db.exec(QStringLiteral("INSERT INTO %1 (key_id, %2) VALUES (?, ?) ON CONFLICT "
                                          "DO NOTHING")
                               .arg(table, column),
            { keyId, value });
        return r ? Result<void>() : r.failure();
    };
    for (const QString& pattern : filters.modelPatterns) {
        if (auto r = add(QStringLiteral("key_model_filters"), QStringLiteral("pattern"), pattern);
            !r)
            return r;
    }
    for (qint64 memberId : filters.memberIds) {
        if (auto r
            = add(QStringLiteral("key_member_filters"), QStringLiteral("member_id"), memberId);
            !r)
            return r;
    }
    for (qint64 localKeyId : filters.localKeyIds) {
        if (auto r = add(QStringLiteral("key_local_key_filters"), QStringLiteral("local_key_id"),
                localKeyId);
            !r)
            return r;
    }
    return {};
}

Result<ProviderKey> KeyStore::insert(const ProviderKey& key)
{
    qint64 id = 0;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto position = idsInTier(key.tier);
        if (!position)
            return position.failure();
        auto inserted = m_db.insert(
            QStringLiteral("INSERT INTO provider_keys (secret_ref, provider, label, secret_hint, "
                           "base_url, ca_file, settings, tier, position, enabled, workspace_id, "
                           "shared_capacity, secret_missing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            { key.secretRef, key.providerId, key.label, text(key.secretHint), text(key.baseUrl),
                text(key.caFile), settingsJson(key), static_cast<int>(key.tier),
                static_cast<int>(position->size()), key.enabled,
                SqlValues::nullable(key.workspaceId), static_cast<int>(key.sharedCapacity),
                key.secretMissing });
        if (!inserted)
            return inserted.failure();
        id = *inserted;
        return writeFilters(id, key.filters);
    });
    if (!done)
        return done.failure();
    m_announce(Store::Area::Keys);
    return byId(id);
}

Result<ProviderKey> KeyStore::update(const ProviderKey& key)
{
    auto done = m_db.transaction([&]() -> Result<void> {
        auto q = m_db.exec(
            QStringLiteral("UPDATE provider_keys SET secret_ref = ?, provider = ?, label = ?, "
                           "secret_hint = ?, base_url = ?, ca_file = ?, settings = ?, enabled = ?, "
                           "workspace_id = ?, shared_capacity = ?, secret_missing = ?, "
                           "updated_at = ? WHERE id = ?"),
            { key.secretRef, key.providerId, key.label, text(key.secretHint), text(key.baseUrl),
                text(key.caFile), settingsJson(key), key.enabled,
                SqlValues::nullable(key.workspaceId), static_cast<int>(key.sharedCapacity),
                key.secretMissing, SqlValues::storedTime(QDateTime::currentDateTimeUtc()),
                key.id });
        if (!q)
            return q.failure();
        if (q->numRowsAffected() == 0)
            return notFound(tr("There is no provider key with id %1.").arg(key.id));
        return writeFilters(key.id, key.filters);
    });
    if (!done)
        return done.failure();
    m_announce(Store::Area::Keys);
    return byId(key.id);
}

Result<QList<qint64>> KeyStore::idsInTier(Tier tier)
{
    auto q
        = m_db.exec(QStringLiteral("SELECT id FROM provider_keys WHERE tier = ? ORDER BY position"),
            { static_cast<int>(tier) });
    if (!q)
        return q.failure();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    return ids;
}

Result<void> KeyStore::renumberTiers(const QList<std::pair<Tier, QList<qint64>>>& orders)
{
    // (tier, position) is unique, so positions are first parked at negative values and then
    // written in their final order; writing them directly would collide midway.
    for (const auto& [tier, ids] : orders) {
        if (auto r = m_db.exec(
                QStringLiteral("UPDATE provider_keys SET position = -1 - position WHERE tier = ?"),
                { static_cast<int>(tier) });
            !r)
            return r.failure();
    }
    for (const auto& [tier, ids] : orders) {
        for (int position = 0; position < ids.size(); ++position) {
            if (auto r = m_db.exec(
                    QStringLiteral("UPDATE provider_keys SET tier = ?, position = ? WHERE id = ?"),
                    { static_cast<int>(tier), position, ids.at(position) });
                !r)
                return r.failure();
        }
    }
    return {};
}

Result<QList<std::pair<Tier, QList<qint64>>>> KeyStore::ordersAfterMove(
    const ProviderKey& moving, Tier tier, std::optional<int> position)
{
    auto source = idsInTier(moving.tier);
    if (!source)
        return source.failure();
    source->removeOne(moving.id);
    auto target = tier == moving.tier ? source : idsInTier(tier);
    if (!target)
        return target.failure();
    const int end = static_cast<int>(target->size());
    const int index = position.value_or(end);
    if (index < 0 || index > end) {
        return invalidInput(tr("Position %1 is out of range: %2 then holds %3 other keys, so "
                               "the position must be between 0 and %4.")
                                .arg(index)
                                .arg(tierDisplayName(tier))
                                .arg(end)
                                .arg(end));
    }
    target->insert(index, moving.id);
    QList<std::pair<Tier, QList<qint64>>> orders { { tier, *target } };
    if (tier != moving.tier)
        orders.append({ moving.tier, *source });
    return orders;
}

Result<void> KeyStore::move(qint64 id, Tier tier, std::optional<int> position)
{
    auto done = m_db.transaction([&]() -> Result<void> {
        auto moving = byId(id);
        if (!moving)
            return moving.failure();
        if (const std::optional<QString> refusal = TierRules::refusalToMove(*moving, tier))
            return invalidInput(*refusal);
        auto orders = ordersAfterMove(*moving, tier, position);
        if (!orders)
            return orders.failure();
        return renumberTiers(*orders);
    });
    if (!done)
        return done;
    m_announce(Store::Area::Keys);
    return {};
}

Result<void> KeyStore::remove(qint64 id)
{
    auto done = m_db.transaction([&]() -> Result<void> {
        auto removed = byId(id);
        if (!removed)
            return removed.failure();
        if (auto r = m_db.exec(QStringLiteral("DELETE FROM provider_keys WHERE id = ?"), { id });
            !r)
            return r.failure();
        auto rest = idsInTier(removed->tier);
        if (!rest)
            return rest.failure();
        return renumberTiers({ { removed->tier, *rest } });
    });
    if (!done)
        return done;
    m_announce(Store::Area::Keys);
    return {};
}

Result<void> KeyStore::setSecretMissing(qint64 id, const QString& secretRef, bool missing)
{
    auto q = m_db.exec(QStringLiteral("UPDATE provider_keys SET secret_missing = ? WHERE id = ? "
                                      "AND secret_ref = ? AND secret_missing <> ?"),
        { missing, id, secretRef, missing });
    if (!q)
        return q.failure();
    if (q->numRowsAffected() > 0)
        m_announce(Store::Area::Keys);
    return {};
}
