#include "app/store/AccessStore.h"

#include "app/domain/NameRules.h"
#include "app/sql/SqlDatabase.h"
#include "app/sql/SqlValues.h"

// What differs between members and workspaces; everything else is shared.
struct AccessStore::Owner
{
    QString table;
    // The column of local_api_keys that names the owner.
    QString ownerColumn;
    QString orderBy;
    Store::Area area;
    QLatin1StringView (*defaultName)();
    std::optional<QString> (*checkName)(const QString& name);
    QString (*noneNamed)(const QString& name);
    QString (*noneWithId)(qint64 id);
    QString (*alreadyExists)(const QString& name);
    QString (*isDefault)(const QString& name);
    // A conflict while keys, local keys or filters still depend on the owner.
    Result<void> (AccessStore::*checkUnused)(qint64 id, const QString& name);
};

const AccessStore::Owner AccessStore::memberOwner {
    QStringLiteral("members"),
    QStringLiteral("member_id"),
    QStringLiteral("name"),
    Store::Area::Members,
    &Member::defaultName,
    &NameRules::checkMemberName,
    [](const QString& name) {
        return AccessStore::tr("There is no member named \"%1\".").arg(name);
    },
    [](qint64 id) { return AccessStore::tr("There is no member with id %1.").arg(id); },
    [](const QString& name) {
        return AccessStore::tr("A member named \"%1\" already exists.").arg(name);
    },
    [](const QString& name) {
        return AccessStore::tr("\"%1\" is the default member and cannot be removed.").arg(name);
    },
    &AccessStore::memberUnused,
};

const AccessStore::Owner AccessStore::workspaceOwner {
    QStringLiteral("workspaces"),
    QStringLiteral("workspace_id"),
    QStringLiteral("id"),
    Store::Area::Workspaces,
    &Workspace::defaultName,
    &NameRules::checkWorkspaceName,
    [](const QString& name) {
        return AccessStore::tr("There is no workspace named \"%1\".").arg(name);
    },
    [](qint64 id) { return AccessStore::tr("There is no workspace with id %1.").arg(id); },
    [](const QString& name) {
        return AccessStore::tr("A workspace named \"%1\" already exists.").arg(name);
    },
    [](const QString& name) {
        return AccessStore::tr("\"%1\" is the default workspace and cannot be removed.").arg(name);
    },
    &AccessStore::workspaceUnused,
};

namespace {

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
    key.createdAt = SqlValues::timeFrom(q.value(7));
    key.lastUsedAt = SqlValues::timeFrom(q.value(8));
    key.revokedAt = SqlValues::timeFrom(q.value(9));
    return key;
}

template <typename T> T ownerFromRecord(const QSqlQuery& q)
{
    return T { q.value(0).toLongLong(), q.value(1).toString(), SqlValues::timeFrom(q.value(2)) };
}

} // namespace

AccessStore::AccessStore(SqlDatabase& db, std::function<void(Store::Areas)> announce)
    : m_db(db)
    , m_announce(std::move(announce))
{ }

Result<int> AccessStore::count(const QString& sql, const QVariantList& values)
{
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toInt() : 0;
}

// --- members and workspaces ----------------------------------------------------------------

template <typename T> Result<QList<T>> AccessStore::owners(const Owner& owner)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, name, created_at FROM %1 ORDER BY %2")
                           .arg(owner.table, owner.orderBy));
    if (!q)
        return q.failure();
    QList<T> result;
    while (q->next())
        result.append(ownerFromRecord<T>(*q));
    return result;
}

template <typename T> Result<T> AccessStore::ownerByName(const Owner& owner, const QString& name)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT id, name, created_at FROM %1 WHERE name = ?").arg(owner.table),
        { name });
    if (!q)
        return q.failure();
    if (!q->next())
        return notFound(owner.noneNamed(name));
    return ownerFromRecord<T>(*q);
}

