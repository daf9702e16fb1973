#include "app/store/Store.h"

#include "app/domain/NameRules.h"
#include "app/domain/TierRules.h"
#include "app/store/SchemaMigrations.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "keyway.store")

namespace {

using namespace std::chrono_literals;

// SQLite's primary result codes that deserve their own message.
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteCantOpen = 14;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteNotADatabase = 26;
constexpr int sqliteConstraint = 19;

QDateTime fromStoredTime(const QVariant& value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

QString toStoredTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Qt binds a null QString as SQL NULL; text columns here are NOT NULL with '' for "none".
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant workspaceValue(const std::optional<qint64>& workspaceId)
{
    return workspaceId ? QVariant(*workspaceId) : QVariant(QMetaType::fromType<qint64>());
}

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
    if (!q.value(11).isNull())
        key.workspaceId = q.value(11).toLongLong();
    key.sharedCapacity = sharedCapacityPolicyFromStoredValue(q.value(12).toInt())
                             .value_or(SharedCapacityPolicy::Allow);
    key.secretMissing = q.value(13).toBool();
    key.createdAt = fromStoredTime(q.value(14));
    key.updatedAt = fromStoredTime(q.value(15));
    return key;
}

const QString localKeyColumns = QStringLiteral(
    "id, name, token_hash, token_hint, secret_ref, member_id, workspace_id, created_at, "
    "last_used_at, revoked_at");

LocalApiKey localKeyFromRecord(const QSqlQuery& q)
{
    LocalApiKey key;
    key.id = q.value(0).toLongLong();
    key.name = q.value(1).toString();
    key.tokenHash = q.value(2).toByteArray();
    key.tokenHint = q.value(3).toString();
    key.secretRef = q.value(4).toString();
    key.memberId = q.value(5).toLongLong();
    key.workspaceId = q.value(6).toLongLong();
    key.createdAt = fromStoredTime(q.value(7));
    key.lastUsedAt = fromStoredTime(q.value(8));
    key.revokedAt = fromStoredTime(q.value(9));
    return key;
}

} // namespace

Store::Store(QObject* parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("keyway-store-") + QUuid::createUuid().toString(QUuid::Id128))
{
    m_pollTimer.setInterval(500ms);
    connect(&m_pollTimer, &QTimer::timeout, this, &Store::pollExternalChanges);
}

Store::~Store()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<void> Store::open(const QString& path)
{
    m_path = path;
    if (path.trimmed().isEmpty()) {
        // SQLite would open a temporary database that vanishes on close.
        return Failure { FailureKind::Database, tr("No database file was given.") };
    }
    const QFileInfo file(path);
    if (file.isDir())
        return Failure { FailureKind::Database,
            tr("%1 is a folder, not a database file.").arg(path) };
    if (!QDir().mkpath(file.absolutePath())) {
        return Failure { FailureKind::Database,
            tr("Cannot create the folder %1 for the database.").arg(file.absolutePath()) };
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!m_db.open())
        return failureFrom(m_db.lastError());
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    // WAL lets the app read while the CLI writes; foreign keys are off unless asked for.
    if (auto wal = switchToWal(); !wal)
        return wal;
    for (const char* pragma : { "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL" }) {
        if (auto done = exec(QLatin1StringView(pragma)); !done)
            return done.failure();
    }
    if (auto migrated = migrate(); !migrated)
        return migrated;
    m_lastDataVersion = dataVersion();
    m_pollTimer.start();
    return {};
}

Result<void> Store::switchToWal()
{
    // Two processes switching a new file to WAL at once both hold a read lock and want the
    // exclusive one; SQLite then answers BUSY at once instead of waiting (a deadlock to it).
    // So the switch is retried here within the usual busy timeout.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return {};
        const int code = query.lastError().nativeErrorCode().toInt() & 0xff;
        if ((code != sqliteBusy && code != sqliteLocked) || waited.elapsed() > busyTimeoutMs)
            return failureFrom(query);
        QThread::msleep(10 + QRandomGenerator::global()->bounded(40));
    }
}

