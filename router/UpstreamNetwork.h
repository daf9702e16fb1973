#pragma once

#include "UpstreamRequest.h"

#include <QHash>
#include <QObject>
#include <QSslCertificate>

#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

// The outbound side of one router thread. Qt 6.4 lets one QNetworkAccessManager keep at most
// six connections per host and queues the rest, which would line up hundreds of concurrent
// streams behind six; so each thread keeps a pool of managers and sends each request through
// one with a free connection to that host.
class UpstreamNetwork : public QObject
{
    Q_OBJECT

public:
    static constexpr int connectionsPerManager = 6;

    // The current thread's; created on first use, deleted with the thread.
    static UpstreamNetwork& forCurrentThread();

    // The reply belongs to the caller. `caFile` names extra CA certificates to trust (PEM).
    QNetworkReply* send(const UpstreamRequest& request, const QString& caFile);

private:
    UpstreamNetwork() = default;
    QNetworkAccessManager* managerFor(const QString& origin);
    const QList<QSslCertificate>& certificatesIn(const QString& caFile);

    std::vector<QNetworkAccessManager*> m_managers; // children of this object
    QHash<QPair<QNetworkAccessManager*, QString>, int> m_inFlight; // by manager and origin
    QHash<QString, QList<QSslCertificate>> m_certificates; // by file
};
