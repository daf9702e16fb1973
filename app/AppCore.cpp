#include "app/AppCore.h"

#include "app/access/TokenService.h"
#include "app/catalog/BuiltinCatalog.h"
#include "app/catalog/UserCatalog.h"
#include "app/keys/KeyService.h"
#include "app/keys/KeyTester.h"
#include "app/routing/RouterHost.h"
#include "app/settings/Settings.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "app/vault/Vault.h"

#include <QCoro/QCoroTask>
#include <QTimer>

#include <type_traits>

// Owns everything that touches the disk or the keychain; all its code runs on the worker thread.
class AppCore::Worker : public QObject
{
public:
    explicit Worker(AppCore* core)
        : m_core(core)
    { }

    void start(const QString& databasePath)
    {
        m_store = std::make_unique<Store>();
        if (auto opened = m_store->open(databasePath); !opened) {
            emit m_core->startFailed(opened.failure().message);
            return;
        }
        m_keys = std::make_unique<KeyService>(*m_store, m_vault);
        m_tokens = std::make_unique<TokenService>(*m_store, m_vault);
        connect(m_store.get(), &Store::changed, this, &Worker::publish);
        publish(Store::allAreas); // at once: checking the secrets in the keychain may take a while
        m_startup = verifyAndReport();
    }

    void moveKey(qint64 id, Tier tier, int position)
    {
        if (!m_keys) {
            emit m_core->keyActionFailed(notOpen().message);
        } else if (auto moved = m_keys->moveKey(id, tier, position); !moved) {
            emit m_core->keyActionFailed(moved.failure().message);
            publishKeys(); // the board shows the order as it stands
        }
        emit m_core->keyMoveFinished();
    }

    // Runs a service's coroutine for `ticket`: its value goes to `answer`, a failure to
    // actionFailed. `start` is called only once the database is open.
    template <typename T, typename Answer>
    void run(int ticket, std::function<QCoro::Task<Result<T>>()> start, Answer answer)
    {
        if (!m_keys) {
            reportFailure(ticket, notOpen());
            return;
        }
        track([](Worker* self, int ticket, std::function<QCoro::Task<Result<T>>()> start,
                  Answer answer) -> QCoro::Task<> {
            const Result<T> result = co_await start();
            if (!result)
                self->reportFailure(ticket, result.failure());
            else if constexpr (std::is_void_v<T>)
                answer();
            else
                answer(*result);
        }(this, ticket, std::move(start), std::move(answer)));
    }

    void save(int ticket, std::function<QCoro::Task<Result<ProviderKey>>()> operation)
    {
        run<ProviderKey>(ticket, std::move(operation),
            [this, ticket](const ProviderKey& key) { emit m_core->keySaved(ticket, key); });
    }

    void removeKey(int ticket, qint64 id)
    {
        run<void>(
            ticket, [this, id] { return m_keys->removeKey(id); },
            [this, ticket] { emit m_core->keyRemoved(ticket); });
    }

    void testKey(int ticket, std::optional<qint64> id, QString providerId, KeyFields fields,
        std::optional<QString> secret)
    {
        run<UpstreamTarget>(
            ticket,
            [this, id, providerId, fields, secret] {
                return m_keys->testTarget(id, providerId, fields, secret);
            },
            [this, ticket](const UpstreamTarget& target) {
                auto* tester = new KeyTester(target, this);
                connect(tester, &KeyTester::finished, this,
                    [this, ticket, tester](const KeyTestResult& result) {
                        emit m_core->keyTested(ticket, result);
                        tester->deleteLater();
                    });
                tester->start();
            });
    }

    KeyService* keys() const { return m_keys.get(); }
    RouterHost* router() const { return m_router.get(); }

    void previewRoute(int ticket, qint64 localKeyId, const QString& model)
    {
        RoutePreview preview;
        if (m_router)
            preview = m_router->preview(localKeyId, model);
        else
            preview.problem = AppCore::tr("The router has not started yet.");
        emit m_core->routePreviewed(ticket, preview);
    }

    // A change to the store that answers at once; `note` comes back with actionDone().
    void change(int ticket, const std::function<Result<QString>(Store&)>& operation)
    {
        if (!m_store) {
            reportFailure(ticket, notOpen());
            return;
        }
        const Result<QString> done = operation(*m_store);
        if (done)
            emit m_core->actionDone(ticket, *done);
        else
            reportFailure(ticket, done.failure());
    }

    void createToken(int ticket, QString name, QString member, QString workspace)
    {
        run<TokenService::Created>(
            ticket,
            [this, name, member, workspace] { return m_tokens->create(member, workspace, name); },
            [this, ticket](const TokenService::Created& created) {
                emit m_core->tokenCreated(ticket, created.localKey, created.token);
            });
    }

    void revealToken(int ticket, qint64 id)
    {
        run<QString>(
            ticket, [this, id] { return m_tokens->reveal(id); },
            [this, ticket](const QString& token) { emit m_core->tokenRevealed(ticket, token); });
    }

