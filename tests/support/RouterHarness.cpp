#include "tests/support/RouterHarness.h"

#include "router/access/LocalKeyToken.h"
#include "router/codecs/SseParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

QByteArray RouterHarness::Response::header(QByteArrayView name) const
{
    return headerValue(headers, name);
}

QJsonValue RouterHarness::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QList<QByteArray> RouterHarness::Response::events() const
{
    SseParser parser;
    QList<QByteArray> data;
    for (const SseParser::Event& event : parser.feed(body))
        data.append(event.data);
    return data;
}

RouterHarness::RouterHarness()
    : m_fake(std::make_unique<FakeProvider>())
    , m_router(std::make_unique<Router>(2))
{
    if (const Result<void> listening = m_router->listen(QHostAddress::LocalHost, 0); !listening)
        qFatal("The router cannot listen: %s", qPrintable(listening.failure().message));
    QObject::connect(m_router.get(), &Router::requestFinished, m_router.get(),
        [this](const RequestRecord& record) { m_finished.append(record); });
}

RouterHarness::~RouterHarness()
{
    m_router.reset();
    m_fake.reset();
}

QString RouterHarness::url(const QString& path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(m_router->port()).arg(path);
}

void RouterHarness::setKeys(const QList<Key>& keys, RouterSettings settings)
{
    auto snapshot = std::make_shared<RoutingSnapshot>();
    qint64 id = 0;
    for (const Key& key : keys) {
        RouteKey route;
        route.id = ++id;
        route.label = key.label;
        route.providerId = key.providerId;
        route.tier = key.tier;
        route.servedModels = key.servedModels;
        snapshot->keys.append(route);
        // Only OpenAI-format base URLs end in /v1: the other providers' paths are their own, and
        // an Azure resource's endpoint is its host.
        static const QStringList hostOnly { QStringLiteral("anthropic"), QStringLiteral("azure"),
            QStringLiteral("bedrock"), QStringLiteral("gemini"), QStringLiteral("vertex") };
        const QString baseUrl = hostOnly.contains(key.providerId)
            ? QStringLiteral("http://127.0.0.1:%1").arg(m_fake->port()) + key.basePath
            : m_fake->baseUrl();
        snapshot->targets.insert(route.id,
            UpstreamTarget { .providerId = key.providerId,
                .baseUrl = baseUrl,
                .secret
                = key.secret.isEmpty() ? QString::fromUtf8(secretOf(key.label)) : key.secret,
                .settings = key.settings,
                .caFile = key.caFile });
    }
    snapshot->localKeys = LocalKeyDirectory({ { localKeyId, memberId, workspaceId,
        LocalKeyToken::hash(QString::fromLatin1(token())) } });
    snapshot->settings = settings;
    snapshot->catalog = catalog;
    m_router->setSnapshot(snapshot);
}

QJsonObject RouterHarness::chat(const QString& model, bool stream)
{
    return { { "model", model }, { "stream", stream },
        { "messages", QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } } } };
}

RouterHarness::Response RouterHarness::post(const QString& path, const QJsonObject& body,
    const QByteArray& bearer, const HttpHeaders& headers)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), bearer, headers);
}

RouterHarness::Response RouterHarness::get(const QString& path, const QByteArray& bearer)
{
    return send("GET", path, {}, bearer);
}

RouterHarness::Response RouterHarness::send(const QByteArray& method, const QString& path,
    const QByteArray& body, const QByteArray& bearer, const HttpHeaders& headers)
{
    QNetworkRequest request { QUrl(url(path)) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = m_client.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    response.elapsedMs = clock.elapsed();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto& pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    response.body = reply->readAll();
    reply->deleteLater();
    // Let the router's report of a routed request arrive (queued from a worker thread).
    const QString id = QString::fromLatin1(response.header("x-keyway-request-id"));
    QElapsedTimer wait;
    wait.start();
    const auto reported = [&] {
        return std::any_of(m_finished.cbegin(), m_finished.cend(),
            [&id](const RequestRecord& record) { return record.id == id; });
    };
    while (!id.isEmpty() && !reported() && wait.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return response;
}
