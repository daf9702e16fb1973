#include "UpstreamNetwork.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QThreadStorage>

UpstreamNetwork& UpstreamNetwork::forCurrentThread()
{
    static QThreadStorage<UpstreamNetwork*> perThread;
    if (!perThread.hasLocalData())
        perThread.setLocalData(new UpstreamNetwork);
    return *perThread.localData();
}

QNetworkAccessManager* UpstreamNetwork::managerFor(const QString& origin)
{
    for (QNetworkAccessManager* manager : m_managers) {
        if (m_inFlight.value({ manager, origin }) < connectionsPerManager)
            return manager;
    }
    auto* manager = new QNetworkAccessManager(this);
    // Redirects are the client's business; an upstream that redirects is misconfigured.
    manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_managers.push_back(manager);
    return manager;
}

const QList<QSslCertificate>& UpstreamNetwork::certificatesIn(const QString& caFile)
{
    auto it = m_certificates.find(caFile);
    if (it == m_certificates.end())
        it = m_certificates.insert(caFile, QSslCertificate::fromPath(caFile));
    return *it;
}

QNetworkReply* UpstreamNetwork::send(const UpstreamRequest& request, const QString& caFile)
{
    QNetworkRequest networkRequest(request.url);
    // HTTP/1.1 to every upstream, chosen by measurement (tests/bench): Qt 6.4's HTTP/2 client
    // writes a request's frames without TCP_NODELAY, so about one request in a hundred waits
    // ~40 ms for a delayed ACK, and it costs more CPU per request than HTTP/1.1 over TLS.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto& [name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(certificatesIn(caFile));
        networkRequest.setSslConfiguration(ssl);
    }
    const QString origin = request.url.scheme() + u':' + request.url.authority();
    QNetworkAccessManager* manager = managerFor(origin);
    QNetworkReply* reply = request.body.isNull() ? manager->get(networkRequest)
                                                 : manager->post(networkRequest, request.body);
    ++m_inFlight[{ manager, origin }];
    connect(reply, &QObject::destroyed, this, [this, manager, origin] {
        if (--m_inFlight[{ manager, origin }] == 0)
            m_inFlight.remove({ manager, origin });
    });
    return reply;
}