template <typename T> Result<T> AccessStore::insertOwner(const Owner& owner, const QString& name)
{
    if (auto problem = owner.checkName(name))
        return invalidInput(*problem);
    if (ownerByName<T>(owner, name))
        return conflict(owner.alreadyExists(name));
    if (auto q = m_db.insert(
            QStringLiteral("INSERT INTO %1 (name) VALUES (?)").arg(owner.table), { name });
        !q)
        return q.failure();
    m_announce(owner.area);
    return ownerByName<T>(owner, name);
}

Result<QString> AccessStore::ownerName(const Owner& owner, qint64 id)
{
    auto q = m_db.exec(QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(owner.table), { id });
    if (!q)
        return q.failure();
    if (!q->next())
        return notFound(owner.noneWithId(id));
    return q->value(0).toString();
}

Result<void> AccessStore::deleteOwner(const Owner& owner, qint64 id)
{
    auto done = m_db.transaction([&]() -> Result<void> {
        auto name = ownerName(owner, id);
        if (!name)
            return name.failure();
        if (name->compare(owner.defaultName(), Qt::CaseInsensitive) == 0)
            return conflict(owner.isDefault(*name));
        if (auto unused = (this->*owner.checkUnused)(id, *name); !unused)
            return unused;
        // Only revoked local keys are left here; they go with their owner.
        if (auto r = m_db.exec(
                QStringLiteral("DELETE FROM local_api_keys WHERE %1 = ?").arg(owner.ownerColumn),
                { id });
            !r)
            return r.failure();
        auto r = m_db.exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(owner.table), { id });
        return r ? Result<void>() : r.failure();
    });
    if (done)
        m_announce(owner.area | Store::Area::LocalKeys);
    return done;
}

Result<void> AccessStore::memberUnused(qint64 id, const QString& name)
{
    auto tokens = count(QStringLiteral("SELECT COUNT(*) FROM local_api_keys WHERE member_id = ? "
                                       "AND revoked_at IS NULL"),
        { id });
    // Filters naming the member or any of its tokens, revoked ones included: dropping them
    // would silently widen what those keys allow.
    auto filters = count(
        QStringLiteral("SELECT (SELECT COUNT(*) FROM key_member_filters WHERE member_id = ?) "
                       "+ (SELECT COUNT(*) FROM key_local_key_filters WHERE local_key_id IN "
                       "(SELECT id FROM local_api_keys WHERE member_id = ?))"),
        { id, id });
    if (!tokens || !filters)
        return !tokens ? tokens.failure() : filters.failure();
    if (*tokens == 0 && *filters == 0)
        return {};
    return conflict(tr("\"%1\" still owns active local API keys (%2) or is named in key "
                       "filters (%3). Revoke and edit those first; removing the member "
                       "would silently widen what those keys allow.")
                        .arg(name, QString::number(*tokens), QString::number(*filters)));
}

Result<void> AccessStore::workspaceUnused(qint64 id, const QString& name)
{
    auto keys = count(
        QStringLiteral("SELECT COUNT(*) FROM provider_keys WHERE workspace_id = ?"), { id });
    auto tokens = count(QStringLiteral("SELECT COUNT(*) FROM local_api_keys WHERE "
                                       "workspace_id = ? AND revoked_at IS NULL"),
        { id });
    auto filters = count(QStringLiteral("SELECT COUNT(*) FROM key_local_key_filters WHERE "
                                        "local_key_id IN (SELECT id FROM local_api_keys "
                                        "WHERE workspace_id = ?)"),
        { id });
    for (const auto* counted : { &keys, &tokens, &filters }) {
        if (!*counted)
            return counted->failure();
    }
    if (*keys == 0 && *tokens == 0 && *filters == 0)
        return {};
    return conflict(tr("The workspace \"%1\" still holds %2 provider keys and %3 active "
                       "local API keys, and %4 key filters name its local keys. Move, "
                       "revoke or edit those first.")
                        .arg(name, QString::number(*keys), QString::number(*tokens),
                            QString::number(*filters)));
}