int Store::schemaVersion()
{
    auto q = exec(QStringLiteral("PRAGMA user_version"));
    return q && q->next() ? q->value(0).toInt() : -1;
}

void Store::setExternalChangePollInterval(std::chrono::milliseconds interval)
{
    m_pollTimer.setInterval(interval);
}

Result<void> Store::migrate()
{
    const auto storedVersion = [this]() -> Result<int> {
        auto q = exec(QStringLiteral("PRAGMA user_version"));
        if (!q)
            return q.failure();
        return q->next() ? q->value(0).toInt() : 0;
    };
    for (int version = 1; version <= SchemaMigrations::latestVersion(); ++version) {
        // The version is read again inside each step's transaction, so two processes opening a
        // new file at once do not both run it.
        bool applied = false;
        auto step = inTransaction([&]() -> Result<void> {
            auto current = storedVersion();
            if (!current)
                return current.failure();
            if (*current > SchemaMigrations::latestVersion()) {
                return Failure { FailureKind::Database,
                    tr("The database %1 was written by a newer Keyway (schema %2; this version "
                       "knows up to %3). Update Keyway.")
                        .arg(m_path, QString::number(*current),
                            QString::number(SchemaMigrations::latestVersion())) };
            }
            if (*current >= version)
                return {};
            for (const QString& statement : SchemaMigrations::statements(version)) {
                if (auto done = exec(statement); !done)
                    return done.failure();
            }
            // PRAGMA takes no bound parameters; the version is our own integer.
            if (auto done = exec(QStringLiteral("PRAGMA user_version = %1").arg(version)); !done)
                return done.failure();
            applied = true;
            return {};
        });
        if (!step)
            return step;
        if (applied)
            qCInfo(lcStore) << "migrated" << m_path << "to schema" << version;
    }
    return {};
}

Result<QSqlQuery> Store::exec(const QString& sql, const QVariantList& values)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return failureFrom(query);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return failureFrom(query);
    return query;
}

Result<void> Store::inTransaction(const std::function<Result<void>()>& work)
{
    // IMMEDIATE takes the write lock up front, so the busy timeout applies instead of a
    // deadlock error when two writers meet.
    if (auto begun = exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.failure();
    Result<void> outcome = work();
    if (outcome) {
        if (auto committed = exec(QStringLiteral("COMMIT")); committed)
            return {};
        else
            outcome = committed.failure();
    }
    if (auto rolledBack = exec(QStringLiteral("ROLLBACK")); !rolledBack)
        qCWarning(lcStore) << "rollback failed:" << rolledBack.failure().message;
    return outcome;
}

Failure Store::failureFrom(const QSqlQuery& query) const
{
    return failureFrom(query.lastError());
}

Failure Store::failureFrom(const QSqlError& error) const
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    qCWarning(lcStore) << "SQLite error" << code << error.text();
    switch (code) {
    case sqliteBusy:
    case sqliteLocked:
        return { FailureKind::Database,
            tr("The database %1 is locked by another program (waited %2 s). Close the other "
               "Keyway or SQLite tool and try again.")
                .arg(m_path)
                .arg(busyTimeoutMs / 1000) };
    case sqliteNotADatabase:
    case sqliteCorrupt:
        return { FailureKind::Database,
            tr("%1 is not a Keyway database or is damaged. Move it aside to start afresh, or "
               "restore a backup.")
                .arg(m_path) };
    case sqliteCantOpen:
    case sqliteReadOnly:
        return { FailureKind::Database,
            tr("Cannot open the database %1 for writing: %2. Check that its folder exists and "
               "is writable.")
                .arg(m_path, error.driverText()) };
    case sqliteConstraint:
        return conflict(
            tr("The change conflicts with what is stored: %1").arg(error.databaseText()));
    default:
        return { FailureKind::Database,
            tr("The database %1 reported an error: %2").arg(m_path, error.text()) };
    }
}

