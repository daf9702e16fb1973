#pragma once

#include "app/activity/ActivityLog.h"
#include "app/keys/KeyStatus.h"
#include "app/routing/RoutePreview.h"
#include "router/Router.h"

#include <QCoro/QCoroTask>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <optional>

class ActivityFeed;
struct ProviderKey;
class Store;
class Vault;

// Runs the router for the app: builds routing snapshots from the store and the keychain and
// swaps them in on every change (from this process or the CLI), applies settings while it
// runs, and writes what the router reports to the activity log. Lives on the thread of its
// store and vault.
class RouterHost : public QObject
{
    Q_OBJECT

public:
    // While the keychain fails (locked, refusing, gone), the secrets it did not give are asked
    // for again this often; keys whose secrets the router has keep serving meanwhile.
    static constexpr std::chrono::seconds secretRetryInterval { 30 };

    struct Overrides // from the command line, over the stored settings
    {
        std::optional<quint16> port;
        std::optional<QHostAddress> bindAddress;
    };

    RouterHost(Store& store, Vault& vault, Overrides overrides = {}, QObject* parent = nullptr);
    ~RouterHost() override;

    // Builds the first snapshot, then listens; answers with listening() or listenFailed().
    void start();
    QString address() const; // "http://127.0.0.1:4141"
    // Hands every router event to the feed as it happens (on the router's threads).
    void feedActivityTo(ActivityFeed& feed);
    // Stops taking requests (those in flight finish) and starts again, on the address the
    // settings name. A stopped router stays stopped across settings changes.
    void setListening(bool listening);
    // What a request with this local key and model would be tried on now.
    RoutePreview preview(qint64 localKeyId, const QString& model);
    // The activity log's account of use since `since`; `done` runs on the log's thread.
    void usage(const QDateTime& since, std::function<void(std::optional<UsageReport>)> done)
    {
        m_activity.usage(since, std::move(done));
    }
    // The activity log's newest requests, oldest first; `done` runs on the log's thread.
    void recentActivity(int limit, std::function<void(std::optional<QList<RequestRecord>>)> done)
    {
        m_activity.recent(limit, std::move(done));
    }
    // The keys the router does not consider ready now, and until when.
    KeyStatuses keyStatuses() const;
    // A test found `tested` working. When that is how the router reaches key `keyId`, it forgets
    // what it learnt of the key, which is tried again (DESIGN.md §2: invalid until edited or
    // re-tested); true when it did. A test of other input says nothing of the stored key.
    bool forgetHealthIfRouted(qint64 keyId, const UpstreamTarget& tested);

signals:
    void listening(const QString& address);
    void listenFailed(const QString& message);
    void stoppedListening();
    // `keychainProblem` says why the keychain did not give some of the secrets (empty when
    // every key without one has no entry).
    void snapshotApplied(int keys, int keysWithoutSecret, const QString& keychainProblem);
    // Requests the activity log could not keep (their use is counted), within its retention;
    // after start() and whenever it turns records away. From the log's thread.
    void activityNotKept(qint64 requests);

private:
    void scheduleRebuild();
    QCoro::Task<> rebuildUntilCurrent();
    QCoro::Task<> rebuild();
    struct SecretsRead
    {
        int withoutSecret = 0;
        QString keychainProblem;
    };
    // Fills the snapshot's targets with the secrets known or read now; flags the others.
    QCoro::Task<SecretsRead> readSecrets(const QList<ProviderKey>& keys, RoutingSnapshot& snapshot);
    void applyListener(const QHash<QString, QString>& settings);
    void noteFinished(const RequestRecord& record);
    void touchLocalKey(qint64 localKeyId, const QDateTime& at);

    Store& m_store;
    Vault& m_vault;
    Overrides m_overrides;
    ActivityLog m_activity;
    Router m_router; // after the log: its threads stop before the log they write to goes
    QHash<QString, QString> m_secrets; // by secret_ref: an edited secret gets a new ref
    QTimer m_secretRetry;
    QMutex m_touchMutex; // noteFinished() runs on the router's threads
    QHash<qint64, QDateTime> m_lastTouched; // local keys' last use, as last written
    std::optional<std::pair<QHostAddress, quint16>> m_listeningOn;
    bool m_stopped = false; // by the person, not by a failure
    QHash<QString, QString> m_settings; // effective, as last applied
    bool m_rebuilding = false;
    bool m_rebuildAgain = false;
    QCoro::Task<> m_rebuildTask;
};
