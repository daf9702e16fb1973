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

#include <coroutine>
#include <memory>
#include <utility>

// A call waiting for the worker's answer, whatever its result type.
struct AppCore::PendingCallBase
{
    virtual ~PendingCallBase() = default;
    // Resumes the waiting caller with `failure`, if it still waits.
    virtual void abandon(const Failure& failure) = 0;
};

namespace {

// One call's result on its way to the caller. Touched on the core's thread only: the answer
// reaches it queued, so the worker (or the activity log's thread) never shares it.
template <typename T> struct PendingCall : AppCore::PendingCallBase
{
    std::optional<Result<T>> result;
    std::coroutine_handle<> caller; // suspended until the result comes

    void abandon(const Failure& failure) override
    {
        if (const auto waiting = std::exchange(caller, {})) {
            result.emplace(failure);
            waiting.resume();
        }
    }
};

// What the worker calls with a call's result, on any thread: it resumes the caller on the
// core's thread. When the core is gone first the result is dropped with its queued event.
template <typename T> class CallAnswer
{
public:
    CallAnswer(QObject* core, std::shared_ptr<PendingCall<T>> pending)
        : m_core(core)
        , m_pending(std::move(pending))
    { }

    void operator()(Result<T> result) const
    {
        // Queued even on the core's own thread: a caller never resumes inside the call.
        QMetaObject::invokeMethod(
            m_core,
            [pending = m_pending, result = std::move(result)]() mutable {
                pending->result.emplace(std::move(result));
                if (const auto caller = std::exchange(pending->caller, {}))
                    caller.resume();
            },
            Qt::QueuedConnection);
    }

private:
    QObject* m_core;
    std::shared_ptr<PendingCall<T>> m_pending;
};

template <typename T> class CallAwaiter
{
public:
    explicit CallAwaiter(std::shared_ptr<PendingCall<T>> pending)
        : m_pending(std::move(pending))
    { }
    CallAwaiter(CallAwaiter&&) noexcept = default; // QCoro takes awaiters by value
    CallAwaiter& operator=(CallAwaiter&&) noexcept = default;
    // A caller destroyed while it waits is not resumed.
    ~CallAwaiter()
    {
        if (m_pending)
            m_pending->caller = {};
    }

    bool await_ready() const { return m_pending->result.has_value(); }
    void await_suspend(std::coroutine_handle<> caller) { m_pending->caller = caller; }
    Result<T> await_resume() { return std::move(*m_pending->result); }

private:
    std::shared_ptr<PendingCall<T>> m_pending;
};

} // namespace

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

    // Runs a service's coroutine and hands its result to `answer`. `start` is called only once
    // the database is open.
    template <typename T>
    void run(std::function<QCoro::Task<Result<T>>()> start, CallAnswer<T> answer)
    {
        if (!m_keys) {
            answer(notOpen());
            return;
        }
        track([](std::function<QCoro::Task<Result<T>>()> start,
                  CallAnswer<T> answer) -> QCoro::Task<> {
            answer(co_await start());
        }(std::move(start), std::move(answer)));
    }

    void testKey(std::optional<qint64> id, QString providerId, KeyFields fields,
        std::optional<QString> secret, CallAnswer<KeyTestResult> answer)
    {
        run<KeyTestResult>([this, id, providerId, fields,
                               secret] { return testAndTell(id, providerId, fields, secret); },
            std::move(answer));
    }

    KeyService* keys() const { return m_keys.get(); }
    TokenService* tokens() const { return m_tokens.get(); }
    RouterHost* router() const { return m_router.get(); }

    RoutePreview previewRoute(qint64 localKeyId, const QString& model)
    {
        RoutePreview preview;
        if (m_router)
            preview = m_router->preview(localKeyId, model);
        else
            preview.problem = AppCore::tr("The router has not started yet.");
        return preview;
    }

    // A change to the store that answers at once with a note worth showing, or an empty one.
    Result<QString> change(const std::function<Result<QString>(Store&)>& operation)
    {
        if (!m_store)
            return notOpen();
        return operation(*m_store);
    }