Result<QList<Member>> AccessStore::members()
{
    return owners<Member>(memberOwner);
}

Result<Member> AccessStore::memberByName(const QString& name)
{
    return ownerByName<Member>(memberOwner, name);
}

Result<Member> AccessStore::insertMember(const QString& name)
{
    return insertOwner<Member>(memberOwner, name);
}

Result<void> AccessStore::deleteMember(qint64 id)
{
    return deleteOwner(memberOwner, id);
}

Result<QList<Workspace>> AccessStore::workspaces()
{
    return owners<Workspace>(workspaceOwner);
}

Result<Workspace> AccessStore::workspaceByName(const QString& name)
{
    return ownerByName<Workspace>(workspaceOwner, name);
}

Result<Workspace> AccessStore::insertWorkspace(const QString& name)
{
    return insertOwner<Workspace>(workspaceOwner, name);
}

Result<void> AccessStore::deleteWorkspace(qint64 id)
{
    return deleteOwner(workspaceOwner, id);
}

// --- local API keys ------------------------------------------------------------------------

Result<QList<LocalApiKey>> AccessStore::selectLocalKeys(
    const QString& where, const QVariantList& values)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + localKeyColumns
            + QStringLiteral(" FROM local_api_keys ") + where + QStringLiteral(" ORDER BY id"),
        values);
    if (!q)
        return q.failure();
    QList<LocalApiKey> result;
    while (q->next())
        result.append(localKeyFromRecord(*q));
    return result;
}

Result<QList<LocalApiKey>> AccessStore::localKeys()
{
    return selectLocalKeys({}, {});
}

Result<LocalApiKey> AccessStore::localKey(qint64 id)
{
    return SqlValues::onlyRow(selectLocalKeys(QStringLiteral("WHERE id = ?"), { id }),
        notFound(tr("There is no local API key with id %1.").arg(id)));
}

Result<LocalApiKey> AccessStore::localKeyByHash(const QByteArray& tokenHash)
{
    return SqlValues::onlyRow(
        selectLocalKeys(QStringLiteral("WHERE token_hash = ?"), { tokenHash }),
        notFound(tr("No local API key has this token.")));
}

Result<LocalApiKey> AccessStore::insertLocalKey(const LocalApiKey& localKey)
{
    auto id = m_db.insert(QStringLiteral("INSERT INTO local_api_keys (name, token_hash, "
                                         "token_hint, secret_ref, member_id, workspace_id) "
                                         "VALUES (?,?,?,?,?,?)"),
        { SqlValues::text(localKey.name), localKey.tokenHash, localKey.tokenHint,
            localKey.secretRef, localKey.memberId, localKey.workspaceId });
    if (!id)
        return id.failure();
    m_announce(Store::Area::LocalKeys);
    return this->localKey(*id);
}

Result<void> AccessStore::revokeLocalKey(qint64 id)
{
    auto q = m_db.exec(QStringLiteral("UPDATE local_api_keys SET revoked_at = ? WHERE id = ? AND "
                                      "revoked_at IS NULL"),
        { SqlValues::storedTime(QDateTime::currentDateTimeUtc()), id });
    if (!q)
        return q.failure();
    if (q->numRowsAffected() == 0) {
        auto existing = localKey(id);
        if (!existing)
            return existing.failure();
        return {}; // already revoked: nothing to do
    }
    m_announce(Store::Area::LocalKeys);
    return {};
}

Result<void> AccessStore::touchLocalKey(qint64 id, const QDateTime& usedAt)
{
    auto q = m_db.exec(QStringLiteral("UPDATE local_api_keys SET last_used_at = ? WHERE id = ?"),
        { SqlValues::storedTime(usedAt), id });
    if (!q)
        return q.failure();
    m_announce(Store::Area::LocalKeys);
    return {};
}
