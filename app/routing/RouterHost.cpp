#include "app/routing/RouterHost.h"

#include "app/activity/ActivityFeed.h"
#include "app/catalog/BuiltinCatalog.h"
#include "app/catalog/UserCatalog.h"
#include "app/routing/RoutingSnapshotBuilder.h"
#include "app/settings/Settings.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "app/vault/Vault.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRouterHost, "keyway.router")

namespace {

// Last-used times are kept to the minute: no database write per request.
constexpr qint64 touchIntervalSeconds = 60;

} // namespace

RouterHost::RouterHost(Store& store, Vault& vault, Overrides overrides, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_vault(vault)
    , m_overrides(std::move(overrides))
    , m_activity(ActivityArchive::pathFor(store.path()))
{
    connect(&m_store, &Store::changed, this, &RouterHost::scheduleRebuild);
    m_secretRetry.setSingleShot(true);
    m_secretRetry.setInterval(secretRetryInterval);
    connect(&m_secretRetry, &QTimer::timeout, this, &RouterHost::scheduleRebuild);
    connect(&m_activity, &ActivityLog::notKept, this, &RouterHost::activityNotKept,
        Qt::DirectConnection);
    // Direct: called on the router's threads, so that a request costs the app's thread nothing.
    connect(
        &m_router, &Router::requestFinished, this, &RouterHost::noteFinished, Qt::DirectConnection);
    m_router.setArchiveLookup(
        [this](const QString& id, std::function<void(std::optional<RequestRecord>)> done) {
            m_activity.find(id, std::move(done));
        });
}

void RouterHost::feedActivityTo(ActivityFeed& feed)
{
    connect(&m_router, &Router::requestStarted, &feed, &ActivityFeed::requestStarted,
        Qt::DirectConnection);
    connect(&m_router, &Router::attemptFinished, &feed, &ActivityFeed::attemptFinished,
        Qt::DirectConnection);
    connect(&m_router, &Router::requestFinished, &feed, &ActivityFeed::requestFinished,
        Qt::DirectConnection);
}

RoutePreview RouterHost::preview(qint64 localKeyId, const QString& model)
{
    RoutePreview preview;
    preview.model = model.trimmed();
    const auto localKey = m_store.access().localKey(localKeyId);
    if (!localKey) {
        preview.problem = localKey.failure().message;
        return preview;
    }
    const std::shared_ptr<const RoutingSnapshot> snapshot = m_router.snapshot();
    if (!snapshot) {
        preview.problem = tr("The router has not started yet.");
        return preview;
    }
    QHash<qint64, const RouteKey*> keys;
    for (const RouteKey& key : snapshot->keys)
        keys.insert(key.id, &key);
    const auto describe = [&](qint64 id) {
        RoutePreview::Key described;
        described.id = id;
        if (const RouteKey* key = keys.value(id)) {
            described.label = key->label;
            described.providerId = key->providerId;
            described.tier = key->tier;
        }
        return described;
    };
    const RoutePlan plan
        = m_router.plan({ preview.model, localKey->memberId, localKey->id, localKey->workspaceId });
    for (const PlannedAttempt& attempt : plan.attempts) {
        RoutePreview::Key key = describe(attempt.keyId);
        key.upstreamModel = attempt.upstreamModel;
        key.probe = attempt.probe;
        preview.planned.append(key);
    }
    const auto now = KeyHealth::Clock::now();
    for (const ExcludedKey& excluded : plan.excluded) {
        RoutePreview::Key key = describe(excluded.keyId);
        key.exclusion = RoutePlanner::describe(excluded, now);
        preview.excluded.append(key);
    }
    return preview;
}

bool RouterHost::forgetHealthIfRouted(qint64 keyId, const UpstreamTarget& tested)
{
    const std::shared_ptr<const RoutingSnapshot> snapshot = m_router.snapshot();
    if (!snapshot || !snapshot->targets.contains(keyId) || snapshot->targets.value(keyId) != tested)
        return false;
    m_router.forgetHealth(keyId);
    return true;
}

KeyStatuses RouterHost::keyStatuses() const
{
    const auto steadyNow = KeyHealth::Clock::now();
    const qint64 wallNowMs = QDateTime::currentMSecsSinceEpoch();
    KeyStatuses statuses;
    const HealthSnapshot health = m_router.health();
    for (auto it = health.cbegin(); it != health.cend(); ++it) {
        const KeyHealth& key = it.value();
        const bool endsByItself = key.state != KeyHealth::State::Invalid;
        if (key.state == KeyHealth::State::Ready || (endsByItself && key.until <= steadyNow))
            continue;
        KeyStatus status { key.state, {} };
        if (endsByItself) {
            // The same moment on the wall clock, in whole seconds so that it does not change
            // from one look to the next.
            const qint64 endMs = wallNowMs
                + std::chrono::duration_cast<std::chrono::milliseconds>(key.until - steadyNow)
                      .count();
            status.until = QDateTime::fromSecsSinceEpoch((endMs + 500) / 1000, Qt::UTC);
        }
        statuses.insert(it.key(), status);
    }
    return statuses;
}

RouterHost::~RouterHost()
{
    m_router.close();
}

void RouterHost::start()
{
    m_activity.announceNotKept(); // for the listeners connected by now
    scheduleRebuild();
}

QString RouterHost::address() const
{
    if (!m_listeningOn)
        return {};
    const QHostAddress& host = m_listeningOn->first;
    const QString hostText = host.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + host.toString() + u']'
        : host.toString();
    return QStringLiteral("http://%1:%2").arg(hostText).arg(m_router.port());
}

void RouterHost::scheduleRebuild()
{
    if (m_rebuilding) {
        m_rebuildAgain = true;
        return;
    }
    m_rebuildTask = rebuildUntilCurrent();
}

QCoro::Task<> RouterHost::rebuildUntilCurrent()
{
    m_rebuilding = true;
    do {
        m_rebuildAgain = false;
        co_await rebuild();
    } while (m_rebuildAgain);
    m_rebuilding = false;
}

QCoro::Task<> RouterHost::rebuild()
{
    auto keys = m_store.keys().all();
    auto localKeys = m_store.access().localKeys();
    auto stored = m_store.settings().values();
    if (!keys || !localKeys || !stored) {
        const Failure failure = !keys ? keys.failure()
            : !localKeys              ? localKeys.failure()
                                      : stored.failure();
        qCWarning(lcRouterHost) << "routing snapshot not rebuilt:" << failure.message;
        co_return;
    }
    const QHash<QString, QString> settings = Settings::effective(*stored);
    auto snapshot = std::make_shared<RoutingSnapshot>();
    snapshot->keys = RoutingSnapshotBuilder::routeKeys(*keys);
    snapshot->settings = Settings::routerSettings(settings);
    if (auto catalog = UserCatalog::load(m_store))
        snapshot->catalog = std::move(*catalog);
    else // routing goes on by the built-in catalog
        snapshot->catalog = BuiltinCatalog::get();

    const SecretsRead read = co_await readSecrets(*keys, *snapshot);
    if (!read.keychainProblem.isEmpty())
        m_secretRetry.start(); // the keychain may be unlocked, or come back, meanwhile

    QList<LocalKeyDirectory::Entry> active;
    for (const LocalApiKey& localKey : *localKeys) {
        if (!localKey.isRevoked())
            active.append(
                { localKey.id, localKey.memberId, localKey.workspaceId, localKey.tokenHash });
    }
    snapshot->localKeys = LocalKeyDirectory(active);
    m_router.setSnapshot(snapshot);
    m_activity.setRetention(Settings::retention(settings));
    qCInfo(lcRouterHost) << "routing snapshot:" << snapshot->keys.size() << "keys," << active.size()
                         << "local keys";
    emit snapshotApplied(int(snapshot->keys.size()), read.withoutSecret, read.keychainProblem);
    applyListener(settings);
}

QCoro::Task<RouterHost::SecretsRead> RouterHost::readSecrets(
    const QList<ProviderKey>& keys, RoutingSnapshot& snapshot)
{
    SecretsRead read;
    QHash<QString, QString> secrets;
    bool checkedWritable = false;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const ProviderKey& key = keys.at(i);
        // Once the keychain has failed, asking it again for each key would only wait its
        // timeout as many times: the keys it has not given are routed around until the retry.
        if (!m_secrets.contains(key.secretRef) && read.keychainProblem.isEmpty()) {
            const Result<QString> secret = co_await m_vault.read(key.secretRef);
            if (secret)
                m_secrets.insert(key.secretRef, *secret);
            else if (secret.failure().kind != FailureKind::NotFound)
                read.keychainProblem = secret.failure().message;
            else if (!checkedWritable) {
                // A locked keychain hides its entries: "not found" means missing only when the
                // keychain takes a write.
                checkedWritable = true;
                if (const Result<void> writable = co_await m_vault.checkWritable(); !writable)
                    read.keychainProblem = writable.failure().message;
            }
        }
        if (!m_secrets.contains(key.secretRef)) {
            // Routed around, with the reason.
            RouteKey& route = snapshot.keys[i];
            (read.keychainProblem.isEmpty() ? route.secretMissing : route.secretUnreadable) = true;
            ++read.withoutSecret;
            continue;
        }
        secrets.insert(key.secretRef, m_secrets.value(key.secretRef));
        snapshot.targets.insert(key.id,
            UpstreamTarget { .providerId = key.providerId,
                .baseUrl = key.baseUrl,
                .secret = m_secrets.value(key.secretRef),
                .settings = key.settings,
                .caFile = key.caFile });
    }
    m_secrets = secrets; // removed and replaced secrets leave memory
    co_return read;
}