private:
    QCoro::Task<Result<KeyTestResult>> testAndTell(std::optional<qint64> id, QString providerId,
        KeyFields fields, std::optional<QString> secret)
    {
        const Result<UpstreamTarget> target
            = co_await m_keys->testTarget(id, providerId, std::move(fields), std::move(secret));
        if (!target)
            co_return target.failure();
        KeyTestResult result = co_await KeyTester::test(*target);
        // A stored key that works as the router has it is tried again at once (DESIGN.md §2:
        // invalid until edited or re-tested), its badge before the caller hears the verdict.
        if (id && result.works() && m_router && m_router->forgetHealthIfRouted(*id, *target))
            publishStatuses();
        co_return result;
    }

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
        connect(m_router.get(), &RouterHost::activityNotKept, m_core, &AppCore::activityNotKept);
        m_router->start();
    }

    static Failure notOpen()
    {
        return { FailureKind::Database, AppCore::tr("Keyway has not opened its database.") };
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

Failure AppCore::closingFailure()
{
    return { FailureKind::Database, tr("Keyway is closing.") };
}

AppCore::~AppCore()
{
    m_thread.quit();
    m_thread.wait();
    // The answers still to come went with the worker; their callers (a window's coroutines)
    // would wait for ever, holding their frames. They hear that the app closes instead.
    m_closing = true;
    for (const std::weak_ptr<PendingCallBase>& call : std::exchange(m_pendingCalls, {})) {
        if (const auto pending = call.lock())
            pending->abandon(closingFailure());
    }
}

void AppCore::moveKey(qint64 id, Tier tier, int position)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, tier, position] { worker->moveKey(id, tier, position); });
}

template <typename T, typename Work> QCoro::Task<Result<T>> AppCore::call(Work work)
{
    Q_ASSERT(QThread::currentThread() == thread()); // the result comes back to this thread
    if (m_closing) // a caller resumed by the destructor calling again
        co_return closingFailure();
    auto pending = std::make_shared<PendingCall<T>>();
    std::erase_if(m_pendingCalls, [](const auto& call) { return call.expired(); });
    m_pendingCalls.push_back(pending);
    QMetaObject::invokeMethod(m_worker,
        [worker = m_worker, work = std::move(work), answer = CallAnswer<T>(this, pending)] {
            work(*worker, answer);
        });
    co_return co_await CallAwaiter<T>(pending);
}

namespace {

// A store change's outcome: an empty note, or the failure about `field`.
template <typename T> Result<QString> asChange(const Result<T>& done, const QString& field = {})
{
    if (!done)
        return aboutField(done.failure(), field);
    return QString();
}

Failure routerNotStarted()
{
    return { FailureKind::Database, AppCore::tr("The router has not started yet.") };
}

Failure logUnreadable()
{
    return { FailureKind::Database, AppCore::tr("The activity log could not be read.") };
}

} // namespace

QCoro::Task<Result<ProviderKey>> AppCore::addKey(
    const QString& providerId, const KeyFields& fields, const QString& secret)
{
    return call<ProviderKey>([providerId, fields, secret](Worker& worker, auto answer) {
        worker.run<ProviderKey>(
            [&worker, providerId, fields, secret] {
                return worker.keys()->addKey(providerId, fields, secret);
            },
            answer);
    });
}

QCoro::Task<Result<ProviderKey>> AppCore::editKey(
    qint64 id, const KeyFields& fields, const std::optional<QString>& secret)
{
    return call<ProviderKey>([id, fields, secret](Worker& worker, auto answer) {
        worker.run<ProviderKey>(
            [&worker, id, fields, secret] { return worker.keys()->editKey(id, fields, secret); },
            answer);
    });
}

QCoro::Task<Result<void>> AppCore::removeKey(qint64 id)
{
    return call<void>([id](Worker& worker, auto answer) {
        worker.run<void>([&worker, id] { return worker.keys()->removeKey(id); }, answer);
    });
}

