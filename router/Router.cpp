#include "router/Router.h"

#include "router/inbound/ClientCallReader.h"
#include "router/providers/ProviderAdapters.h"
#include "router/records/RequestRecordJson.h"
#include "router/routing/FailoverSession.h"
#include "router/routing/RoutePlanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Router)
};

// Each API's endpoints answer in its own shape, errors included.
ClientProtocol protocolOf(const QByteArray& path)
{
    if (path.startsWith("/v1/messages"))
        return ClientProtocol::Anthropic;
    if (path == "/v1/responses")
        return ClientProtocol::Responses;
    if (path.startsWith("/v1beta/") || path.startsWith("/v1alpha/")
        || ClientCallReader::geminiMethod(path))
        return ClientProtocol::Gemini;
    return ClientProtocol::OpenAi;
}

// Every secret the snapshot's keys hold; access tokens are added per call, as they come.
SecretRedactor redactorFor(const RoutingSnapshot& snapshot)
{
    QStringList secrets;
    for (const UpstreamTarget& target : snapshot.targets)
        secrets.append(target.secret);
    return SecretRedactor(secrets);
}

int defaultWorkerThreads()
{
    return std::max(2, QThread::idealThreadCount());
}

} // namespace

Router::Router(int workerThreads, QObject* parent)
    : QObject(parent)
    , m_snapshot(std::make_shared<const RoutingSnapshot>())
    , m_server(std::make_unique<HttpServer>(
          HttpLimits {},
          [this](const std::shared_ptr<HttpExchange>& exchange) { handle(exchange); },
          workerThreads > 0 ? workerThreads : defaultWorkerThreads()))
{
    qRegisterMetaType<RequestRecord>();
    qRegisterMetaType<AttemptRecord>();
    m_server->setHeadCheck([this](const HttpRequest& head) { return checkHead(head); });
}

Router::~Router()
{
    m_server.reset(); // no request runs once the threads are gone
}

Result<void> Router::listen(const QHostAddress& address, quint16 port)
{
    m_server->close();
    {
        QMutexLocker lock(&m_mutex);
        m_hostGuard = HostGuard(address);
    }
    return m_server->listen(address, port);
}

void Router::close()
{
    m_server->close();
}

void Router::setSnapshot(std::shared_ptr<const RoutingSnapshot> snapshot)
{
    SecretRedactor redactor = redactorFor(*snapshot);
    QMutexLocker lock(&m_mutex);
    // What was learnt about a key no longer holds once its secret or endpoint changed.
    for (auto it = m_snapshot->targets.cbegin(); it != m_snapshot->targets.cend(); ++it) {
        if (snapshot->targets.value(it.key()) != it.value())
            m_health.forget(it.key());
    }
    // Access tokens of service accounts no key uses any more leave memory.
    m_accessTokens.retainOnly(snapshot->targets.values());
    m_snapshot = std::move(snapshot);
    m_redactor = std::move(redactor);
}

RoutePlan Router::plan(const RouteRequest& request) const
{
    const std::shared_ptr<const RoutingSnapshot> current = snapshot();
    if (!current)
        return {};
    return RoutePlanner::plan(
        request, current->keys, current->catalog, m_health.snapshot(), KeyHealth::Clock::now());
}

std::shared_ptr<const RoutingSnapshot> Router::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

void Router::setArchiveLookup(ArchiveLookup lookup)
{
    QMutexLocker lock(&m_mutex);
    m_archive = std::move(lookup);
}

