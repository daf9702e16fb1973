#pragma once

#include "app/access/TokenService.h"
#include "app/activity/ActivityFeed.h"
#include "app/activity/UsageReport.h"
#include "app/catalog/BuiltinCatalog.h"
#include "app/domain/LocalApiKey.h"
#include "app/domain/Member.h"
#include "app/domain/ProviderKey.h"
#include "app/domain/Workspace.h"
#include "app/keys/KeyFields.h"
#include "app/keys/KeyStatus.h"
#include "app/keys/KeyTestResult.h"
#include "app/routing/RoutePreview.h"
#include "router/catalog/ModelCatalog.h"
#include "router/core/Result.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

class Store;
class Vault;
class KeyService;

// The app layer as the window uses it. The store, vault and services live on a worker thread,
// so the GUI thread never waits on the disk or the keychain: each call returns its own result,
// and changes to the data come as signals.
// One per process: its thread is the one that talks to the keychain (see Vault).
class AppCore : public QObject
{
    Q_OBJECT

public:
    // A call waiting for its answer (the .cpp file's business; public for its helpers there).
    struct PendingCallBase;

    explicit AppCore(QString databasePath, QObject* parent = nullptr);
    ~AppCore() override;

    const QString& databasePath() const { return m_databasePath; }
    // The router's requests and attempts as they happen, for the window (on this thread).
    ActivityFeed& activityFeed() { return m_activityFeed; }
    // The lists as last published (see the signals below), for a view made after they came.
    const QList<LocalApiKey>& localKeys() const { return m_localKeys; }
    const QList<Member>& members() const { return m_members; }
    const QList<Workspace>& workspaces() const { return m_workspaces; }
    const QHash<QString, QString>& settings() const { return m_settings; }
    // The model catalog the router routes and prices by.
    const ModelCatalog& catalog() const;

    // Opens the database, checks that the keychain still has every key's secret and starts
    // the router. Answers with started() or startFailed(), then routerListening() or
    // routerFailed().
    void start();

    // Moves a key to `position` of `tier`. When it is stored, keysChanged() follows; when the
    // move is refused, keyActionFailed() says why and keysChanged() restores the board. Either
    // way keyMoveFinished() comes last.
    void moveKey(qint64 id, Tier tier, int position);

    // The calls below run on the worker thread and return their own result, delivered on this
    // object's thread (the window's). Each starts when called; await it in a coroutine that
    // owns the task, or hand it to whenFinished() (app/AwaitTask.h). A failure's `field` names
    // the input it is about, when it is about one.
    // A change's QString is a note worth showing (a warning), or empty.

    // Adds a key (its secret to the keychain), edits one (a new secret only when given) or
    // removes one with its secret.
    QCoro::Task<Result<ProviderKey>> addKey(
        const QString& providerId, const KeyFields& fields, const QString& secret);
    QCoro::Task<Result<ProviderKey>> editKey(
        qint64 id, const KeyFields& fields, const std::optional<QString>& secret);
    QCoro::Task<Result<void>> removeKey(qint64 id);
    // Checks a key live with its provider (KeyProbe): the stored key `id`, or a new key of
    // `providerId`, as `fields` and `secret` would change it. A stored key found working as
    // stored is tried again by the running router (keyStatusesChanged).
    QCoro::Task<Result<KeyTestResult>> testKey(std::optional<qint64> id, const QString& providerId,
        const KeyFields& fields, const std::optional<QString>& secret);

    // Local API keys, members and workspaces. A created token comes with its plaintext, to
    // show once. Empty member or workspace names mean the defaults.
    QCoro::Task<Result<TokenService::Created>> createToken(
        const QString& name, const QString& member, const QString& workspace);
    QCoro::Task<Result<QString>> revealToken(qint64 id);
    QCoro::Task<Result<QString>> revokeToken(qint64 id);
    QCoro::Task<Result<QString>> addMember(const QString& name);
    QCoro::Task<Result<QString>> removeMember(qint64 id);
    QCoro::Task<Result<QString>> addWorkspace(const QString& name);
    QCoro::Task<Result<QString>> removeWorkspace(qint64 id);
    // What a request with this local key and model would be tried on now.
    QCoro::Task<Result<RoutePreview>> previewRoute(qint64 localKeyId, const QString& model);
    // The newest requests of the activity log (oldest first), for a window that opens after
    // they were made.
    QCoro::Task<Result<QList<RequestRecord>>> recentActivity(int limit);
    // The activity log's account since `since`.
    QCoro::Task<Result<UsageReport>> usage(const QDateTime& since);
    // Stores a setting (see Settings); a failure names the setting as its field.
    QCoro::Task<Result<QString>> setSetting(const QString& name, const QString& value);

    // Stops the router taking requests, or starts it again: routerStopped or routerListening.
    void setRouterListening(bool listening);

signals:
    // keychainProblem is empty when every secret could be checked.
    void started(int keyCount, int keysWithoutSecret, const QString& keychainProblem);
    void startFailed(const QString& message);
    // The router is reachable at `address` ("http://127.0.0.1:4141"), or could not listen.
    void routerListening(const QString& address);
    void routerFailed(const QString& message);
    void routerStopped();
    // Every provider key in tier order, after start() and whenever they change (here or
    // through the CLI).
    void keysChanged(const QList<ProviderKey>& keys);
    void keyActionFailed(const QString& message);
    // Every member, local API key (revoked ones too) and workspace, after start() and whenever
    // they change.
    void membersChanged(const QList<Member>& members);
    void localKeysChanged(const QList<LocalApiKey>& localKeys);
    void workspacesChanged(const QList<Workspace>& workspaces);
    // Every setting's effective value by name, after start() and whenever one changes.
    void settingsChanged(const QHash<QString, QString>& settings);
    // The keys the running router does not consider ready, whenever that changes.
    void keyStatusesChanged(const KeyStatuses& statuses);
    // One moveKey() has been stored or refused; the keysChanged() it caused came before.
    void keyMoveFinished();
    void catalogChanged(const ModelCatalog& catalog);
    // Requests the activity log could not keep, within its retention (see ActivityLog); after
    // the router starts and whenever the count grows.
    void activityNotKept(qint64 requests);

private:
    class Worker;

    // Runs `work(worker, answer)` on the worker thread; `answer` takes the call's result there
    // (or on any thread) and the task resumes with it on this object's thread.
    template <typename T, typename Work> QCoro::Task<Result<T>> call(Work work);
    static Failure closingFailure();
    QCoro::Task<Result<QString>> change(std::function<Result<QString>(Store&)> operation);

    QString m_databasePath;
    ActivityFeed m_activityFeed; // fed from the router's threads, which stop before it goes
    QThread m_thread;
    Worker* m_worker = nullptr; // lives on m_thread, deleted when it finishes
    // The calls still waiting for their answer, resumed with a failure when the core goes.
    std::vector<std::weak_ptr<PendingCallBase>> m_pendingCalls;
    bool m_closing = false;
    QList<LocalApiKey> m_localKeys;
    QList<Member> m_members;
    QList<Workspace> m_workspaces;
    QHash<QString, QString> m_settings;
    ModelCatalog m_catalog = BuiltinCatalog::get(); // until the store's is published
};
