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