void Router::respondJson(
    const std::shared_ptr<HttpExchange>& exchange, int status, const QJsonObject& body)
{
    exchange->respond(status, { { "Content-Type", "application/json" } },
        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void Router::respondError(const std::shared_ptr<HttpExchange>& exchange,
    const ClientErrors::Error& error, ClientProtocol protocol)
{
    exchange->respond(error.status, { { "Content-Type", "application/json" } },
        ClientErrors::body(protocol, error));
}

Router::Admission Router::admit(const HttpRequest& request) const
{
    Admission admission;
    admission.protocol = protocolOf(request.path());
    {
        QMutexLocker lock(&m_mutex);
        if (!m_hostGuard.allows(request.header("Host"))) {
            admission.refusal = ClientErrors::Error { 403,
                Text::tr("The Host header must name this machine's loopback address"),
                QStringLiteral("invalid_request_error"), QStringLiteral("host_not_allowed"), {} };
            return admission;
        }
        // A web page may call 127.0.0.1 itself; its browser names the page in Origin. No answer
        // carries CORS headers either, so even an answer to an open path stays unreadable to it.
        if (!m_hostGuard.allowsOrigin(request.header("Origin"))) {
            admission.refusal = ClientErrors::Error { 403,
                Text::tr("Requests from web pages are not accepted (Origin: %1)")
                    .arg(QString::fromLatin1(request.header("Origin").left(200))),
                QStringLiteral("invalid_request_error"), QStringLiteral("origin_not_allowed"), {} };
            return admission;
        }
        admission.snapshot = m_snapshot;
        admission.redactor = m_redactor;
    }
    if (isOpenPath(request))
        return admission;
    // Every other path needs a key, a path Keyway does not serve included: a caller without one
    // learns nothing about the router, not even which paths exist.
    const QByteArray token = LocalKeyDirectory::presentedToken(request);
    admission.caller = admission.snapshot->localKeys.find(token);
    if (!admission.caller) {
        admission.refusal = ClientErrors::unauthorized(token.isEmpty()
                ? Text::tr("A local API key is required (Authorization: Bearer kw-…, x-api-key or "
                           "x-goog-api-key)")
                : Text::tr("This local API key is not known, or it was revoked"));
    }
    return admission;
}

std::optional<HttpRefusal> Router::checkHead(const HttpRequest& head) const
{
    const Admission admission = admit(head);
    if (!admission.refusal)
        return std::nullopt;
    return HttpRefusal { admission.refusal->status, { { "Content-Type", "application/json" } },
        ClientErrors::body(admission.protocol, *admission.refusal) };
}

bool Router::isOpenPath(const HttpRequest& request)
{
    const QByteArray path = request.path();
    return (path == "/" && (request.method == "GET" || request.method == "HEAD"))
        || (path == "/health" && request.method == "GET");
}

void Router::answerOpenPath(const std::shared_ptr<HttpExchange>& exchange)
{
    if (exchange->request().path() == "/health") {
        respondJson(exchange, 200,
            { { QStringLiteral("status"), QStringLiteral("ok") },
                { QStringLiteral("version"), QCoreApplication::applicationVersion() } });
        return;
    }
    respondJson(exchange, 200,
        { { QStringLiteral("name"), QStringLiteral("Keyway") },
            { QStringLiteral("status"), QStringLiteral("ok") } });
}

void Router::handle(const std::shared_ptr<HttpExchange>& exchange)
{
    const HttpRequest& request = exchange->request();
    // Decided again against the snapshot this request is handled with: a key revoked while the
    // body was on its way no longer counts.
    const Admission admission = admit(request);
    if (admission.refusal) {
        respondError(exchange, *admission.refusal, admission.protocol);
        return;
    }
    if (isOpenPath(request)) {
        answerOpenPath(exchange);
        return;
    }
    serveEndpoint(exchange, admission);
}

void Router::serveEndpoint(
    const std::shared_ptr<HttpExchange>& exchange, const Admission& admission)
{
    const QByteArray path = exchange->request().path();
    const QByteArray& method = exchange->request().method;
    if (protocolOf(path) == ClientProtocol::Gemini) {
        serveGemini(exchange, admission);
        return;
    }
    struct Endpoint
    {
        QByteArrayView method;
        QByteArrayView path;
    };
    static constexpr Endpoint known[] { { "POST", "/v1/chat/completions" },
        { "POST", "/v1/embeddings" }, { "POST", "/v1/messages" },
        { "POST", "/v1/messages/count_tokens" }, { "POST", "/v1/responses" },
        { "GET", "/v1/models" }, { "GET", "/api/v1/generation" } };
    const auto match = std::find_if(std::begin(known), std::end(known),
        [&path](const Endpoint& endpoint) { return endpoint.path == path; });
    const ClientProtocol protocol = protocolOf(path);
    if (match == std::end(known)) {
        respondError(exchange,
            { 404, Text::tr("There is no endpoint %1").arg(QString::fromLatin1(path)),
                QStringLiteral("invalid_request_error"), QStringLiteral("not_found"), {} },
            protocol);
        return;
    }
    if (match->method != method) {
        respondError(exchange,
            { 405,
                Text::tr("%1 expects %2")
                    .arg(QString::fromLatin1(path), QString::fromLatin1(match->method)),
                QStringLiteral("invalid_request_error"), QStringLiteral("method_not_allowed"), {} },
            protocol);
        return;
    }
    if (path == "/v1/models")
        listModels(exchange, *admission.caller, admission.snapshot);
    else if (path == "/api/v1/generation")
        findGeneration(exchange, admission);
    else if (path == "/v1/messages")
        route(exchange, ClientEndpoint::Messages, admission);
    else if (path == "/v1/messages/count_tokens")
        route(exchange, ClientEndpoint::CountTokens, admission);
    else if (path == "/v1/responses")
        route(exchange, ClientEndpoint::Responses, admission);
    else
        route(exchange,
            path == "/v1/embeddings" ? ClientEndpoint::Embeddings : ClientEndpoint::ChatCompletions,
            admission);
}

void Router::route(const std::shared_ptr<HttpExchange>& exchange, ClientEndpoint endpoint,
    const Admission& admission)
{
    const HttpRequest& request = exchange->request();
    Result<ClientCallReader::Parsed> parsed = endpoint == ClientEndpoint::Responses
        ? ClientCallReader::responses(request.body)
        : endpoint == ClientEndpoint::Messages || endpoint == ClientEndpoint::CountTokens
        ? ClientCallReader::anthropic(request, endpoint)
        : ClientCallReader::openAi(request.body, endpoint);
    if (!parsed) {
        respondError(
            exchange, ClientErrors::fromFailure(parsed.failure()), protocolOf(request.path()));
        return;
    }
    if (const std::optional<ClientErrors::Error> unknown = bindToPreviousResponse(parsed->call)) {
        respondError(exchange, *unknown, ClientProtocol::Responses);
        return;
    }
    startSession(exchange, std::move(*parsed), admission);
}

// A Responses call that continues a stored response can only go to the key that made it.
std::optional<ClientErrors::Error> Router::bindToPreviousResponse(ClientCall& call) const
{
    const QJsonValue previous = call.body.value(QStringLiteral("previous_response_id"));
    if (call.protocol != ClientProtocol::Responses || !previous.isString())
        return std::nullopt;
    call.boundKeyId = m_responseOwners.ownerOf(previous.toString());
    if (call.boundKeyId)
        return std::nullopt;
    ClientErrors::Error error = ClientErrors::badRequest(
        Text::tr("Previous response with id '%1' not found. Keyway knows the responses "
                 "that OpenAI or Azure keep for it since it started; send the whole "
                 "conversation in input (store: false) to go through any key.")
            .arg(previous.toString()));
    error.code = QStringLiteral("previous_response_not_found");
    return error;
}

void Router::startSession(const std::shared_ptr<HttpExchange>& exchange,
    ClientCallReader::Parsed parsed, const Admission& admission)
{
    auto* session = new FailoverSession(exchange, std::move(parsed.call), std::move(parsed.models),
        *admission.caller,
        { admission.snapshot, &m_health, this, &m_accessTokens, &ProviderAdapters::forKey,
            &m_responseOwners, admission.redactor });
    session->start();
}

// The Gemini API: a model's methods, and the models this local key can reach.
void Router::serveGemini(const std::shared_ptr<HttpExchange>& exchange, const Admission& admission)
{
    const HttpRequest& request = exchange->request();
    const QByteArray path = request.path();
    const std::optional<ClientCallReader::GeminiMethod> method
        = ClientCallReader::geminiMethod(path);
    const bool listing = !method && request.method == "GET"
        && (path == "/v1beta/models" || path == "/v1alpha/models"
            || path.startsWith("/v1beta/models/") || path.startsWith("/v1alpha/models/"));
    if (listing) {
        listGeminiModels(exchange, admission);
        return;
    }
    if (!method) {
        respondError(exchange,
            { 404, Text::tr("There is no endpoint %1").arg(QString::fromLatin1(path)), {}, {}, {} },
            ClientProtocol::Gemini);
        return;
    }
    if (request.method != "POST") {
        respondError(exchange,
            { 405, Text::tr("%1 expects POST").arg(QString::fromLatin1(path)), {}, {}, {} },
            ClientProtocol::Gemini);
        return;
    }
    Result<ClientCallReader::Parsed> parsed = ClientCallReader::gemini(request, *method);
    if (!parsed) {
        ClientErrors::Error error = ClientErrors::fromFailure(parsed.failure());
        if (parsed.failure().kind == FailureKind::NotFound)
            error.status = 404;
        respondError(exchange, error, ClientProtocol::Gemini);
        return;
    }
    startSession(exchange, std::move(*parsed), admission);
}

// Gemini's ListModels (or one model, GET /v1beta/models/{model}) over what this local key can
// reach: the names are the ids the router routes, so a client may call any of them back.
void Router::listGeminiModels(
    const std::shared_ptr<HttpExchange>& exchange, const Admission& admission)
{
    const LocalKeyDirectory::Entry& caller = *admission.caller;
    const RouteRequest request { {}, caller.memberId, caller.localKeyId, caller.workspaceId };
    const QByteArray path = exchange->request().path();
    const qsizetype namePrefix = path.indexOf("/models/");
    QString wanted
        = namePrefix < 0 ? QString() : QUrl::fromPercentEncoding(path.mid(namePrefix + 8));
    if (wanted.startsWith(u"models/"))
        wanted.remove(0, 7);
    QJsonArray models;
    for (const ReachableModel& model : RoutePlanner::reachableModels(
             request, admission.snapshot->keys, admission.snapshot->catalog)) {
        if (!wanted.isEmpty() && model.id != wanted)
            continue;
        const QJsonObject entry { { QStringLiteral("name"), QString(u"models/" + model.id) },
            { QStringLiteral("displayName"), model.id },
            { QStringLiteral("supportedGenerationMethods"),
                QJsonArray { QStringLiteral("generateContent"), QStringLiteral("countTokens") } } };
        if (!wanted.isEmpty()) {
            respondJson(exchange, 200, entry);
            return;
        }
        models.append(entry);
    }
    if (!wanted.isEmpty()) {
        respondError(exchange,
            { 404, Text::tr("models/%1 is not found for this local key").arg(wanted), {}, {}, {} },
            ClientProtocol::Gemini);
        return;
    }
    respondJson(exchange, 200, { { QStringLiteral("models"), models } });
}

void Router::listModels(const std::shared_ptr<HttpExchange>& exchange,
    const LocalKeyDirectory::Entry& caller, const std::shared_ptr<const RoutingSnapshot>& snapshot)
{
    const RouteRequest request { {}, caller.memberId, caller.localKeyId, caller.workspaceId };
    QJsonArray data;
    for (const ReachableModel& model :
        RoutePlanner::reachableModels(request, snapshot->keys, snapshot->catalog)) {
        data.append(QJsonObject { { QStringLiteral("id"), model.id },
            { QStringLiteral("object"), QStringLiteral("model") }, { QStringLiteral("created"), 0 },
            { QStringLiteral("owned_by"), model.providerId } });
    }
    respondJson(exchange, 200,
        { { QStringLiteral("object"), QStringLiteral("list") }, { QStringLiteral("data"), data } });
}

void Router::findGeneration(
    const std::shared_ptr<HttpExchange>& exchange, const Admission& admission)
{
    const LocalKeyDirectory::Entry caller = *admission.caller;
    const QUrlQuery query(QString::fromLatin1(
        exchange->request().target.mid(exchange->request().target.indexOf('?') + 1)));
    const QString id = query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded);
    if (id.isEmpty()) {
        respondError(exchange, ClientErrors::badRequest(Text::tr("Name the request: ?id=gen-…")));
        return;
    }
    // A record is shown to the workspace it was made in, and no other.
    const auto answer = [exchange, caller, id, redactor = admission.redactor](
                            const std::optional<RequestRecord>& record) {
        if (!record || record->workspaceId != caller.workspaceId) {
            respondError(exchange,
                { 404, Text::tr("No request %1 is known").arg(id),
                    QStringLiteral("invalid_request_error"), QStringLiteral("not_found"), {} });
            return;
        }
        // Records are redacted as they are made; one archived before a secret was known to be
        // one (an older version's) is redacted here as well.
        const QJsonObject body { { QStringLiteral("data"), RequestRecordJson::toJson(*record) } };
        exchange->respond(200, { { "Content-Type", "application/json" } },
            redactor.redact(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    };
    if (const std::optional<RequestRecord> recent = m_recent.find(id)) {
        answer(recent);
        return;
    }
    ArchiveLookup archive;
    {
        QMutexLocker lock(&m_mutex);
        archive = m_archive;
    }
    if (!archive) {
        answer(std::nullopt);
        return;
    }
    // The lookup answers on its own thread; the exchange is answered on its own.
    archive(id, [exchange, answer](std::optional<RequestRecord> record) {
        QMetaObject::invokeMethod(exchange.get(), [answer, record] { answer(record); });
    });
}

void Router::noteRequestStarted(const RequestRecord& record)
{
    emit requestStarted(record);
}

void Router::noteAttemptFinished(const AttemptRecord& attempt)
{
    emit attemptFinished(attempt);
}

void Router::noteRequestFinished(const RequestRecord& record)
{
    m_recent.add(record);
    emit requestFinished(record);
}