    void revokeToken(int ticket, qint64 id)
    {
        run<QString>(
            ticket, [this, id] { return m_tokens->revoke(id); },
            [this, ticket](const QString& warning) { emit m_core->actionDone(ticket, warning); });
    }

private:
    QCoro::Task<> verifyAndReport()
    {
        const Result<int> missing = co_await m_keys->verifySecrets();
        auto keys = m_store->keys().all();
        if (!keys) {
            emit m_core->startFailed(keys.failure().message);
            co_return;
        }
        // An unreachable keychain does not stop the window: what is stored is shown, and why
        // the secrets could not be checked.
        emit m_core->started(static_cast<int>(keys->size()), missing ? *missing : 0,
            missing ? QString() : missing.failure().message);
        startRouter();
    }

    void publishStatuses()
    {
        KeyStatuses statuses = m_router->keyStatuses();
        if (statuses == m_statuses)
            return;
        m_statuses = std::move(statuses);
        emit m_core->keyStatusesChanged(m_statuses);
    }

    void publish(Store::Areas areas)
    {
        if (areas.testFlag(Store::Area::Keys))
            publishKeys();
        if (areas.testFlag(Store::Area::Members)) {
            if (auto members = m_store->access().members())
                emit m_core->membersChanged(*members);
        }
        if (areas.testFlag(Store::Area::LocalKeys)) {
            if (auto localKeys = m_store->access().localKeys())
                emit m_core->localKeysChanged(*localKeys);
        }
        if (areas.testFlag(Store::Area::Models)) {
            if (auto catalog = UserCatalog::load(*m_store))
                emit m_core->catalogChanged(*catalog);
        }
        if (areas.testFlag(Store::Area::Settings)) {
            if (auto stored = m_store->settings().values())
                emit m_core->settingsChanged(Settings::effective(*stored));
        }
        if (areas.testFlag(Store::Area::Workspaces)) {
            if (auto workspaces = m_store->access().workspaces())
                emit m_core->workspacesChanged(*workspaces);
        }
    }

    void publishKeys()
    {
        auto keys = m_store->keys().all();
        if (keys)
            emit m_core->keysChanged(*keys);
        else
            emit m_core->keyActionFailed(keys.failure().message);
    }

    void startRouter()
    {
        m_router = std::make_unique<RouterHost>(*m_store, m_vault);
        m_router->feedActivityTo(m_core->activityFeed());
        // What the router learns about keys changes with its requests; a look a second is
        // cheap (a copy of a small table) and keeps the board's badges current.
        m_statusPoll.setInterval(1000);
        connect(&m_statusPoll, &QTimer::timeout, this, &Worker::publishStatuses);
        m_statusPoll.start();
        connect(m_router.get(), &RouterHost::listening, m_core, &AppCore::routerListening);
        connect(m_router.get(), &RouterHost::listenFailed, m_core, &AppCore::routerFailed);
        connect(m_router.get(), &RouterHost::stoppedListening, m_core, &AppCore::routerStopped);
        m_router->start();
    }

    static Failure notOpen()
    {
        return { FailureKind::Database, AppCore::tr("Keyway has not opened its database.") };
    }

    void reportFailure(int ticket, const Failure& failure)
    {
        emit m_core->actionFailed(ticket, failure.message, failure.field);
    }

    // Keeps a running coroutine alive until it has finished.
    void track(QCoro::Task<> task)
    {
        std::erase_if(m_running, [](const QCoro::Task<>& running) { return running.isReady(); });
        m_running.push_back(std::move(task));
    }

    AppCore* m_core;
    std::vector<QCoro::Task<>> m_running;
    Vault m_vault;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<KeyService> m_keys;
    std::unique_ptr<TokenService> m_tokens;
    QTimer m_statusPoll { this };
    KeyStatuses m_statuses;
    std::unique_ptr<RouterHost> m_router; // after the store, so it stops before the store goes
    QCoro::Task<> m_startup;
};

AppCore::AppCore(QString databasePath, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_worker(new Worker(this))
{
    m_thread.setObjectName(QStringLiteral("keyway-core"));
    m_worker->moveToThread(&m_thread);
    // Connected first, so the lists are current when other receivers hear of a change.
    connect(this, &AppCore::localKeysChanged, this,
        [this](const QList<LocalApiKey>& localKeys) { m_localKeys = localKeys; });
    connect(this, &AppCore::membersChanged, this,
        [this](const QList<Member>& members) { m_members = members; });
    connect(this, &AppCore::workspacesChanged, this,
        [this](const QList<Workspace>& workspaces) { m_workspaces = workspaces; });
    connect(this, &AppCore::settingsChanged, this,
        [this](const QHash<QString, QString>& settings) { m_settings = settings; });
    connect(this, &AppCore::catalogChanged, this,
        [this](const ModelCatalog& catalog) { m_catalog = catalog; });
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

const ModelCatalog& AppCore::catalog() const
{
    return m_catalog;
}

AppCore::~AppCore()
{
    m_thread.quit();
    m_thread.wait();
}

void AppCore::moveKey(qint64 id, Tier tier, int position)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, tier, position] { worker->moveKey(id, tier, position); });
}

