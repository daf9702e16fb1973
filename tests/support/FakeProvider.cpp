#include "tests/support/FakeProvider.h"

#include "router/providers/bedrock/SigV4Signer.h"
#include "tests/support/AnthropicWire.h"
#include "tests/support/ConverseWire.h"
#include "tests/support/EventStreamEncoder.h"
#include "tests/support/GeminiWire.h"
#include "tests/support/OpenAiChatWire.h"
#include "tests/support/ResponsesWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace {

using Behaviour = FakeProvider::Behaviour;

const FakeProvider::Headers eventStream { { "Content-Type", "text/event-stream" } };
const FakeProvider::Headers jsonType { { "Content-Type", "application/json" } };

enum class Wire { OpenAi, Anthropic, Gemini, Converse, Responses };

QByteArray echoMessage(const QByteArray& echo)
{
    return "Incorrect API key provided: " + echo + ". You can find your key in your account.";
}

// EchoSecret's answer: a plain-text page for a 401, as some gateways send, otherwise the wire
// format's JSON error. The JSON writer escapes what it quotes (a private key's newlines as \n).
FakeProvider::Script echoedError(Wire wire, int status, const QByteArray& echo)
{
    const QByteArray message = echoMessage(echo);
    if (status == 401)
        return { Behaviour::Status, status, { { "Content-Type", "text/plain" } }, message };
    const auto json = [](const QJsonObject& body) {
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    };
    QByteArray body;
    switch (wire) {
    case Wire::OpenAi:
    case Wire::Responses:
        body = ResponsesWire::error(
            "invalid_request_error", "invalid_api_key", QString::fromUtf8(message));
        break;
    case Wire::Anthropic:
        body = json({ { "type", "error" },
            { "error",
                QJsonObject { { "type", status >= 500 ? "api_error" : "invalid_request_error" },
                    { "message", QString::fromUtf8(message) } } } });
        break;
    case Wire::Gemini:
        body = GeminiWire::error(
            status, message.constData(), status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT");
        break;
    case Wire::Converse:
        body = json({ { "message", QString::fromUtf8(message) } });
        break;
    }
    return { Behaviour::Status, status, {}, body };
}

// EchoSecretMidStream's last event, which in the Responses API is numbered `sequenceNumber`.
QByteArray echoedErrorEvent(
    Wire wire, const QByteArray& echo, const QString& model = {}, int sequenceNumber = 0)
{
    const QByteArray message = echoMessage(echo);
    switch (wire) {
    case Wire::OpenAi:
        return OpenAiChatWire::errorEvent(500, message.constData());
    case Wire::Anthropic:
        return AnthropicWire::errorEvent("api_error", message.constData());
    case Wire::Gemini:
        return GeminiWire::errorChunk(500, message.constData(), "INTERNAL");
    case Wire::Converse:
        return EventStreamEncoder::exception("internalServerException",
            QJsonDocument(QJsonObject { { "message", QString::fromUtf8(message) } })
                .toJson(QJsonDocument::Compact));
    case Wire::Responses:
        return ResponsesWire::failed(
            model, sequenceNumber, "server_error", QString::fromUtf8(message));
    }
    return {};
}

// What the behaviours send in one wire format (all but Converse's, which has its own): the
// answer whole and streamed, and what a stream that goes wrong sends.
struct WireAnswer
{
    QByteArray whole;
    QList<QByteArray> events;
    qsizetype toFirstText = 1; // the events up to and including the first text
    qsizetype complete = 0; // the events of the whole answer without its end marker, if any
    QByteArray malformed {}; // an event that is not JSON
    QByteArray midStreamError {}; // after the first text
    QByteArray firstError {}; // before any other event
};

WireAnswer openAiAnswer(const QString& model, const FakeProvider::Script& script)
{
    const bool toolCall = script.behaviour == Behaviour::ToolCall;
    WireAnswer answer { toolCall ? OpenAiChatWire::toolCallCompletion(model, script.call)
                                 : OpenAiChatWire::completion(model),
        toolCall ? OpenAiChatWire::toolCallEvents(model, script.call)
                 : OpenAiChatWire::events(model) };
    answer.complete = answer.events.size() - 1; // without [DONE]
    answer.malformed = "data: {\"choices\": [\n\n";
    answer.midStreamError = OpenAiChatWire::errorEvent(500, "The model crashed mid-answer");
    answer.firstError
        = OpenAiChatWire::errorEvent(script.status, "Overloaded before the first token");
    return answer;
}

WireAnswer anthropicAnswer(const QString& model, const FakeProvider::Script& script)
{
    const bool toolCall = script.behaviour == Behaviour::ToolCall;
    WireAnswer answer {
        toolCall ? AnthropicWire::toolUse(model, script.call) : AnthropicWire::message(model),
        toolCall ? AnthropicWire::toolUseEvents(model, script.call) : AnthropicWire::events(model)
    };
    answer.toFirstText = 4; // message_start, ping, content_block_start, content_block_delta
    answer.complete = answer.events.size() - 1; // without message_stop
    answer.malformed = "event: content_block_delta\ndata: {\"type\": [\n\n";
    answer.midStreamError = AnthropicWire::errorEvent("overloaded_error", "Overloaded");
    answer.firstError
        = OpenAiChatWire::errorEvent(script.status, "Overloaded before the first token");
    return answer;
}

WireAnswer geminiAnswer(const QString& model, const FakeProvider::Script& script)
{
    const bool toolCall = script.behaviour == Behaviour::ToolCall;
    WireAnswer answer { toolCall ? GeminiWire::toolCallAnswer(model, script.call)
                                 : GeminiWire::answer(model),
        toolCall ? GeminiWire::toolCallEvents(model, script.call) : GeminiWire::events(model) };
    answer.complete = answer.events.size(); // Google's streams have no end marker
    answer.malformed = "data: {\"candidates\": [\r\n\r\n";
    answer.midStreamError = GeminiWire::errorChunk(503, "The model is overloaded.", "UNAVAILABLE");
    answer.firstError
        = OpenAiChatWire::errorEvent(script.status, "Overloaded before the first token");
    return answer;
}

WireAnswer responsesAnswer(const QString& model, const FakeProvider::Script& script, bool store)
{
    const bool toolCall = script.behaviour == Behaviour::ToolCall;
    WireAnswer answer { toolCall ? ResponsesWire::toolCallAnswer(model, script.call, store)
                                 : ResponsesWire::answer(model, store),
        toolCall ? ResponsesWire::toolCallEvents(model, script.call, store)
                 : ResponsesWire::events(model, store) };
    answer.toFirstText = ResponsesWire::eventsToFirstDelta;
    answer.complete = answer.events.size(); // the stream ends at response.completed
    answer.malformed = "event: response.output_text.delta\ndata: {\"type\": [\n\n";
    answer.midStreamError = ResponsesWire::failed(
        model, ResponsesWire::eventsToFirstDelta, "server_error", "The model crashed mid-answer");
    const bool limited = script.status == 429;
    answer.firstError = ResponsesWire::errorEvent(0, limited ? "requests" : "server_error",
        limited ? "rate_limit_exceeded" : "server_error", "Overloaded before the first token");
    return answer;
}

// `store`: the Responses request's, which its answer repeats.
WireAnswer wireAnswer(Wire wire, const QString& model, const FakeProvider::Script& script,
    const QByteArray& echo, bool store)
{
    WireAnswer answer;
    switch (wire) {
    case Wire::OpenAi:
    case Wire::Converse: // answered apart
        answer = openAiAnswer(model, script);
        break;
    case Wire::Anthropic:
        answer = anthropicAnswer(model, script);
        break;
    case Wire::Gemini:
        answer = geminiAnswer(model, script);
        break;
    case Wire::Responses:
        answer = responsesAnswer(model, script, store);
        break;
    }
    if (script.behaviour == Behaviour::EchoSecretMidStream)
        answer.midStreamError = echoedErrorEvent(wire, echo, model, int(answer.toFirstText));
    return answer;
}

void sendAll(const std::shared_ptr<HttpExchange>& exchange, const QList<QByteArray>& parts)
{
    for (const QByteArray& part : parts)
        exchange->write(part);
    exchange->endStream();
}

// Embeddings of [0.5, 0.25, 0.125], one per input: OpenAI's /embeddings and Gemini's
// :embedContent and :batchEmbedContents. Nothing for any other path.
std::optional<QByteArray> embeddingsAnswer(const QByteArray& path, const QByteArray& requestBody)
{
    const QJsonObject request = QJsonDocument::fromJson(requestBody).object();
    const QJsonArray values { 0.5, 0.25, 0.125 };
    QJsonObject answer;
    if (path.endsWith("/embeddings")) {
        const QJsonValue input = request.value("input");
        QJsonArray data;
        for (qsizetype i = 0; i < (input.isArray() ? input.toArray().size() : 1); ++i)
            data.append(
                QJsonObject { { "object", "embedding" }, { "index", i }, { "embedding", values } });
        answer = { { "object", "list" }, { "data", data }, { "model", request.value("model") },
            { "usage", QJsonObject { { "prompt_tokens", 3 }, { "total_tokens", 3 } } } };
    } else if (path.endsWith(":embedContent")) {
        answer = { { "embedding", QJsonObject { { "values", values } } } };
    } else if (path.endsWith(":batchEmbedContents")) {
        QJsonArray embeddings;
        for (qsizetype i = 0; i < request.value("requests").toArray().size(); ++i)
            embeddings.append(QJsonObject { { "values", values } });
        answer = { { "embeddings", embeddings } };
    } else {
        return std::nullopt;
    }
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

// The normal answer to what was asked: counted tokens, the models, embeddings, the answer whole
// or streamed.
void answerNormally(const std::shared_ptr<HttpExchange>& exchange, const WireAnswer& answer,
    bool stream, const QByteArray& path)
{
    if (path.endsWith(":countTokens")) { // Gemini's
        exchange->respond(200, jsonType, R"({"totalTokens": 14})");
        return;
    }
    if (const auto embeddings = embeddingsAnswer(path, exchange->request().body)) {
        exchange->respond(200, jsonType, *embeddings);
        return;
    }
    if (path.endsWith("/v1/messages/count_tokens") || path.contains("/models/count-tokens:")) {
        exchange->respond(200, jsonType, R"({"input_tokens": 14})");
        return;
    }
    if (path.endsWith("/models")) {
        exchange->respond(200, jsonType,
            R"({"object": "list", "data": [{"id": "gpt-4.1", "object": "model", )"
            R"("created": 1744316542, "owned_by": "system"}]})");
        return;
    }
    if (!stream) {
        exchange->respond(200, jsonType, answer.whole);
        return;
    }
    exchange->beginStream(200, eventStream);
    sendAll(exchange, answer.events);
}

QByteArray presentedKey(const HttpRequest& request)
{
    const QByteArray bearer = request.header("Authorization");
    if (bearer.startsWith("Bearer "))
        return bearer.mid(7);
    // AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/bedrock/aws4_request, ...
    if (bearer.startsWith("AWS4-HMAC-SHA256 Credential=")) {
        const QByteArray credential = bearer.mid(int(qstrlen("AWS4-HMAC-SHA256 Credential=")));
        return credential.left(credential.indexOf('/'));
    }
    for (const char* header : { "api-key", "x-api-key", "x-goog-api-key" }) {
        if (const QByteArray key = request.header(header); !key.isEmpty())
            return key;
    }
    return {};
}

// A turn whose role Converse (user, assistant) or Gemini (user, model) would refuse.
QString roleProblem(const QJsonObject& body, bool converse, bool gemini)
{
    if (!converse && !gemini)
        return {};
    const QStringList roles
        = converse ? QStringList { "user", "assistant" } : QStringList { "user", "model" };
    for (const QJsonValue& turn : body.value(converse ? "messages" : "contents").toArray()) {
        const QString role = turn.toObject().value("role").toString();
        if (!roles.contains(role))
            return QStringLiteral("Invalid value at 'role': \"%1\"").arg(role);
    }
    return {};
}

// Claude's models since Opus 4.1, which the tests ask for, refuse temperature and top_p
// together, on Anthropic's API as on Bedrock (Converse's inferenceConfig) and Vertex AI.
QString samplingProblem(const QJsonObject& body, bool converse)
{
    const QJsonObject sampling = converse ? body.value("inferenceConfig").toObject() : body;
    if (sampling.contains("temperature") && sampling.contains(converse ? "topP" : "top_p"))
        return QStringLiteral("`temperature` and `top_p` cannot both be specified for this "
                              "model. Please use only one.");
    return {};
}

using Keep = std::function<void(const std::shared_ptr<HttpExchange>&)>;

// The behaviours of a stream that begins: late, cut, stalled, broken or not quite the answer.
void streamAsScripted(const std::shared_ptr<HttpExchange>& exchange,
    const FakeProvider::Script& script, const WireAnswer& answer, const Keep& keep)
{
    const auto sendAfter = [exchange](std::chrono::milliseconds delay, QList<QByteArray> rest) {
        QTimer::singleShot(delay, exchange.get(), [exchange, rest] { sendAll(exchange, rest); });
    };
    exchange->beginStream(200, eventStream);
    switch (script.behaviour) {
    case Behaviour::SlowFirstToken:
        sendAfter(script.delay, answer.events);
        return;
    case Behaviour::CutMidStream:
        exchange->write(answer.events.first());
        QTimer::singleShot(20, exchange.get(), [exchange] { exchange->abortConnection(); });
        return;
    case Behaviour::StallMidStream:
        exchange->write(answer.events.first());
        keep(exchange);
        return;
    case Behaviour::FailAfterHeaders:
        QTimer::singleShot(20, exchange.get(), [exchange] { exchange->abortConnection(); });
        return;
    case Behaviour::MalformedEvent:
        sendAll(
            exchange, answer.events.first(1) + QList { answer.malformed } + answer.events.mid(1));
        return;
    case Behaviour::StreamWithoutDone:
        sendAll(exchange, answer.events.first(answer.complete));
        return;
    case Behaviour::ErrorEventMidStream:
    case Behaviour::EchoSecretMidStream:
        // The answer has begun (its first text), and breaks a moment later.
        for (const QByteArray& event : answer.events.first(answer.toFirstText))
            exchange->write(event);
        sendAfter(std::chrono::milliseconds(50), { answer.midStreamError });
        return;
    case Behaviour::AzureFilterResultsFirst:
        sendAll(exchange, QList { OpenAiChatWire::azureFilterResults() } + answer.events);
        return;
    case Behaviour::ErrorEventFirst:
        sendAll(exchange, { answer.firstError });
        return;
    default: // not a stream's behaviour
        exchange->abortConnection();
        return;
    }
}

// Answers as the script says, with `answer` in the endpoint's wire format; `keep` holds an
// exchange open for the behaviours that never finish.
void behave(const std::shared_ptr<HttpExchange>& exchange, const FakeProvider::Script& script,
    const WireAnswer& answer, bool stream, const QByteArray& path, const Keep& keep)
{
    switch (script.behaviour) {
    case Behaviour::Answer:
    case Behaviour::ToolCall: // its answer is the call
        answerNormally(exchange, answer, stream, path);
        return;
    case Behaviour::SlowHeaders:
        QTimer::singleShot(
            script.delay, exchange.get(), [=] { answerNormally(exchange, answer, stream, path); });
        return;
    case Behaviour::Status: {
        // JSON unless the script says otherwise (raw bytes for an event stream, say).
        FakeProvider::Headers headers = script.headers;
        if (headerValue(headers, "content-type").isEmpty())
            headers += jsonType;
        exchange->respond(script.status, headers, script.body);
        return;
    }
    case Behaviour::EchoSecret:
        return; // answered as a Status script
    case Behaviour::ResetBeforeHeaders:
        exchange->abortConnection();
        return;
    case Behaviour::NoAnswer:
        keep(exchange);
        return;
    default:
        streamAsScripted(exchange, script, answer, keep);
        return;
    }
}

} // namespace

QString FakeProvider::signatureProblem(const HttpRequest& request) const
{
    const QByteArray authorization = request.header("Authorization");
    const QByteArray keyId = presentedKey(request);
    QString secret;
    {
        QMutexLocker lock(&m_mutex);
        secret = m_awsSecrets.value(keyId);
    }
    if (!authorization.startsWith("AWS4-HMAC-SHA256") || secret.isEmpty())
        return {};
    // Signed again as the client should have: the headers it says it signed, at its time.
    const qsizetype listed = authorization.indexOf("SignedHeaders=") + 14;
    const QList<QByteArray> signedNames
        = authorization.mid(listed, authorization.indexOf(',', listed) - listed).split(';');
    HttpHeaders headers;
    for (const auto& [name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (signedNames.contains(lower) && lower != "host" && !lower.startsWith("x-amz-"))
            headers.append({ name, value });
    }
    const QDateTime time = QDateTime::fromString(
        QString::fromLatin1(request.header("X-Amz-Date")), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString region = QString::fromLatin1(authorization.split('/').value(2));
    const SigV4Signer signer({ QString::fromLatin1(keyId), secret,
                                 QString::fromLatin1(request.header("X-Amz-Security-Token")) },
        region, QStringLiteral("bedrock"));
    const HttpHeaders expected = signer.sign(request.method,
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())
            + QString::fromLatin1(request.target)),
        headers, request.body, QDateTime(time.date(), time.time(), Qt::UTC));
    return headerValue(expected, "Authorization") == authorization
        ? QString()
        : QStringLiteral("The request signature we calculated does not match the signature you "
                         "provided.");
}

void FakeProvider::answerConverse(const std::shared_ptr<HttpExchange>& exchange,
    const Script& givenScript, bool stream, const QByteArray& echo)
{
    const Script script = givenScript.behaviour == Behaviour::EchoSecret
        ? echoedError(Wire::Converse, givenScript.status, echo)
        : givenScript;
    const Headers json { { "Content-Type", "application/json" } };
    if (const QString problem = signatureProblem(exchange->request()); !problem.isEmpty()) {
        exchange->respond(403,
            json
                + Headers { { "x-amzn-ErrorType",
                    "InvalidSignatureException:http://internal.amazon.com/coral/"
                    "com.amazon.coral.service/" } },
            QJsonDocument(QJsonObject { { "message", problem } }).toJson(QJsonDocument::Compact));
        return;
    }
    if (script.behaviour == Behaviour::Status) {
        exchange->respond(script.status, script.headers + json, script.body);
        return;
    }
    const bool toolCall = script.behaviour == Behaviour::ToolCall;
    if (!stream) {
        exchange->respond(200, json,
            toolCall ? ConverseWire::toolCallAnswer(script.call) : ConverseWire::answer());
        return;
    }
    exchange->beginStream(200, { { "Content-Type", "application/vnd.amazon.eventstream" } });
    QList<QByteArray> events
        = toolCall ? ConverseWire::toolCallEvents(script.call) : ConverseWire::events();
    if (script.behaviour == Behaviour::ErrorEventMidStream) {
        // Throttled after the first text: an exception frame inside the 200 stream.
        events = events.first(2);
        events.append(EventStreamEncoder::exception("throttlingException",
            R"({"message": "Too many tokens, please wait before trying again."})"));
    } else if (script.behaviour == Behaviour::EchoSecretMidStream) {
        events = events.first(2);
        events.append(echoedErrorEvent(Wire::Converse, echo));
    } else if (script.behaviour == Behaviour::MalformedEvent) {
        QByteArray corrupt = events.at(2);
        corrupt[corrupt.size() - 6] ^= 0x20; // a payload byte: the message CRC no longer matches
        events[2] = corrupt;
    }
    // The first text at once, the rest a moment later: a failure then comes mid-answer.
    for (const QByteArray& event : events.first(2))
        exchange->write(event);
    QTimer::singleShot(50, exchange.get(), [exchange, rest = events.mid(2)] {
        for (const QByteArray& event : rest)
            exchange->write(event);
        exchange->endStream();
    });
}

void FakeProvider::setAwsSecret(const QByteArray& accessKeyId, const QString& secretAccessKey)
{
    QMutexLocker lock(&m_mutex);
    m_awsSecrets.insert(accessKeyId, secretAccessKey);
}

FakeProvider::FakeProvider()
    : m_server(std::make_unique<HttpServer>(
        HttpLimits {}, [this](const std::shared_ptr<HttpExchange>& exchange) { handle(exchange); },
        1))
{
    if (const Result<void> listening = m_server->listen(QHostAddress::LocalHost, 0); !listening)
        qFatal("The fake provider cannot listen: %s", qPrintable(listening.failure().message));
}

FakeProvider::~FakeProvider()
{
    m_server.reset(); // stops the worker before the scripts go
}

void FakeProvider::script(const QByteArray& key, const QString& model, Script script, int times)
{
    QMutexLocker lock(&m_mutex);
    QList<Scripted>& stack = m_scripts[{ key, model }];
    if (times < 0)
        stack.clear();
    stack.append({ std::move(script), times });
}

void FakeProvider::clearAttempts()
{
    QMutexLocker lock(&m_mutex);
    m_attempts.clear();
}

QList<FakeProvider::Attempt> FakeProvider::attempts() const
{
    QMutexLocker lock(&m_mutex);
    return m_attempts;
}

FakeProvider::Script FakeProvider::takeScript(const QByteArray& key, const QString& model)
{
    for (const QString& scope : { model, QString() }) {
        QList<Scripted>& stack = m_scripts[{ key, scope }];
        if (stack.isEmpty())
            continue;
        Scripted& top = stack.last();
        const Script script = top.script;
        if (top.timesLeft > 0 && --top.timesLeft == 0)
            stack.removeLast();
        return script;
    }
    return {};
}

bool FakeProvider::resolveGoogleToken(
    const std::shared_ptr<HttpExchange>& exchange, QByteArray* key)
{
    if (!key->startsWith("ya29."))
        return true; // an express-mode API key, or the Gemini API's
    const QString account = m_googleAuth.accountOf(*key);
    if (account.isEmpty()) {
        exchange->respond(401, { { "Content-Type", "application/json" } },
            GeminiWire::error(401,
                "Request had invalid authentication credentials. Expected OAuth 2 access token.",
                "UNAUTHENTICATED"));
        return false;
    }
    *key = account.toUtf8();
    return true;
}

QString FakeProvider::rawPredictProblem(const HttpRequest& request, const QJsonObject& body)
{
    if (body.value("anthropic_version").toString() != "vertex-2023-10-16")
        return QStringLiteral("anthropic_version: vertex-2023-10-16 is required");
    if (body.contains("model") && !request.path().contains("/models/count-tokens:"))
        return QStringLiteral("model: Extra inputs are not permitted");
    // Vertex refuses betas it does not know.
    static const QList<QByteArray> known { "interleaved-thinking-2025-05-14",
        "context-1m-2025-08-07", "context-management-2025-06-27", "tool-search-tool-2025-10-19",
        "web-search-2025-03-05", "computer-use-2025-01-24", "computer-use-2025-11-24",
        "compact-2026-01-12", "compact-2026-09-04", "dangerous-tool-use-2026-09-03",
        "per-turn-control-2026-07-01", "thinking-binding-controls-2026-08-01",
        "thinking-display-updates-2026-08-18" };
    for (const QByteArray& beta : request.header("anthropic-beta").split(',')) {
        if (!beta.trimmed().isEmpty() && !known.contains(beta.trimmed()))
            return QStringLiteral("Unexpected value(s) `%1` for the `anthropic-beta` header.")
                .arg(QString::fromLatin1(beta.trimmed()));
    }
    return {};
}

void FakeProvider::handle(const std::shared_ptr<HttpExchange>& exchange)
{
    const HttpRequest& request = exchange->request();
    const QByteArray path = request.path();
    if (path == "/token") {
        m_googleAuth.answer(exchange, tokenUrl());
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const bool converse = ConverseWire::isConverse(path);
    const bool gemini = GeminiWire::isGenerateContent(path);
    const bool rawPredict = GeminiWire::isRawPredict(path);
    QByteArray key = presentedKey(request);
    const QByteArray presented = key; // a Vertex token, before it names its account
    // Vertex's list of a project's endpoints: what a service account's key test asks.
    const bool endpointList = path.startsWith("/v1/projects/") && path.endsWith("/endpoints");
    if ((gemini || rawPredict || endpointList) && !resolveGoogleToken(exchange, &key))
        return;
    QString model = body.value("model").toString();
    bool stream = body.value("stream").toBool();
    if (converse) {
        model = ConverseWire::modelOf(path);
        stream = path.endsWith("-stream");
    } else if (gemini || (rawPredict && !path.contains("/models/count-tokens:"))) {
        model = GeminiWire::modelOf(path);
        stream = path.contains(":stream");
    }
    Script script;
    {
        QMutexLocker lock(&m_mutex);
        m_attempts.append(
            { key, model, path, stream, Clock::now(), request.headers, request.body });
        script = takeScript(key, model);
    }
    const QByteArray echo = script.body.isEmpty() ? presented : presented + " and " + script.body;
    connect(
        exchange.get(), &HttpExchange::clientGone, this, [this] { m_cancelled.ref(); },
        Qt::DirectConnection);
    // Converse and Gemini take only the two roles of a conversation, as AWS and Google check.
    const QString badRole = roleProblem(body, converse, gemini);
    if (!badRole.isEmpty()) {
        exchange->respond(400, jsonType,
            converse ? QJsonDocument(QJsonObject { { "message", badRole } }).toJson()
                     : GeminiWire::error(400, qPrintable(badRole), "INVALID_ARGUMENT"));
        return;
    }
    if (endpointList && script.behaviour == Behaviour::Answer) {
        exchange->respond(200, jsonType, "{}");
        return;
    }
    if (converse) {
        if (const QString problem = samplingProblem(body, true); !problem.isEmpty()) {
            exchange->respond(400,
                jsonType + Headers { { "x-amzn-ErrorType", "ValidationException:" } },
                QJsonDocument(QJsonObject { { "message", problem } })
                    .toJson(QJsonDocument::Compact));
            return;
        }
        answerConverse(exchange, script, stream, echo);
        return;
    }
    if (gemini && stream && !request.target.endsWith("?alt=sse")) {
        // Without alt=sse Google streams one JSON array, which no client here reads.
        exchange->respond(400, jsonType,
            GeminiWire::error(
                400, "This fake streams server-sent events only (alt=sse)", "INVALID_ARGUMENT"));
        return;
    }
    if (rawPredict || path.endsWith("/v1/messages")) {
        QString problem = rawPredict ? rawPredictProblem(request, body) : QString();
        if (problem.isEmpty())
            problem = samplingProblem(body, false);
        if (!problem.isEmpty()) {
            exchange->respond(400, jsonType,
                QJsonDocument(QJsonObject { { "type", "error" },
                                  { "error",
                                      QJsonObject { { "type", "invalid_request_error" },
                                          { "message", problem } } } })
                    .toJson(QJsonDocument::Compact));
            return;
        }
    }
    // The format of the endpoint asked: OpenAI's chat completions, its Responses API,
    // Anthropic's Messages API (also Claude on Vertex) or Gemini's.
    const Wire wire = gemini                          ? Wire::Gemini
        : path.endsWith("/v1/messages") || rawPredict ? Wire::Anthropic
        : ResponsesWire::isResponses(path)            ? Wire::Responses
                                                      : Wire::OpenAi;
    if (script.behaviour == Behaviour::EchoSecret)
        script = echoedError(wire, script.status, echo);
    // OpenAI keeps a response unless the request says store: false.
    const bool store = body.value("store").toBool(true);
    behave(exchange, script, wireAnswer(wire, model, script, echo, store), stream, path,
        [this](const std::shared_ptr<HttpExchange>& open) { keepUnanswered(open); });
}

void FakeProvider::keepUnanswered(const std::shared_ptr<HttpExchange>& exchange)
{
    QMutexLocker lock(&m_mutex);
    m_unanswered.append(exchange);
}
