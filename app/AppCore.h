#pragma once

#include <QObject>
#include <QThread>

#include <memory>

class Store;
class Vault;
class KeyService;

// The app layer as the window uses it. The store, vault and services live on a worker thread,
// so the GUI thread never waits on the disk or the keychain; results come back as signals.
// One per process: its thread is the one that talks to the keychain (see Vault).
class AppCore : public QObject
{
    Q_OBJECT

public:
    explicit AppCore(QString databasePath, QObject* parent = nullptr);
    ~AppCore() override;

    const QString& databasePath() const { return m_databasePath; }

    // Opens the database and checks that the keychain still has every key's secret. Answers
    // with started() or startFailed().
    void start();

signals:
    // keychainProblem is empty when every secret could be checked.
    void started(int keyCount, int keysWithoutSecret, const QString& keychainProblem);
    void startFailed(const QString& message);

private:
    class Worker;

    QString m_databasePath;
    QThread m_thread;
    Worker* m_worker = nullptr; // lives on m_thread, deleted when it finishes
};
