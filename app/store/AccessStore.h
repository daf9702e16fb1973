#pragma once

#include "app/domain/LocalApiKey.h"
#include "app/domain/Member.h"
#include "app/domain/Workspace.h"
#include "app/store/Store.h"

#include <QCoreApplication>

#include <functional>

class SqlDatabase;

// Who may call, as the store keeps it: local API keys and the members and workspaces that own
// them. Members and workspaces are both named owners of local keys and share one
// implementation; they differ only in their rules and words (see Owner). Handed out by Store,
// which owns the connection.
class AccessStore
{
    Q_DECLARE_TR_FUNCTIONS(AccessStore)

public:
    AccessStore(SqlDatabase& db, std::function<void(Store::Areas)> announce);

    Result<QList<LocalApiKey>> localKeys();
    Result<LocalApiKey> localKey(qint64 id);
    Result<LocalApiKey> localKeyByHash(const QByteArray& tokenHash);
    Result<LocalApiKey> insertLocalKey(const LocalApiKey& localKey);
    Result<void> revokeLocalKey(qint64 id);
    Result<void> touchLocalKey(qint64 id, const QDateTime& usedAt);

    // By name.
    Result<QList<Member>> members();
    Result<Member> memberByName(const QString& name);
    Result<Member> insertMember(const QString& name);
    // Refused for the default member and while local keys or key filters depend on it.
    Result<void> deleteMember(qint64 id);

    // In the order they were made, the default one first.
    Result<QList<Workspace>> workspaces();
    Result<Workspace> workspaceByName(const QString& name);
    Result<Workspace> insertWorkspace(const QString& name);
    // Refused for the default workspace and while keys or key filters depend on it.
    Result<void> deleteWorkspace(qint64 id);

private:
    struct Owner;
    static const Owner memberOwner;
    static const Owner workspaceOwner;

    template <typename T> Result<QList<T>> owners(const Owner& owner);
    template <typename T> Result<T> ownerByName(const Owner& owner, const QString& name);
    template <typename T> Result<T> insertOwner(const Owner& owner, const QString& name);
    Result<void> deleteOwner(const Owner& owner, qint64 id);
    Result<QString> ownerName(const Owner& owner, qint64 id);
    Result<void> memberUnused(qint64 id, const QString& name);
    Result<void> workspaceUnused(qint64 id, const QString& name);

    Result<QList<LocalApiKey>> selectLocalKeys(const QString& where, const QVariantList& values);
    Result<int> count(const QString& sql, const QVariantList& values);

    SqlDatabase& m_db;
    std::function<void(Store::Areas)> m_announce;
};
