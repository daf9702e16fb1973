#include "router/http/UpstreamConnectionPool.h"

#include "router/http/CaCertificates.h"
#include "router/http/HttpClientConnection.h"
#include "router/http/PlainHttpRule.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkProxyFactory>
#include <QThreadStorage>
#include <QUrl>

Q_LOGGING_CATEGORY(lcPool, "keyway.router.http.pool")

namespace {

// Shorter than the keep-alive timeouts of the providers' front ends (60 s and more), so a
// connection is rarely reused just as the provider closes it.
constexpr qint64 maxIdleMs = 30'000;
constexpr int maxIdlePerOrigin = 64;
constexpr qint64 proxyLookupMaxAgeMs = 60'000;

} // namespace

UpstreamConnectionPool& UpstreamConnectionPool::forCurrentThread()
{
    static QThreadStorage<UpstreamConnectionPool*> perThread;
    if (!perThread.hasLocalData())
        perThread.setLocalData(new UpstreamConnectionPool);
    return *perThread.localData();
}

UpstreamConnectionPool::UpstreamConnectionPool()
    : m_peerCheck(&PlainHttpRule::checkPeer)
{
    m_sweep.setInterval(maxIdleMs / 3);
    connect(&m_sweep, &QTimer::timeout, this, &UpstreamConnectionPool::closeLongIdle);
}

const UpstreamConnectionPool::CaFile& UpstreamConnectionPool::caFile(const QString& path)
{
    const QFileInfo info(path);
    const QDateTime modified = info.lastModified();
    const qint64 size = info.exists() ? info.size() : -1;
    if (const auto it = m_caFiles.constFind(path);
        it != m_caFiles.cend() && it->modified == modified && it->size == size)
        return *it;
    CaFile read { modified, size, {}, {} };
    if (Result<QList<QSslCertificate>> loaded = CaCertificates::load(path))
        read.certificates = std::move(*loaded);
    else
        read.error = loaded.failure().message;
    qCDebug(lcPool) << "read the CA file" << path << ":" << read.certificates.size()
                    << "certificates";
    return *m_caFiles.insert(path, std::move(read));
}

QNetworkProxy UpstreamConnectionPool::proxyFor(const QUrl& url)
{
    if (url.scheme() != u"https")
        return QNetworkProxy::NoProxy;
    const QString origin = url.scheme() + u"://" + url.authority();
    ProxyLookup& lookup = m_proxies[origin];
    if (lookup.age.isValid() && lookup.age.elapsed() < proxyLookupMaxAgeMs)
        return lookup.proxy;
    lookup.proxy = QNetworkProxy::NoProxy;
    lookup.age.start();
    // A socket can tunnel through these two kinds; caching proxies only serve whole URLs.
    const auto proxies = QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
    for (const QNetworkProxy& proxy : proxies) {
        if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::HttpProxy
            || proxy.type() == QNetworkProxy::Socks5Proxy) {
            lookup.proxy = proxy;
            break;
        }
    }
    // The proxy's host and port only: its URL may carry a user and password.
    if (lookup.proxy.type() == QNetworkProxy::NoProxy)
        qCDebug(lcPool) << "no proxy for" << url.host();
    else
        qCDebug(lcPool) << "proxy for" << url.host() << ":" << lookup.proxy.hostName()
                        << lookup.proxy.port()
                        << (lookup.proxy.type() == QNetworkProxy::Socks5Proxy ? "SOCKS5"
                                                                              : "HTTP CONNECT");
    return lookup.proxy;
}

Result<HttpClientConnection*> UpstreamConnectionPool::acquire(
    const QUrl& url, const QString& caFile)
{
    // Connections trusting a CA file are kept apart by its content: one opened with the old
    // content of an edited file is not reused.
    QString key = url.scheme() + u"://" + url.authority();
    QList<QSslCertificate> extraCa;
    if (!caFile.isEmpty()) {
        const CaFile& ca = this->caFile(caFile);
        if (!ca.error.isEmpty())
            return invalidInput(ca.error);
        extraCa = ca.certificates;
        key += u' ' + caFile + u' ' + QString::number(ca.modified.toMSecsSinceEpoch()) + u' '
            + QString::number(ca.size);
    }
    for (auto it = m_idle.find(key); it != m_idle.end(); it = m_idle.find(key)) {
        HttpClientConnection* connection = it->takeLast();
        if (it->isEmpty())
            m_idle.erase(it);
        if (connection->isReusable()) {
            qCDebug(lcPool) << "reusing an idle connection to" << url.host();
            connection->disconnect(this);
            return connection;
        }
        qCDebug(lcPool) << "an idle connection to" << url.host() << "was closed; dropped";
        forget(connection);
    }
    qCDebug(lcPool) << "opening a connection to" << url.host();
    auto* connection = new HttpClientConnection(
        url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment), extraCa,
        proxyFor(url), m_peerCheck, this);
    m_keyOf.insert(connection, key);
    return connection;
}

void UpstreamConnectionPool::release(HttpClientConnection* connection)
{
    const QString key = m_keyOf.value(connection);
    if (!connection->isReusable() || m_idle.value(key).size() >= maxIdlePerOrigin) {
        forget(connection);
        return;
    }
    connection->disconnect(); // the caller's connections
    connect(connection, &HttpClientConnection::closedWhileIdle, this,
        [this, connection] { forget(connection); });
    m_idle[key].append(connection);
    if (!m_sweep.isActive())
        m_sweep.start();
}

int UpstreamConnectionPool::idleConnections() const
{
    int count = 0;
    for (const QList<HttpClientConnection*>& idle : m_idle)
        count += int(idle.size());
    return count;
}

void UpstreamConnectionPool::setPeerCheck(HttpClientConnection::PeerCheck check)
{
    m_peerCheck = std::move(check);
}

void UpstreamConnectionPool::forget(HttpClientConnection* connection)
{
    const QString key = m_keyOf.take(connection);
    if (auto it = m_idle.find(key); it != m_idle.end()) {
        it->removeOne(connection);
        if (it->isEmpty())
            m_idle.erase(it);
    }
    connection->disconnect();
    connection->abort();
    // Not deleted at once: this may run inside one of the connection's own signals.
    connection->deleteLater();
}

void UpstreamConnectionPool::closeLongIdle()
{
    QList<HttpClientConnection*> expired;
    for (const QList<HttpClientConnection*>& idle : std::as_const(m_idle)) {
        for (HttpClientConnection* connection : idle) {
            if (connection->idleMs() > maxIdleMs)
                expired.append(connection);
        }
    }
    for (HttpClientConnection* connection : expired)
        forget(connection);
    if (m_idle.isEmpty())
        m_sweep.stop();
}
