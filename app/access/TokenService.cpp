#include "app/access/TokenService.h"

#include "app/domain/Member.h"
#include "app/domain/NameRules.h"
#include "app/domain/SecretMask.h"
#include "app/domain/Workspace.h"
#include "app/store/AccessStore.h"
#include "app/store/Store.h"
#include "app/vault/Vault.h"
#include "router/access/LocalKeyToken.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcTokens, "keyway.tokens")

TokenService::TokenService(Store& store, Vault& vault, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_vault(vault)
{ }

QCoro::Task<Result<TokenService::Created>> TokenService::create(
    QString memberName, QString workspaceName, QString name)
{
    auto member = m_store.access().memberByName(
        memberName.isEmpty() ? QString(Member::defaultName()) : memberName);
    if (!member)
        co_return asInputFailure(member.failure());
    auto workspace = m_store.access().workspaceByName(
        workspaceName.isEmpty() ? QString(Workspace::defaultName()) : workspaceName);
    if (!workspace)
        co_return asInputFailure(workspace.failure());
    if (auto problem = name.isEmpty() ? std::nullopt : NameRules::checkKeyLabel(name))
        co_return invalidInput(*problem);

    const QString token = LocalKeyToken::generate();
    LocalApiKey localKey;
    localKey.name = name;
    localKey.tokenHash = LocalKeyToken::hash(token);
    localKey.tokenHint = SecretMask::mask(token);
    localKey.secretRef = secretRefPrefix() + QUuid::createUuid().toString(QUuid::WithoutBraces);
    localKey.memberId = member->id;
    localKey.workspaceId = workspace->id;

    if (auto written = co_await m_vault.write(localKey.secretRef, token); !written)
        co_return written.failure();
    auto inserted = m_store.access().insertLocalKey(localKey);
    if (!inserted) {
        (void)co_await m_vault.remove(localKey.secretRef);
        co_return inserted.failure();
    }
    co_return Created { *inserted, token };
}

QCoro::Task<Result<QString>> TokenService::revoke(qint64 id)
{
    auto localKey = m_store.access().localKey(id);
    if (!localKey)
        co_return localKey.failure();
    if (auto revoked = m_store.access().revokeLocalKey(id); !revoked)
        co_return revoked.failure();
    if (auto removed = co_await m_vault.remove(localKey->secretRef); !removed) {
        qCWarning(lcTokens) << "revoked local key" << id << "but its keychain entry stays";
        co_return tr("The token is revoked, but its copy in the keychain could not be removed: %1")
            .arg(removed.failure().message);
    }
    co_return QString();
}

QCoro::Task<Result<QString>> TokenService::reveal(qint64 id)
{
    auto localKey = m_store.access().localKey(id);
    if (!localKey)
        co_return localKey.failure();
    if (localKey->isRevoked())
        co_return invalidInput(tr("Local API key %1 is revoked; its token is gone.").arg(id));
    co_return co_await m_vault.read(localKey->secretRef);
}

Result<LocalApiKey> TokenService::authenticate(QStringView token)
{
    const Failure unknown { FailureKind::NotFound, tr("Unknown or revoked local API key.") };
    if (!LocalKeyToken::isWellFormed(token))
        return unknown;
    const QByteArray presented = LocalKeyToken::hash(token);
    // The lookup by digest reveals nothing useful about a near miss; the final comparison is
    // in constant time all the same.
    auto found = m_store.access().localKeyByHash(presented);
    if (!found)
        return found.failure().kind == FailureKind::NotFound ? unknown : found.failure();
    if (!LocalKeyToken::hashesEqual(presented, found->tokenHash) || found->isRevoked())
        return unknown;
    // Last use is kept to the minute: a write per request would cost more than it tells.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (found->lastUsedAt.isNull() || found->lastUsedAt.secsTo(now) >= 60) {
        if (auto touched = m_store.access().touchLocalKey(found->id, now); !touched)
            return touched.failure();
    }
    return found;
}
