#pragma once

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

#include <QObject>
#include <QThread>

#include <functional>
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
    // Adds a key (its secret to the keychain), edits one (a new secret only when given) or
    // removes one with its secret. Each answers with keySaved/keyRemoved or actionFailed,
    // carrying the ticket returned here (tickets are unique across every kind of action).
    int addKey(const QString& providerId, const KeyFields& fields, const QString& secret);
    int editKey(qint64 id, const KeyFields& fields, const std::optional<QString>& secret);
    int removeKey(qint64 id);
    // Checks a key live with its provider (KeyProbe): the stored key `id`, or a new key of
    // `providerId`, as `fields` and `secret` would change it. Answers with keyTested, or
    // actionFailed when the input cannot make a key.
    int testKey(std::optional<qint64> id, const QString& providerId, const KeyFields& fields,
        const std::optional<QString>& secret);

    // Local API keys, members and workspaces. Creating a token answers with tokenCreated (its
    // plaintext, to show once), revealing with tokenRevealed; the rest with actionDone; any of
    // them with actionFailed. Empty member or workspace names mean the defaults.
    int createToken(const QString& name, const QString& member, const QString& workspace);
    int revealToken(qint64 id);
    int revokeToken(qint64 id);
    int addMember(const QString& name);
    int removeMember(qint64 id);
    int addWorkspace(const QString& name);
    int removeWorkspace(qint64 id);
    // Answers with routePreviewed.
    int previewRoute(qint64 localKeyId, const QString& model);
    // The newest requests of the activity log, for a window that opens after they were made:
    // recentActivity, or actionFailed.
    int requestRecentActivity(int limit);
    // The activity log's account since `since`: usageReported, or actionFailed.
    int requestUsage(const QDateTime& since);
    // Stops the router taking requests, or starts it again: routerStopped or routerListening.
    void setRouterListening(bool listening);
    // Stores a setting (see Settings); actionDone, or actionFailed naming the setting.
    int setSetting(const QString& name, const QString& value);

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
    void tokenCreated(int ticket, const LocalApiKey& localKey, const QString& token);
    void tokenRevealed(int ticket, const QString& token);
    // `note` is a warning worth showing, or empty.
    void actionDone(int ticket, const QString& note);
    void routePreviewed(int ticket, const RoutePreview& preview);
    void usageReported(int ticket, const UsageReport& report);
    // The keys the running router does not consider ready, whenever that changes.
    void keyStatusesChanged(const KeyStatuses& statuses);
    // One moveKey() has been stored or refused; the keysChanged() it caused came before.
    void keyMoveFinished();
    void keySaved(int ticket, const ProviderKey& key);
    void keyTested(int ticket, const KeyTestResult& result);
    void catalogChanged(const ModelCatalog& catalog);
    void recentActivity(int ticket, const QList<RequestRecord>& requests); // oldest first
    void keyRemoved(int ticket);
    // `field` names the input the message is about, when it is about one (see Failure).
    void actionFailed(int ticket, const QString& message, const QString& field);

private:
    class Worker;

    // Runs `work(worker, ticket)` on the worker thread; returns the ticket.
    template <typename Work> int post(Work work);
    int change(std::function<Result<QString>(Store&)> operation);

    QString m_databasePath;
    ActivityFeed m_activityFeed; // fed from the router's threads, which stop before it goes
    QThread m_thread;
    Worker* m_worker = nullptr; // lives on m_thread, deleted when it finishes
    int m_lastTicket = 0;
    QList<LocalApiKey> m_localKeys;
    QList<Member> m_members;
    QList<Workspace> m_workspaces;
    QHash<QString, QString> m_settings;
    ModelCatalog m_catalog = BuiltinCatalog::get(); // until the store's is published
};