void RouterHost::setListening(bool listening)
{
    m_stopped = !listening;
    if (listening) {
        applyListener(m_settings);
        return;
    }
    m_router.close();
    m_listeningOn.reset();
    emit stoppedListening();
}

void RouterHost::applyListener(const QHash<QString, QString>& settings)
{
    m_settings = settings;
    if (m_stopped)
        return;
    const QHostAddress bindAddress = m_overrides.bindAddress.value_or(
        QHostAddress(settings.value(QStringLiteral("bind-address"))));
    const quint16 port
        = m_overrides.port.value_or(quint16(settings.value(QStringLiteral("port")).toUInt()));
    if (m_listeningOn && m_listeningOn->first == bindAddress && m_listeningOn->second == port)
        return;
    if (const Result<void> listening = m_router.listen(bindAddress, port); !listening) {
        m_listeningOn.reset();
        emit listenFailed(tr("The router could not listen on %1 port %2: %3")
                              .arg(bindAddress.toString())
                              .arg(port)
                              .arg(listening.failure().message));
        return;
    }
    // Requests in flight on the old address finish; new ones go to the new one.
    m_listeningOn = std::pair { bindAddress, port };
    emit listening(address());
}

void RouterHost::noteFinished(const RequestRecord& record)
{
    m_activity.record(record);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        QMutexLocker lock(&m_touchMutex);
        const QDateTime last = m_lastTouched.value(record.localKeyId);
        if (last.isValid() && last.secsTo(now) < touchIntervalSeconds)
            return;
        m_lastTouched.insert(record.localKeyId, now);
    }
    QMetaObject::invokeMethod(
        this, [this, id = record.localKeyId, now] { touchLocalKey(id, now); });
}

void RouterHost::touchLocalKey(qint64 localKeyId, const QDateTime& at)
{
    if (auto touched = m_store.access().touchLocalKey(localKeyId, at); !touched)
        qCWarning(lcRouterHost) << "last use not saved:" << touched.failure().message;
}
