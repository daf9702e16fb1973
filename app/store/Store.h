#pragma once

#include "app/domain/LocalApiKey.h"
#include "app/domain/Member.h"
#include "app/domain/ProviderKey.h"
#include "app/domain/Workspace.h"
#include "router/core/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <functional>

class QSqlQuery;

// Keyway's configuration in one SQLite file: provider keys and their order and filters, local
// API keys, members and workspaces. Never a secret: those stay in the keychain (see Vault).
//
// Synchronous and bound to the thread that opened it, like its QSqlDatabase connection. Each
// change is one transaction; tier positions stay dense (0..n-1). Changes made through this
// object emit changed() at once; changes made by another process (the CLI while the app runs)
// are noticed through PRAGMA data_version within a poll interval.
class Store : public QObject
{
    Q_OBJECT

public:
    enum class Area {
        Keys = 0x1,
        LocalKeys = 0x2,
        Members = 0x4,
        Workspaces = 0x8,
        Settings = 0x10,
        Models = 0x20,
    };
    Q_DECLARE_FLAGS(Areas, Area)
    static constexpr Areas allAreas { 0x3f };

    static constexpr int busyTimeoutMs = 5000;

    explicit Store(QObject* parent = nullptr);
    ~Store() override;

    // Opens or creates the file and brings its schema up to date.
    Result<void> open(const QString& path);
    const QString& path() const { return m_path; }
    int schemaVersion();
    void setExternalChangePollInterval(std::chrono::milliseconds interval);

    Result<QList<ProviderKey>> keys();
    Result<ProviderKey> key(qint64 id);
    // Appends the key to the end of its tier; id, position and timestamps are assigned.
    Result<ProviderKey> insertKey(const ProviderKey& key);
    // Saves everything but the tier and position, which only moveKey() changes.
    Result<ProviderKey> updateKey(const ProviderKey& key);
    // Moves the key to `position` of `tier` (the end when none is given).
    Result<void> moveKey(qint64 id, Tier tier, std::optional<int> position = std::nullopt);
    Result<void> deleteKey(qint64 id);
    // Only while the key still points at `secretRef`: an edit meanwhile wins.
    Result<void> setSecretMissing(qint64 id, const QString& secretRef, bool missing);

    Result<QList<Member>> members();
    Result<Member> memberByName(const QString& name);
    Result<Member> insertMember(const QString& name);
    Result<void> deleteMember(qint64 id);

    Result<QList<Workspace>> workspaces();
    Result<Workspace> workspaceByName(const QString& name);
    Result<Workspace> insertWorkspace(const QString& name);
    Result<void> deleteWorkspace(qint64 id);

    // Stored values of settings by name; a setting not stored has its default (see Settings).
    // The user's own models, each in the model catalog's JSON format, by id.
    Result<QHash<QString, QJsonObject>> userModels();
    Result<void> saveUserModel(const QString& id, const QJsonObject& definition);
    // False when there was no such model.
    Result<bool> removeUserModel(const QString& id);
    // Other names for models, alias → model id.
    Result<QHash<QString, QString>> modelAliases();
    Result<void> setModelAlias(const QString& alias, const QString& modelId);
    Result<bool> removeModelAlias(const QString& alias);

    Result<QHash<QString, QString>> settingValues();
    Result<void> setSettingValue(const QString& name, const std::optional<QString>& value);

    Result<QList<LocalApiKey>> localKeys();
    Result<LocalApiKey> localKey(qint64 id);
    Result<LocalApiKey> localKeyByHash(const QByteArray& tokenHash);
    Result<LocalApiKey> insertLocalKey(const LocalApiKey& localKey);
    Result<void> revokeLocalKey(qint64 id);
    Result<void> touchLocalKey(qint64 id, const QDateTime& usedAt);

signals:
    void changed(Store::Areas areas);

private:
    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {});
    Result<void> inTransaction(const std::function<Result<void>()>& work);
    Result<void> switchToWal();
    Result<void> migrate();
    Failure failureFrom(const QSqlQuery& query) const;
    Failure failureFrom(const class QSqlError& error) const;

    Result<QList<qint64>> keyIdsInTier(Tier tier);
    Result<void> renumberTiers(const QList<std::pair<Tier, QList<qint64>>>& orders);
    Result<void> writeFilters(qint64 keyId, const KeyFilters& filters);
    Result<void> loadFilters(QList<ProviderKey>& keys);
    Result<QList<ProviderKey>> selectKeys(const QString& where, const QVariantList& values);
    Result<QList<LocalApiKey>> selectLocalKeys(const QString& where, const QVariantList& values);
    Result<int> countWhere(const QString& sql, const QVariantList& values);
    Result<QString> nameIn(QLatin1StringView table, qint64 id);
    Result<void> deleteOwnedRows(QLatin1StringView table, QLatin1StringView ownerColumn, qint64 id);

    void pollExternalChanges();
    qint64 dataVersion();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    QTimer m_pollTimer;
    qint64 m_lastDataVersion = -1;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Store::Areas)