template <typename Work> int AppCore::post(Work work)
{
    const int ticket = ++m_lastTicket;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket, work] { work(*worker, ticket); });
    return ticket;
}

namespace {

// A store change's outcome as actionDone/actionFailed report it.
template <typename T> Result<QString> asChange(const Result<T>& done, const QString& field = {})
{
    if (!done)
        return aboutField(done.failure(), field);
    return QString();
}

} // namespace

int AppCore::addKey(const QString& providerId, const KeyFields& fields, const QString& secret)
{
    return post([providerId, fields, secret](Worker& worker, int ticket) {
        worker.save(ticket, [&worker, providerId, fields, secret] {
            return worker.keys()->addKey(providerId, fields, secret);
        });
    });
}

int AppCore::editKey(qint64 id, const KeyFields& fields, const std::optional<QString>& secret)
{
    return post([id, fields, secret](Worker& worker, int ticket) {
        worker.save(ticket,
            [&worker, id, fields, secret] { return worker.keys()->editKey(id, fields, secret); });
    });
}

int AppCore::removeKey(qint64 id)
{
    return post([id](Worker& worker, int ticket) { worker.removeKey(ticket, id); });
}

int AppCore::testKey(std::optional<qint64> id, const QString& providerId, const KeyFields& fields,
    const std::optional<QString>& secret)
{
    return post([id, providerId, fields, secret](Worker& worker, int ticket) {
        worker.testKey(ticket, id, providerId, fields, secret);
    });
}

int AppCore::createToken(const QString& name, const QString& member, const QString& workspace)
{
    return post([name, member, workspace](Worker& worker, int ticket) {
        worker.createToken(ticket, name, member, workspace);
    });
}

int AppCore::revealToken(qint64 id)
{
    return post([id](Worker& worker, int ticket) { worker.revealToken(ticket, id); });
}

int AppCore::revokeToken(qint64 id)
{
    return post([id](Worker& worker, int ticket) { worker.revokeToken(ticket, id); });
}

int AppCore::change(std::function<Result<QString>(Store&)> operation)
{
    return post([operation](Worker& worker, int ticket) { worker.change(ticket, operation); });
}

int AppCore::setSetting(const QString& name, const QString& value)
{
    return change([name, value](Store& store) -> Result<QString> {
        const Result<QString> checked = Settings::check(name, value);
        if (!checked)
            return aboutField(checked.failure(), name);
        return asChange(store.settings().setValue(name, *checked), name);
    });
}

int AppCore::addMember(const QString& name)
{
    return change([name](Store& store) {
        return asChange(store.access().insertMember(name), QStringLiteral("member"));
    });
}

int AppCore::removeMember(qint64 id)
{
    return change([id](Store& store) { return asChange(store.access().deleteMember(id)); });
}

int AppCore::addWorkspace(const QString& name)
{
    return change([name](Store& store) {
        return asChange(store.access().insertWorkspace(name), QStringLiteral("workspace"));
    });
}

int AppCore::removeWorkspace(qint64 id)
{
    return change([id](Store& store) { return asChange(store.access().deleteWorkspace(id)); });
}

int AppCore::requestUsage(const QDateTime& since)
{
    return post([this, since](Worker& worker, int ticket) {
        if (!worker.router()) {
            emit actionFailed(ticket, tr("The router has not started yet."), {});
            return;
        }
        // Answered from the log's thread; the signal reaches the window queued.
        worker.router()->usage(since, [this, ticket](std::optional<UsageReport> report) {
            if (report)
                emit usageReported(ticket, *report);
            else
                emit actionFailed(ticket, tr("The activity log could not be read."), {});
        });
    });
}

int AppCore::requestRecentActivity(int limit)
{
    return post([this, limit](Worker& worker, int ticket) {
        if (!worker.router()) {
            emit actionFailed(ticket, tr("The router has not started yet."), {});
            return;
        }
        worker.router()->recentActivity(
            limit, [this, ticket](std::optional<QList<RequestRecord>> requests) {
                if (requests)
                    emit recentActivity(ticket, *requests);
                else
                    emit actionFailed(ticket, tr("The activity log could not be read."), {});
            });
    });
}

int AppCore::previewRoute(qint64 localKeyId, const QString& model)
{
    return post([localKeyId, model](Worker& worker, int ticket) {
        worker.previewRoute(ticket, localKeyId, model);
    });
}

void AppCore::setRouterListening(bool listening)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, listening] {
        if (worker->router())
            worker->router()->setListening(listening);
    });
}

void AppCore::start()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path = m_databasePath] { worker->start(path); });
}