qint64 Store::dataVersion()
{
    auto q = exec(QStringLiteral("PRAGMA data_version"));
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

void Store::pollExternalChanges()
{
    const qint64 version = dataVersion();
    if (version >= 0 && version != m_lastDataVersion) {
        m_lastDataVersion = version;
        emit changed(allAreas);
    }
}

// --- provider keys -----------------------------------------------------------------------

Result<QList<ProviderKey>> Store::selectKeys(const QString& where, const QVariantList& values)
{
    auto q = exec(QStringLiteral("SELECT ") + keyColumns + QStringLiteral(" FROM provider_keys ")
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

Result<void> Store::loadFilters(QList<ProviderKey>& keys)
{
    if (keys.isEmpty())
        return {};
    QHash<qint64, KeyFilters*> byId;
    for (ProviderKey& key : keys)
        byId.insert(key.id, &key.filters);
    const auto collect = [&](const QString& sql, auto&& add) -> Result<void> {
        auto q = exec(sql);
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

Result<QList<ProviderKey>> Store::keys()
{
    return selectKeys({}, {});
}

Result<ProviderKey> Store::key(qint64 id)
{
    auto found = selectKeys(QStringLiteral("WHERE id = ?"), { id });
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return notFound(tr("There is no provider key with id %1.").arg(id));
    return found->first();
}

Result<void> Store::writeFilters(qint64 keyId, const KeyFilters& filters)
{
    for (const char* table :
        { "key_model_filters", "key_member_filters", "key_local_key_filters" }) {
        if (auto r
            = exec(QStringLiteral("DELETE FROM %1 WHERE key_id = ?").arg(QLatin1StringView(table)),
                { keyId });
            !r)
            return r.failure();
    }
    for (const QString& pattern : filters.modelPatterns) {
        if (auto r
            = exec(QStringLiteral(
                       "INSERT OR IGNORE INTO key_model_filters (key_id, pattern) VALUES (?, ?)"),
                { keyId, pattern });
            !r)
            return r.failure();
    }
    for (qint64 memberId : filters.memberIds) {
        if (auto r = exec(
                QStringLiteral(
                    "INSERT OR IGNORE INTO key_member_filters (key_id, member_id) VALUES (?, ?)"),
                { keyId, memberId });
            !r)
            return r.failure();
    }
    for (qint64 localKeyId : filters.localKeyIds) {
        if (auto r = exec(QStringLiteral("INSERT OR IGNORE INTO key_local_key_filters (key_id, "
                                         "local_key_id) VALUES (?, ?)"),
                { keyId, localKeyId });
            !r)
            return r.failure();
    }
    return {};
}

Result<ProviderKey> Store::insertKey(const ProviderKey& key)
{
    qint64 id = 0;
    auto done = inTransaction([&]() -> Result<void> {
        auto count = countWhere(QStringLiteral("SELECT COUNT(*) FROM provider_keys WHERE tier = ?"),
            { static_cast<int>(key.tier) });
        if (!count)
            return count.failure();
        auto q = exec(
            QStringLiteral("INSERT INTO provider_keys (secret_ref, provider, label, secret_hint, "
                           "base_url, ca_file, settings, tier, position, enabled, workspace_id, "
                           "shared_capacity, secret_missing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
            { key.secretRef, key.providerId, key.label, text(key.secretHint), text(key.baseUrl),
                text(key.caFile),
                QString::fromUtf8(QJsonDocument(key.settings).toJson(QJsonDocument::Compact)),
                static_cast<int>(key.tier), *count, key.enabled, workspaceValue(key.workspaceId),
                static_cast<int>(key.sharedCapacity), key.secretMissing });
        if (!q)
            return q.failure();
        id = q->lastInsertId().toLongLong();
        return writeFilters(id, key.filters);
    });
    if (!done)
        return done.failure();
    emit changed(Area::Keys);
    return this->key(id);
}

Result<ProviderKey> Store::updateKey(const ProviderKey& key)
{
    auto done = inTransaction([&]() -> Result<void> {
        auto q = exec(
            QStringLiteral("UPDATE provider_keys SET secret_ref = ?, provider = ?, label = ?, "
                           "secret_hint = ?, base_url = ?, ca_file = ?, settings = ?, enabled = ?, "
                           "workspace_id = ?, shared_capacity = ?, secret_missing = ?, "
                           "updated_at = ? WHERE id = ?"),
            { key.secretRef, key.providerId, key.label, text(key.secretHint), text(key.baseUrl),
                text(key.caFile),
                QString::fromUtf8(QJsonDocument(key.settings).toJson(QJsonDocument::Compact)),
                key.enabled, workspaceValue(key.workspaceId), static_cast<int>(key.sharedCapacity),
                key.secretMissing, toStoredTime(QDateTime::currentDateTimeUtc()), key.id });
        if (!q)
            return q.failure();
        if (q->numRowsAffected() == 0)
            return notFound(tr("There is no provider key with id %1.").arg(key.id));
        return writeFilters(key.id, key.filters);
    });
    if (!done)
        return done.failure();
    emit changed(Area::Keys);
    return this->key(key.id);
}

Result<QList<qint64>> Store::keyIdsInTier(Tier tier)
{
    auto q = exec(QStringLiteral("SELECT id FROM provider_keys WHERE tier = ? ORDER BY position"),
        { static_cast<int>(tier) });
    if (!q)
        return q.failure();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    return ids;
}

Result<void> Store::renumberTiers(const QList<std::pair<Tier, QList<qint64>>>& orders)
{
    // (tier, position) is unique, so positions are first parked at negative values and then
    // written in their final order; writing them directly would collide midway.
    for (const auto& [tier, ids] : orders) {
        if (auto r = exec(
                QStringLiteral("UPDATE provider_keys SET position = -1 - position WHERE tier = ?"),
                { static_cast<int>(tier) });
            !r)
            return r.failure();
    }
    for (const auto& [tier, ids] : orders) {
        for (int position = 0; position < ids.size(); ++position) {
            if (auto r = exec(
                    QStringLiteral("UPDATE provider_keys SET tier = ?, position = ? WHERE id = ?"),
                    { static_cast<int>(tier), position, ids.at(position) });
                !r)
                return r.failure();
        }
    }
    return {};
}

Result<void> Store::moveKey(qint64 id, Tier tier, std::optional<int> position)
{
    auto done = inTransaction([&]() -> Result<void> {
        auto moving = key(id);
        if (!moving)
            return moving.failure();
        if (const std::optional<QString> refusal = TierRules::refusalToMove(*moving, tier))
            return invalidInput(*refusal);
        auto source = keyIdsInTier(moving->tier);
        if (!source)
            return source.failure();
        source->removeOne(id);
        auto target = tier == moving->tier ? source : keyIdsInTier(tier);
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
        target->insert(index, id);
        QList<std::pair<Tier, QList<qint64>>> orders { { tier, *target } };
        if (tier != moving->tier)
            orders.append({ moving->tier, *source });
        return renumberTiers(orders);
    });
    if (!done)
        return done;
    emit changed(Area::Keys);
    return {};
}

Result<void> Store::deleteKey(qint64 id)
{
    auto done = inTransaction([&]() -> Result<void> {
        auto removed = key(id);
        if (!removed)
            return removed.failure();
        if (auto r = exec(QStringLiteral("DELETE FROM provider_keys WHERE id = ?"), { id }); !r)
            return r.failure();
        auto rest = keyIdsInTier(removed->tier);
        if (!rest)
            return rest.failure();
        return renumberTiers({ { removed->tier, *rest } });
    });
    if (!done)
        return done;
    emit changed(Area::Keys);
    return {};
}

Result<void> Store::setSecretMissing(qint64 id, const QString& secretRef, bool missing)
{
    auto q = exec(QStringLiteral("UPDATE provider_keys SET secret_missing = ? WHERE id = ? AND "
                                 "secret_ref = ? AND secret_missing <> ?"),
        { missing, id, secretRef, missing });
    if (!q)
        return q.failure();
    if (q->numRowsAffected() > 0)
        emit changed(Area::Keys);
    return {};
}

Result<int> Store::countWhere(const QString& sql, const QVariantList& values)
{
    auto q = exec(sql, values);
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toInt() : 0;
}

// --- members and workspaces ----------------------------------------------------------------

Result<QList<Member>> Store::members()
{
    auto q = exec(QStringLiteral("SELECT id, name, created_at FROM members ORDER BY name"));
    if (!q)
        return q.failure();
    QList<Member> result;
    while (q->next())
        result.append(
            { q->value(0).toLongLong(), q->value(1).toString(), fromStoredTime(q->value(2)) });
    return result;
}

Result<Member> Store::memberByName(const QString& name)
{
    auto q
        = exec(QStringLiteral("SELECT id, name, created_at FROM members WHERE name = ?"), { name });
    if (!q)
        return q.failure();
    if (!q->next())
        return notFound(tr("There is no member named \"%1\".").arg(name));
    return Member { q->value(0).toLongLong(), q->value(1).toString(), fromStoredTime(q->value(2)) };
}

Result<Member> Store::insertMember(const QString& name)
{
    if (auto problem = NameRules::checkMemberName(name))
        return invalidInput(*problem);
    if (memberByName(name))
        return conflict(tr("A member named \"%1\" already exists.").arg(name));
    if (auto q = exec(QStringLiteral("INSERT INTO members (name) VALUES (?)"), { name }); !q)
        return q.failure();
    emit changed(Area::Members);
    return memberByName(name);
}

Result<QString> Store::nameIn(QLatin1StringView table, qint64 id)
{
    auto q = exec(QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(table), { id });
    if (!q)
        return q.failure();
    if (!q->next())
        return notFound(
            tr("There is no %1 with id %2.").arg(table.chopped(1), QString::number(id)));
    return q->value(0).toString();
}

Result<void> Store::deleteMember(qint64 id)
{
    auto done = inTransaction([&]() -> Result<void> {
        auto name = nameIn(QLatin1StringView("members"), id);
        if (!name)
            return name.failure();
        if (name->compare(Member::defaultName(), Qt::CaseInsensitive) == 0)
            return conflict(tr("\"%1\" is the default member and cannot be removed.").arg(*name));
        auto tokens = countWhere(QStringLiteral("SELECT COUNT(*) FROM local_api_keys WHERE "
                                                "member_id = ? AND revoked_at IS NULL"),
            { id });
        // Filters naming the member or any of its tokens, revoked ones included: dropping
        // them would silently widen what those keys allow.
        auto filters = countWhere(
            QStringLiteral("SELECT (SELECT COUNT(*) FROM key_member_filters WHERE member_id = ?) "
                           "+ (SELECT COUNT(*) FROM key_local_key_filters WHERE local_key_id IN "
                           "(SELECT id FROM local_api_keys WHERE member_id = ?))"),
            { id, id });
        if (!tokens || !filters)
            return !tokens ? tokens.failure() : filters.failure();
        if (*tokens > 0 || *filters > 0) {
            return conflict(tr("\"%1\" still owns active local API keys (%2) or is named in key "
                               "filters (%3). Revoke and edit those first; removing the member "
                               "would silently widen what those keys allow.")
                                .arg(*name, QString::number(*tokens), QString::number(*filters)));
        }
        return deleteOwnedRows(QLatin1StringView("members"), QLatin1StringView("member_id"), id);
    });
    if (done)
        emit changed(Area::Members | Area::LocalKeys);
    return done;
}

Result<void> Store::deleteOwnedRows(
    QLatin1StringView table, QLatin1StringView ownerColumn, qint64 id)
{
    // Only revoked local keys are left here; they go with their owner.
    if (auto r
        = exec(QStringLiteral("DELETE FROM local_api_keys WHERE %1 = ?").arg(ownerColumn), { id });
        !r)
        return r.failure();
    auto r = exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), { id });
    return r ? Result<void>() : r.failure();
}

Result<QList<Workspace>> Store::workspaces()
{
    auto q = exec(QStringLiteral("SELECT id, name, created_at FROM workspaces ORDER BY id"));
    if (!q)
        return q.failure();
    QList<Workspace> result;
    while (q->next())
        result.append(
            { q->value(0).toLongLong(), q->value(1).toString(), fromStoredTime(q->value(2)) });
    return result;
}

Result<Workspace> Store::workspaceByName(const QString& name)
{
    auto q = exec(
        QStringLiteral("SELECT id, name, created_at FROM workspaces WHERE name = ?"), { name });
    if (!q)
        return q.failure();
    if (!q->next())
        return notFound(tr("There is no workspace named \"%1\".").arg(name));
    return Workspace { q->value(0).toLongLong(), q->value(1).toString(),
        fromStoredTime(q->value(2)) };
}

Result<Workspace> Store::insertWorkspace(const QString& name)
{
    if (auto problem = NameRules::checkWorkspaceName(name))
        return invalidInput(*problem);
    if (workspaceByName(name))
        return conflict(tr("A workspace named \"%1\" already exists.").arg(name));
    if (auto q = exec(QStringLiteral("INSERT INTO workspaces (name) VALUES (?)"), { name }); !q)
        return q.failure();
    emit changed(Area::Workspaces);
    return workspaceByName(name);
}

Result<void> Store::deleteWorkspace(qint64 id)
{
    auto done = inTransaction([&]() -> Result<void> {
        auto name = nameIn(QLatin1StringView("workspaces"), id);
        if (!name)
            return name.failure();
        if (name->compare(Workspace::defaultName(), Qt::CaseInsensitive) == 0)
            return conflict(
                tr("\"%1\" is the default workspace and cannot be removed.").arg(*name));
        auto keys = countWhere(
            QStringLiteral("SELECT COUNT(*) FROM provider_keys WHERE workspace_id = ?"), { id });
        auto tokens = countWhere(QStringLiteral("SELECT COUNT(*) FROM local_api_keys WHERE "
                                                "workspace_id = ? AND revoked_at IS NULL"),
            { id });
        auto filters = countWhere(QStringLiteral("SELECT COUNT(*) FROM key_local_key_filters WHERE "
                                                 "local_key_id IN (SELECT id FROM local_api_keys "
                                                 "WHERE workspace_id = ?)"),
            { id });
        for (const auto* count : { &keys, &tokens, &filters }) {
            if (!*count)
                return count->failure();
        }
        if (*keys > 0 || *tokens > 0 || *filters > 0) {
            return conflict(tr("The workspace \"%1\" still holds %2 provider keys and %3 active "
                               "local API keys, and %4 key filters name its local keys. Move, "
                               "revoke or edit those first.")
                                .arg(*name, QString::number(*keys), QString::number(*tokens),
                                    QString::number(*filters)));
        }
        return deleteOwnedRows(
            QLatin1StringView("workspaces"), QLatin1StringView("workspace_id"), id);
    });
    if (done)
        emit changed(Area::Workspaces | Area::LocalKeys);
    return done;
}

// --- models --------------------------------------------------------------------------------

Result<QHash<QString, QJsonObject>> Store::userModels()
{
    auto q = exec(QStringLiteral("SELECT id, definition FROM models"));
    if (!q)
        return q.failure();
    QHash<QString, QJsonObject> models;
    while (q->next())
        models.insert(q->value(0).toString(),
            QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object());
    return models;
}

Result<void> Store::saveUserModel(const QString& id, const QJsonObject& definition)
{
    auto q = exec(QStringLiteral("INSERT INTO models (id, definition) VALUES (?, ?) ON CONFLICT "
                                 "(id) DO UPDATE SET definition = excluded.definition"),
        { id, QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Compact)) });
    if (!q)
        return q.failure();
    emit changed(Area::Models);
    return {};
}

Result<bool> Store::removeUserModel(const QString& id)
{
    auto q = exec(QStringLiteral("DELETE FROM models WHERE id = ?"), { id });
    if (!q)
        return q.failure();
    emit changed(Area::Models);
    return q->numRowsAffected() > 0;
}

Result<QHash<QString, QString>> Store::modelAliases()
{
    auto q = exec(QStringLiteral("SELECT alias, model_id FROM model_aliases"));
    if (!q)
        return q.failure();
    QHash<QString, QString> aliases;
    while (q->next())
        aliases.insert(q->value(0).toString(), q->value(1).toString());
    return aliases;
}

Result<void> Store::setModelAlias(const QString& alias, const QString& modelId)
{
    auto q = exec(QStringLiteral("INSERT INTO model_aliases (alias, model_id) VALUES (?, ?) ON "
                                 "CONFLICT (alias) DO UPDATE SET model_id = excluded.model_id"),
        { alias, modelId });
    if (!q)
        return q.failure();
    emit changed(Area::Models);
    return {};
}

Result<bool> Store::removeModelAlias(const QString& alias)
{
    auto q = exec(QStringLiteral("DELETE FROM model_aliases WHERE alias = ?"), { alias });
    if (!q)
        return q.failure();
    emit changed(Area::Models);
    return q->numRowsAffected() > 0;
}

// --- settings --------------------------------------------------------------------------------

Result<QHash<QString, QString>> Store::settingValues()
{
    auto q = exec(QStringLiteral("SELECT name, value FROM settings"));
    if (!q)
        return q.failure();
    QHash<QString, QString> values;
    while (q->next())
        values.insert(q->value(0).toString(), q->value(1).toString());
    return values;
}

Result<void> Store::setSettingValue(const QString& name, const std::optional<QString>& value)
{
    auto q = value ? exec(QStringLiteral("INSERT INTO settings (name, value) VALUES (?, ?) ON "
                                         "CONFLICT (name) DO UPDATE SET value = excluded.value"),
                 { name, *value })
                   : exec(QStringLiteral("DELETE FROM settings WHERE name = ?"), { name });
    if (!q)
        return q.failure();
    emit changed(Area::Settings);
    return {};
}

// --- local API keys ------------------------------------------------------------------------

Result<QList<LocalApiKey>> Store::selectLocalKeys(const QString& where, const QVariantList& values)
{
    auto q = exec(QStringLiteral("SELECT ") + localKeyColumns
            + QStringLiteral(" FROM local_api_keys ") + where + QStringLiteral(" ORDER BY id"),
        values);
    if (!q)
        return q.failure();
    QList<LocalApiKey> result;
    while (q->next())
        result.append(localKeyFromRecord(*q));
    return result;
}

Result<QList<LocalApiKey>> Store::localKeys()
{
    return selectLocalKeys({}, {});
}

Result<LocalApiKey> Store::localKey(qint64 id)
{
    auto found = selectLocalKeys(QStringLiteral("WHERE id = ?"), { id });
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return notFound(tr("There is no local API key with id %1.").arg(id));
    return found->first();
}

Result<LocalApiKey> Store::localKeyByHash(const QByteArray& tokenHash)
{
    auto found = selectLocalKeys(QStringLiteral("WHERE token_hash = ?"), { tokenHash });
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return notFound(tr("No local API key has this token."));
    return found->first();
}

Result<LocalApiKey> Store::insertLocalKey(const LocalApiKey& localKey)
{
    auto q = exec(QStringLiteral("INSERT INTO local_api_keys (name, token_hash, token_hint, "
                                 "secret_ref, member_id, workspace_id) VALUES (?,?,?,?,?,?)"),
        { text(localKey.name), localKey.tokenHash, localKey.tokenHint, localKey.secretRef,
            localKey.memberId, localKey.workspaceId });
    if (!q)
        return q.failure();
    emit changed(Area::LocalKeys);
    return this->localKey(q->lastInsertId().toLongLong());
}

Result<void> Store::revokeLocalKey(qint64 id)
{
    auto q
        = exec(QStringLiteral(
                   "UPDATE local_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
            { toStoredTime(QDateTime::currentDateTimeUtc()), id });
    if (!q)
        return q.failure();
    if (q->numRowsAffected() == 0) {
        auto existing = localKey(id);
        if (!existing)
            return existing.failure();
        return {}; // already revoked: nothing to do
    }
    emit changed(Area::LocalKeys);
    return {};
}

Result<void> Store::touchLocalKey(qint64 id, const QDateTime& usedAt)
{
    auto q = exec(QStringLiteral("UPDATE local_api_keys SET last_used_at = ? WHERE id = ?"),
        { toStoredTime(usedAt), id });
    if (!q)
        return q.failure();
    emit changed(Area::LocalKeys);
    return {};
}
