#pragma once

#include "router/access/HostGuard.h"
#include "router/core/Result.h"
#include "router/core/SecretRedactor.h"
#include "router/http/HttpServer.h"
#include "router/inbound/ClientCall.h"
#include "router/inbound/ClientCallReader.h"
#include "router/inbound/ClientErrors.h"
#include "router/providers/google/GoogleAccessTokens.h"
#include "router/records/RecentRequests.h"
#include "router/records/RequestObserver.h"
#include "router/routing/HealthTracker.h"
#include "router/routing/ResponseOwners.h"
#include "router/routing/RoutePlanner.h"
#include "router/routing/RoutingSnapshot.h"

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

// Keyway's router: the HTTP endpoints on 127.0.0.1 (DESIGN.md section 3), fed routing
// snapshots by the app layer, reporting every request and attempt through its signals. The
// signals are emitted on the router's worker threads; connect to them queued.
class Router : public QObject, private RequestObserver
{
    Q_OBJECT

public:
    // Finds an older request record (the app's database) and hands it to `done`, on any thread.
    using ArchiveLookup = std::function<void(
        const QString& id, std::function<void(std::optional<RequestRecord>)> done)>;

    explicit Router(int workerThreads = 0, QObject* parent = nullptr);
    ~Router() override;

    // Listens on `address`; a second call moves the listener, keeping the requests in flight.
    Result<void> listen(const QHostAddress& address, quint16 port);
    void close();
    quint16 port() const { return m_server->port(); }

    void setSnapshot(std::shared_ptr<const RoutingSnapshot> snapshot);
    std::shared_ptr<const RoutingSnapshot> snapshot() const;
    HealthSnapshot health() const { return m_health.snapshot(); }
    // The plan a request would get now: the planner over the current snapshot and health, as
    // each request is planned (the route preview shows this).
    RoutePlan plan(const RouteRequest& request) const;
    // Forget what was learnt about a key: it was re-tested, or its secret edited.
    void forgetHealth(qint64 keyId) { m_health.forget(keyId); }
    void setArchiveLookup(ArchiveLookup lookup);

signals:
    void requestStarted(const RequestRecord& record);
    void attemptFinished(const AttemptRecord& attempt);
    void requestFinished(const RequestRecord& record);

private:
    // The one decision on who may ask, from a request's head alone: its Host, then its local API
    // key on every path but the open ones (HEAD /, GET /, GET /health).
    struct Admission
    {
        std::shared_ptr<const RoutingSnapshot> snapshot;
        SecretRedactor redactor; // the snapshot's
        std::optional<LocalKeyDirectory::Entry> caller; // none on an open path
        std::optional<ClientErrors::Error> refusal;
        ClientProtocol protocol = ClientProtocol::OpenAi; // the refusal's
    };
    Admission admit(const HttpRequest& request) const;
    // The server's head check: the decision made before the body is read.
    std::optional<HttpRefusal> checkHead(const HttpRequest& head) const;
    static bool isOpenPath(const HttpRequest& request);
    static void answerOpenPath(const std::shared_ptr<HttpExchange>& exchange);
    void handle(const std::shared_ptr<HttpExchange>& exchange);
    void serveEndpoint(const std::shared_ptr<HttpExchange>& exchange, const Admission& admission);
    void route(const std::shared_ptr<HttpExchange>& exchange, ClientEndpoint endpoint,
        const Admission& admission);
    std::optional<ClientErrors::Error> bindToPreviousResponse(ClientCall& call) const;
    void startSession(const std::shared_ptr<HttpExchange>& exchange,
        ClientCallReader::Parsed parsed, const Admission& admission);
    void serveGemini(const std::shared_ptr<HttpExchange>& exchange, const Admission& admission);
    void listGeminiModels(
        const std::shared_ptr<HttpExchange>& exchange, const Admission& admission);
    void listModels(const std::shared_ptr<HttpExchange>& exchange,
        const LocalKeyDirectory::Entry& caller,
        const std::shared_ptr<const RoutingSnapshot>& snapshot);
    void findGeneration(const std::shared_ptr<HttpExchange>& exchange, const Admission& admission);
    static void respondJson(
        const std::shared_ptr<HttpExchange>& exchange, int status, const QJsonObject& body);
    static void respondError(const std::shared_ptr<HttpExchange>& exchange,
        const ClientErrors::Error& error, ClientProtocol protocol = ClientProtocol::OpenAi);

    void noteRequestStarted(const RequestRecord& record) override;
    void noteAttemptFinished(const AttemptRecord& attempt) override;
    void noteRequestFinished(const RequestRecord& record) override;

    HealthTracker m_health;
    GoogleAccessTokens m_accessTokens;
    RecentRequests m_recent;
    ResponseOwners m_responseOwners;
    mutable QMutex m_mutex; // guards the members below
    std::shared_ptr<const RoutingSnapshot> m_snapshot;
    SecretRedactor m_redactor; // knows every secret of m_snapshot
    HostGuard m_hostGuard;
    ArchiveLookup m_archive;
    std::unique_ptr<HttpServer> m_server; // last: its threads stop before the rest goes
};