QCoro::Task<Result<KeyTestResult>> AppCore::testKey(std::optional<qint64> id,
    const QString& providerId, const KeyFields& fields, const std::optional<QString>& secret)
{
    return call<KeyTestResult>([id, providerId, fields, secret](Worker& worker, auto answer) {
        worker.testKey(id, providerId, fields, secret, answer);
    });
}

QCoro::Task<Result<TokenService::Created>> AppCore::createToken(
    const QString& name, const QString& member, const QString& workspace)
{
    return call<TokenService::Created>([name, member, workspace](Worker& worker, auto answer) {
        worker.run<TokenService::Created>(
            [&worker, name, member, workspace] {
                return worker.tokens()->create(member, workspace, name);
            },
            answer);
    });
}

QCoro::Task<Result<QString>> AppCore::revealToken(qint64 id)
{
    return call<QString>([id](Worker& worker, auto answer) {
        worker.run<QString>([&worker, id] { return worker.tokens()->reveal(id); }, answer);
    });
}

QCoro::Task<Result<QString>> AppCore::revokeToken(qint64 id)
{
    return call<QString>([id](Worker& worker, auto answer) {
        worker.run<QString>([&worker, id] { return worker.tokens()->revoke(id); }, answer);
    });
}

QCoro::Task<Result<QString>> AppCore::change(std::function<Result<QString>(Store&)> operation)
{
    return call<QString>(
        [operation](Worker& worker, auto answer) { answer(worker.change(operation)); });
}

QCoro::Task<Result<QString>> AppCore::setSetting(const QString& name, const QString& value)
{
    return change([name, value](Store& store) -> Result<QString> {
        const Result<QString> checked = Settings::check(name, value);
        if (!checked)
            return aboutField(checked.failure(), name);
        return asChange(store.settings().setValue(name, *checked), name);
    });
}

QCoro::Task<Result<QString>> AppCore::addMember(const QString& name)
{
    return change([name](Store& store) {
        return asChange(store.access().insertMember(name), QStringLiteral("member"));
    });
}

QCoro::Task<Result<QString>> AppCore::removeMember(qint64 id)
{
    return change([id](Store& store) { return asChange(store.access().deleteMember(id)); });
}

QCoro::Task<Result<QString>> AppCore::addWorkspace(const QString& name)
{
    return change([name](Store& store) {
        return asChange(store.access().insertWorkspace(name), QStringLiteral("workspace"));
    });
}

QCoro::Task<Result<QString>> AppCore::removeWorkspace(qint64 id)
{
    return change([id](Store& store) { return asChange(store.access().deleteWorkspace(id)); });
}

QCoro::Task<Result<UsageReport>> AppCore::usage(const QDateTime& since)
{
    return call<UsageReport>([since](Worker& worker, auto answer) {
        if (!worker.router()) {
            answer(routerNotStarted());
            return;
        }
        // Answered from the log's thread; the answer reaches the caller queued.
        worker.router()->usage(since, [answer](std::optional<UsageReport> report) {
            answer(report ? Result<UsageReport>(*report) : logUnreadable());
        });
    });
}

QCoro::Task<Result<QList<RequestRecord>>> AppCore::recentActivity(int limit)
{
    return call<QList<RequestRecord>>([limit](Worker& worker, auto answer) {
        if (!worker.router()) {
            answer(routerNotStarted());
            return;
        }
        worker.router()->recentActivity(
            limit, [answer](std::optional<QList<RequestRecord>> requests) {
                answer(requests ? Result<QList<RequestRecord>>(*requests) : logUnreadable());
            });
    });
}

QCoro::Task<Result<RoutePreview>> AppCore::previewRoute(qint64 localKeyId, const QString& model)
{
    return call<RoutePreview>([localKeyId, model](Worker& worker, auto answer) {
        answer(worker.previewRoute(localKeyId, model));
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
