#pragma once

#include "router/core/Result.h"
#include "router/http/HttpClientConnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkProxy>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>

class QUrl;

// The outbound connections of one router thread, kept alive between requests by origin (and
// the extra CA file a key trusts, as it was when they were opened). A request takes an idle
// connection or opens a new one; there is no cap, so hundreds of concurrent streams to one
// provider never queue behind each other.
// New https connections go through the system's proxy for their URL (https_proxy, no_proxy,
// the desktop's settings), looked up at most once a minute per origin. Plain http ones go
// directly: PlainHttpRule lets them reach only this computer or a private network, and it
// checks the address a connection reached, which through a proxy would be the proxy's.
class UpstreamConnectionPool : public QObject
{
    Q_OBJECT

public:
    // The current thread's; created on first use, deleted with the thread.
    static UpstreamConnectionPool& forCurrentThread();

    // An idle connection to the URL's origin that can carry a request, or a new one. Give it
    // back with release(). `caFile` names extra CA certificates to trust (PEM or DER); a
    // failure when it cannot be read or holds none.
    Result<HttpClientConnection*> acquire(const QUrl& url, const QString& caFile);
    // Keeps the connection for the next request when it can carry one; closes it otherwise.
    void release(HttpClientConnection* connection);

    int idleConnections() const;
    // In place of PlainHttpRule::checkPeer for the connections opened from now on: lets a test
    // play a public address, which it must not reach.
    void setPeerCheck(HttpClientConnection::PeerCheck check);

private:
    UpstreamConnectionPool();
    // A CA file as it was read, with what identifies its content on disk.
    struct CaFile
    {
        QDateTime modified;
        qint64 size = -1;
        QList<QSslCertificate> certificates;
        QString error; // why it cannot be used, when it cannot
    };

    const CaFile& caFile(const QString& path);
    QNetworkProxy proxyFor(const QUrl& url);
    void forget(HttpClientConnection* connection);
    void closeLongIdle();

    QHash<QString, QList<HttpClientConnection*>> m_idle; // by pool key, most recent last
    QHash<HttpClientConnection*, QString> m_keyOf;
    // By path. Reread when the file's time or size changed, so an edited or replaced file
    // counts without a restart; a key given another file simply names another path.
    QHash<QString, CaFile> m_caFiles;
    struct ProxyLookup
    {
        QNetworkProxy proxy;
        QElapsedTimer age;
    };
    QHash<QString, ProxyLookup> m_proxies; // by scheme and authority
    QTimer m_sweep;
    HttpClientConnection::PeerCheck m_peerCheck;
};
