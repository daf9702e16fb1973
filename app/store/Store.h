#pragma once

#include "router/core/Result.h"

#include <QObject>
#include <QTimer>

#include <memory>

class AccessStore;
class KeyStore;
class SettingsStore;
class SqlDatabase;

// Keyway's configuration in one SQLite file, never a secret (those stay in the keychain, see
// Vault). The store owns the connection and the change notification and hands out one object
// per aggregate: provider keys and their order (KeyStore), who may call (AccessStore: local API
// keys, members, workspaces), and settings with the user's models (SettingsStore).
//
// Synchronous and bound to the thread that opened it, like its connection. Each change is one
// transaction. Changes made through this store emit changed() at once; changes made by another
// process (the CLI while the app runs) are noticed through the database's change counter within
// half a second.
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

    explicit Store(QObject* parent = nullptr);
    ~Store() override;

    // Opens or creates the file and brings its schema up to date.
    Result<void> open(const QString& path);
    const QString& path() const;
    int schemaVersion();

    KeyStore& keys() { return *m_keys; }
    AccessStore& access() { return *m_access; }
    SettingsStore& settings() { return *m_settings; }

signals:
    void changed(Store::Areas areas);

private:
    void pollExternalChanges();

    std::unique_ptr<SqlDatabase> m_db;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<AccessStore> m_access;
    std::unique_ptr<SettingsStore> m_settings;
    QTimer m_pollTimer;
    qint64 m_lastChangeCounter = -1;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Store::Areas)
