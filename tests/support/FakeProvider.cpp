#include "tests/support/FakeProvider.h"

#include "router/providers/bedrock/SigV4Signer.h"
#include "tests/support/EventStreamEncoder.h"
#include "tests/support/GeminiWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace {

QByteArray completion(const QString& model)
{
    const QJsonObject body {
        { "id", "chatcmpl-fake" },
        { "object", "chat.completion" },
        { "model", model },
        { "choices",
            QJsonArray { QJsonObject { { "index", 0 },
                { "message",
                    QJsonObject {
                        { "role", "assistant" }, { "content", "Hello from the fake." } } },
                { "finish_reason", "stop" } } } },
        { "usage",
            QJsonObject {
                { "prompt_tokens", 5 }, { "completion_tokens", 4 }, { "total_tokens", 9 } } },
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// A content chunk, or with `finishReason` the empty last one that says why the answer ended.
QByteArray chunk(const QString& model, const QString& content, const char* finishReason = nullptr)
{
    QJsonObject choice { { "index", 0 },
        { "delta", content.isEmpty() ? QJsonObject() : QJsonObject { { "content", content } } },
        { "finish_reason", finishReason ? QJsonValue(finishReason) : QJsonValue() } };
    const QJsonObject body { { "id", "chatcmpl-fake" }, { "object", "chat.completion.chunk" },
        { "model", model }, { "choices", QJsonArray { choice } } };
    return "data: " + QJsonDocument(body).toJson(QJsonDocument::Compact) + "\n\n";
}

// The usage of the whole answer: a stream reports the same as the answer asked for whole.
QByteArray usageChunk(const QString& model, int prompt = 5, int completion = 4)
{
    const QJsonObject body { { "id", "chatcmpl-fake" }, { "object", "chat.completion.chunk" },
        { "model", model }, { "choices", QJsonArray() },
        { "usage",
            QJsonObject { { "prompt_tokens", prompt }, { "completion_tokens", completion },
                { "total_tokens", prompt + completion } } } };
    return "data: " + QJsonDocument(body).toJson(QJsonDocument::Compact) + "\n\n";
}

// An answer that calls get_weather({"city": "Paris"}), whole or as a stream whose arguments
// come in two fragments.
QByteArray toolCallCompletion(const QString& model)
{
    const QJsonObject call { { "id", "call_fake1" }, { "type", "function" },
        { "function",
            QJsonObject { { "name", "get_weather" }, { "arguments", R"({"city": "Paris"})" } } } };
    const QJsonObject body { { "id", "chatcmpl-fake" }, { "object", "chat.completion" },
        { "model", model },
        { "choices",
            QJsonArray { QJsonObject { { "index", 0 },
                { "message",
                    QJsonObject { { "role", "assistant" }, { "content", QJsonValue() },
                        { "tool_calls", QJsonArray { call } } } },
                { "finish_reason", "tool_calls" } } } },
        { "usage",
            QJsonObject {
                { "prompt_tokens", 20 }, { "completion_tokens", 9 }, { "total_tokens", 29 } } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QList<QByteArray> toolCallEvents(const QString& model)
{
    const auto callChunk = [&model](const QJsonObject& toolCall, const QJsonValue& finish) {
        QJsonObject delta;
        if (!toolCall.isEmpty())
            delta.insert("tool_calls", QJsonArray { toolCall });
        const QJsonObject body { { "id", "chatcmpl-fake" }, { "object", "chat.completion.chunk" },
            { "model", model },
            { "choices",
                QJsonArray { QJsonObject {
                    { "index", 0 }, { "delta", delta }, { "finish_reason", finish } } } } };
        return "data: " + QJsonDocument(body).toJson(QJsonDocument::Compact) + "\n\n";
    };
    return { callChunk({ { "index", 0 }, { "id", "call_fake1" }, { "type", "function" },
                           { "function",
                               QJsonObject { { "name", "get_weather" }, { "arguments", "" } } } },
                 QJsonValue()),
        callChunk(
            { { "index", 0 }, { "function", QJsonObject { { "arguments", R"({"city": )" } } } },
            QJsonValue()),
        callChunk(
            { { "index", 0 }, { "function", QJsonObject { { "arguments", R"("Paris"})" } } } },
            QJsonValue()),
        callChunk({}, "tool_calls"), usageChunk(model, 20, 9), "data: [DONE]\n\n" };
}

QByteArray errorEvent(int code, const char* message)
{
    const QJsonObject body { { "error",
        QJsonObject { { "message", message }, { "type", "server_error" }, { "code", code } } } };
    return "data: " + QJsonDocument(body).toJson(QJsonDocument::Compact) + "\n\n";
}

// Anthropic's Messages API: a whole message, and the same as the events of a stream.
QByteArray anthropicMessage(const QString& model)
{
    const QJsonObject body { { "id", "msg_fake" }, { "type", "message" }, { "role", "assistant" },
        { "model", model },
        { "content",
            QJsonArray { QJsonObject { { "type", "text" }, { "text", "Hello from the fake." } } } },
        { "stop_reason", "end_turn" }, { "stop_sequence", QJsonValue() },
        { "usage",
            QJsonObject { { "input_tokens", 5 }, { "output_tokens", 4 },
                { "cache_read_input_tokens", 2 }, { "cache_creation_input_tokens", 0 } } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray anthropicEvent(const char* type, const QJsonObject& data)
{
    return "event: " + QByteArray(type)
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

// An Anthropic stream's first event: the message, still empty, with the prompt's usage.
QByteArray anthropicStart(const QString& model, const QJsonObject& usage)
{
    return anthropicEvent("message_start",
        { { "type", "message_start" },
            { "message",
                QJsonObject { { "id", "msg_fake" }, { "type", "message" }, { "role", "assistant" },
                    { "model", model }, { "content", QJsonArray() }, { "usage", usage } } } });
}

QList<QByteArray> anthropicEvents(const QString& model)
{
    const auto textDelta = [](const char* text) {
        return anthropicEvent("content_block_delta",
            { { "type", "content_block_delta" }, { "index", 0 },
                { "delta", QJsonObject { { "type", "text_delta" }, { "text", text } } } });
    };
    return {
        anthropicStart(model,
            { { "input_tokens", 5 }, { "output_tokens", 1 }, { "cache_read_input_tokens", 2 },
                { "cache_creation_input_tokens", 0 } }),
        anthropicEvent("ping", { { "type", "ping" } }),
        anthropicEvent("content_block_start",
            { { "type", "content_block_start" }, { "index", 0 },
                { "content_block", QJsonObject { { "type", "text" }, { "text", "" } } } }),
        textDelta("Hello from"),
        textDelta(" the fake."),
        anthropicEvent("content_block_stop", { { "type", "content_block_stop" }, { "index", 0 } }),
        anthropicEvent("message_delta",
            { { "type", "message_delta" },
                { "delta",
                    QJsonObject {
                        { "stop_reason", "end_turn" }, { "stop_sequence", QJsonValue() } } },
                { "usage", QJsonObject { { "output_tokens", 4 } } } }),
        anthropicEvent("message_stop", { { "type", "message_stop" } }),
    };
}

// Anthropic's tool call of get_weather({"city": "Paris"}), whole or streamed.
QByteArray anthropicToolUse(const QString& model)
{
    const QJsonObject body { { "id", "msg_fake" }, { "type", "message" }, { "role", "assistant" },
        { "model", model },
        { "content",
            QJsonArray { QJsonObject { { "type", "text" }, { "text", "Checking." } },
                QJsonObject { { "type", "tool_use" }, { "id", "toolu_fake1" },
                    { "name", "get_weather" },
                    { "input", QJsonObject { { "city", "Paris" } } } } } },
        { "stop_reason", "tool_use" }, { "stop_sequence", QJsonValue() },
        { "usage", QJsonObject { { "input_tokens", 20 }, { "output_tokens", 9 } } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QList<QByteArray> anthropicToolUseEvents(const QString& model)
{
    QList<QByteArray> events {
        anthropicStart(model, { { "input_tokens", 20 }, { "output_tokens", 1 } }),
        anthropicEvent("content_block_start",
            { { "type", "content_block_start" }, { "index", 0 },
                { "content_block", QJsonObject { { "type", "text" }, { "text", "" } } } }),
        anthropicEvent("content_block_delta",
            { { "type", "content_block_delta" }, { "index", 0 },
                { "delta", QJsonObject { { "type", "text_delta" }, { "text", "Checking." } } } }),
    };
    const auto inputDelta = [](const char* json) {
        return anthropicEvent("content_block_delta",
            { { "type", "content_block_delta" }, { "index", 1 },
                { "delta",
                    QJsonObject { { "type", "input_json_delta" }, { "partial_json", json } } } });
    };
    events += {
        anthropicEvent("content_block_stop", { { "type", "content_block_stop" }, { "index", 0 } }),
        anthropicEvent("content_block_start",
            { { "type", "content_block_start" }, { "index", 1 },
                { "content_block",
                    QJsonObject { { "type", "tool_use" }, { "id", "toolu_fake1" },
                        { "name", "get_weather" }, { "input", QJsonObject() } } } }),
        inputDelta(R"({"city": )"),
        inputDelta(R"("Paris"})"),
        anthropicEvent("content_block_stop", { { "type", "content_block_stop" }, { "index", 1 } }),
        anthropicEvent("message_delta",
            { { "type", "message_delta" },
                { "delta",
                    QJsonObject {
                        { "stop_reason", "tool_use" }, { "stop_sequence", QJsonValue() } } },
                { "usage", QJsonObject { { "output_tokens", 9 } } } }),
        anthropicEvent("message_stop", { { "type", "message_stop" } }),
    };
    return events;
}

QByteArray anthropicErrorEvent(const char* type, const char* message)
{
    return anthropicEvent("error",
        { { "type", "error" },
            { "error", QJsonObject { { "type", type }, { "message", message } } } });
}

const FakeProvider::Headers eventStream { { "Content-Type", "text/event-stream" } };

enum class Wire { OpenAi, Anthropic, Gemini, Converse };

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
        return { FakeProvider::Behaviour::Status, status, { { "Content-Type", "text/plain" } },
            message };
    const auto json = [](const QJsonObject& body) {
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    };
    QByteArray body;
    switch (wire) {
    case Wire::OpenAi:
        body = json({ { "error",
            QJsonObject { { "message", QString::fromUtf8(message) },
                { "type", "invalid_request_error" }, { "code", "invalid_api_key" } } } });
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
    return { FakeProvider::Behaviour::Status, status, {}, body };
}

// EchoSecretMidStream's last event.
QByteArray echoedErrorEvent(Wire wire, const QByteArray& echo)
{
    const QByteArray message = echoMessage(echo);
    switch (wire) {
    case Wire::OpenAi:
        return errorEvent(500, message.constData());
    case Wire::Anthropic:
        return anthropicErrorEvent("api_error", message.constData());
    case Wire::Gemini:
        return GeminiWire::errorChunk(500, message.constData(), "INTERNAL");
    case Wire::Converse:
        return EventStreamEncoder::exception("internalServerException",
            QJsonDocument(QJsonObject { { "message", QString::fromUtf8(message) } })
                .toJson(QJsonDocument::Compact));
    }
    return {};
}

// Amazon Bedrock's Converse API: a whole answer and the binary event stream of one.
QByteArray converseAnswer(bool toolCall)
{
    const QJsonArray content = toolCall
        ? QJsonArray { QJsonObject { { "text", "Checking." } },
              QJsonObject { { "toolUse",
                  QJsonObject { { "toolUseId", "tooluse_fake1" }, { "name", "get_weather" },
                      { "input", QJsonObject { { "city", "Paris" } } } } } } }
        : QJsonArray { QJsonObject { { "text", "Hello from the fake." } } };
    const QJsonObject body {
        { "output",
            QJsonObject {
                { "message", QJsonObject { { "role", "assistant" }, { "content", content } } } } },
        { "stopReason", toolCall ? "tool_use" : "end_turn" },
        { "usage",
            toolCall ? QJsonObject { { "inputTokens", 20 }, { "outputTokens", 9 },
                { "totalTokens", 29 } }
                     : QJsonObject { { "inputTokens", 5 }, { "outputTokens", 4 },
                         { "totalTokens", 9 }, { "cacheReadInputTokens", 2 } } },
        { "metrics", QJsonObject { { "latencyMs", 12 } } }
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray converseEvent(const char* type, const QJsonObject& payload)
{
    return EventStreamEncoder::event(type, QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

QList<QByteArray> converseEvents(bool toolCall)
{
    const auto textDelta = [](const char* text) {
        return converseEvent("contentBlockDelta",
            { { "contentBlockIndex", 0 }, { "delta", QJsonObject { { "text", text } } } });
    };
    QList<QByteArray> events { converseEvent("messageStart", { { "role", "assistant" } }) };
    if (toolCall) {
        const auto inputDelta = [](const char* json) {
            return converseEvent("contentBlockDelta",
                { { "contentBlockIndex", 1 },
                    { "delta",
                        QJsonObject { { "toolUse", QJsonObject { { "input", json } } } } } });
        };
        events += { textDelta("Checking."),
            converseEvent("contentBlockStop", { { "contentBlockIndex", 0 } }),
            converseEvent("contentBlockStart",
                { { "contentBlockIndex", 1 },
                    { "start",
                        QJsonObject { { "toolUse",
                            QJsonObject { { "toolUseId", "tooluse_fake1" },
                                { "name", "get_weather" } } } } } }),
            inputDelta(R"({"city": )"), inputDelta(R"("Paris"})"),
            converseEvent("contentBlockStop", { { "contentBlockIndex", 1 } }),
            converseEvent("messageStop", { { "stopReason", "tool_use" } }) };
    } else {
        events += { textDelta("Hello from"), textDelta(" the fake."),
            converseEvent("contentBlockStop", { { "contentBlockIndex", 0 } }),
            converseEvent("messageStop", { { "stopReason", "end_turn" } }) };
    }
    events += converseEvent("metadata",
        { { "usage",
              toolCall ? QJsonObject { { "inputTokens", 20 }, { "outputTokens", 9 } }
                       : QJsonObject { { "inputTokens", 5 }, { "outputTokens", 4 },
                           { "totalTokens", 9 }, { "cacheReadInputTokens", 2 } } },
            { "metrics", QJsonObject { { "latencyMs", 12 } } } });
    return events;
}

// Bedrock's path: /model/{model id, percent-encoded}/converse[-stream].
bool isConverse(const QByteArray& path)
{
    return path.startsWith("/model/")
        && (path.endsWith("/converse") || path.endsWith("/converse-stream"));
}

QString converseModel(const QByteArray& path)
{
    const QByteArray encoded = path.mid(7, path.lastIndexOf('/') - 7);
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
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
        exchange->respond(200, json, converseAnswer(toolCall));
        return;
    }
    exchange->beginStream(200, { { "Content-Type", "application/vnd.amazon.eventstream" } });
    QList<QByteArray> events = converseEvents(toolCall);
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
    const bool converse = isConverse(path);
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
        model = converseModel(path);
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
        exchange->respond(400, { { "Content-Type", "application/json" } },
            converse ? QJsonDocument(QJsonObject { { "message", badRole } }).toJson()
                     : GeminiWire::error(400, qPrintable(badRole), "INVALID_ARGUMENT"));
        return;
    }
    if (endpointList && script.behaviour == Behaviour::Answer) {
        exchange->respond(200, { { "Content-Type", "application/json" } }, "{}");
        return;
    }
    if (converse) {
        answerConverse(exchange, script, stream, echo);
        return;
    }
    if (gemini && stream && !request.target.endsWith("?alt=sse")) {
        // Without alt=sse Google streams one JSON array, which no client here reads.
        exchange->respond(400, { { "Content-Type", "application/json" } },
            GeminiWire::error(
                400, "This fake streams server-sent events only (alt=sse)", "INVALID_ARGUMENT"));
        return;
    }
    if (rawPredict) {
        if (const QString problem = rawPredictProblem(request, body); !problem.isEmpty()) {
            exchange->respond(400, { { "Content-Type", "application/json" } },
                QJsonDocument(QJsonObject { { "type", "error" },
                                  { "error",
                                      QJsonObject { { "type", "invalid_request_error" },
                                          { "message", problem } } } })
                    .toJson(QJsonDocument::Compact));
            return;
        }
    }
    // The events of a normal answer, sent one by one as a provider would, in the format of the
    // endpoint asked: OpenAI's, Anthropic's Messages API (also Claude on Vertex), or Gemini's.
    const bool anthropic = path.endsWith("/v1/messages") || rawPredict;
    const Wire wire = gemini ? Wire::Gemini : anthropic ? Wire::Anthropic : Wire::OpenAi;
    if (script.behaviour == Behaviour::EchoSecret)
        script = echoedError(wire, script.status, echo);
    const QList<QByteArray> events = gemini ? GeminiWire::events(model, false)
        : anthropic                         ? anthropicEvents(model)
                    : QList<QByteArray> { chunk(model, "Hello"), chunk(model, " from"),
                          chunk(model, " the fake."), chunk(model, {}, "stop"), usageChunk(model),
                          "data: [DONE]\n\n" };
    const auto sendAll = [exchange](const QList<QByteArray>& parts) {
        for (const QByteArray& part : parts)
            exchange->write(part);
        exchange->endStream();
    };
    const auto answer = [=] {
        if (path.endsWith("/v1/messages/count_tokens") || path.contains("/models/count-tokens:")) {
            exchange->respond(
                200, { { "Content-Type", "application/json" } }, R"({"input_tokens": 14})");
            return;
        }
        if ((anthropic || gemini) && !stream) {
            exchange->respond(200, { { "Content-Type", "application/json" } },
                gemini ? GeminiWire::answer(model, false) : anthropicMessage(model));
            return;
        }
        if (path.endsWith("/models")) {
            exchange->respond(200, { { "Content-Type", "application/json" } },
                R"({"object": "list", "data": [{"id": "gpt-4.1", "object": "model", )"
                R"("created": 1744316542, "owned_by": "system"}]})");
            return;
        }
        if (!stream) {
            exchange->respond(200, { { "Content-Type", "application/json" } }, completion(model));
            return;
        }
        exchange->beginStream(200, eventStream);
        sendAll(events);
    };
    switch (script.behaviour) {
    case Behaviour::Answer:
        answer();
        return;
    case Behaviour::SlowHeaders:
        QTimer::singleShot(script.delay, exchange.get(), answer);
        return;
    case Behaviour::Status: {
        // JSON unless the script says otherwise (raw bytes for an event stream, say).
        Headers headers = script.headers;
        if (headerValue(headers, "content-type").isEmpty())
            headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
        exchange->respond(script.status, headers, script.body);
        return;
    }
    case Behaviour::ResetBeforeHeaders:
        exchange->abortConnection();
        return;
    case Behaviour::NoAnswer: {
        QMutexLocker lock(&m_mutex);
        m_unanswered.append(exchange);
        return;
    }
    case Behaviour::SlowFirstToken:
        exchange->beginStream(200, eventStream);
        QTimer::singleShot(script.delay, exchange.get(), [sendAll, events] { sendAll(events); });
        return;
    case Behaviour::CutMidStream:
        exchange->beginStream(200, eventStream);
        exchange->write(events.first());
        QTimer::singleShot(20, exchange.get(), [exchange] { exchange->abortConnection(); });
        return;
    case Behaviour::StallMidStream: {
        exchange->beginStream(200, eventStream);
        exchange->write(events.first());
        QMutexLocker lock(&m_mutex);
        m_unanswered.append(exchange);
        return;
    }
    case Behaviour::MalformedEvent:
        exchange->beginStream(200, eventStream);
        sendAll({ events.at(0), "data: {\"choices\": [\n\n", events.at(1), events.at(2),
            events.at(3), events.at(4), events.at(5) });
        return;
    case Behaviour::StreamWithoutDone:
        exchange->beginStream(200, eventStream);
        sendAll(events.first(anthropic ? 7 : 5)); // complete, without the end marker
        return;
    case Behaviour::FailAfterHeaders:
        exchange->beginStream(200, eventStream);
        QTimer::singleShot(20, exchange.get(), [exchange] { exchange->abortConnection(); });
        return;
    case Behaviour::ErrorEventMidStream:
    case Behaviour::EchoSecretMidStream: {
        exchange->beginStream(200, eventStream);
        // The answer has begun: its first text (Anthropic's comes after three framing events).
        for (const QByteArray& event : events.first(anthropic ? 4 : 1))
            exchange->write(event);
        const QByteArray last = script.behaviour == Behaviour::EchoSecretMidStream
            ? echoedErrorEvent(wire, echo)
            : gemini    ? GeminiWire::errorChunk(503, "The model is overloaded.", "UNAVAILABLE")
            : anthropic ? anthropicErrorEvent("overloaded_error", "Overloaded")
                        : errorEvent(500, "The model crashed mid-answer");
        QTimer::singleShot(50, exchange.get(), [sendAll, last] { sendAll({ last }); });
        return;
    }
    case Behaviour::EchoSecret:
        return; // answered as a Status script above
    case Behaviour::AzureFilterResultsFirst: {
        const QJsonObject filterResults { { "id", "" }, { "object", "" }, { "model", "" },
            { "choices", QJsonArray() },
            { "prompt_filter_results",
                QJsonArray { QJsonObject {
                    { "prompt_index", 0 }, { "content_filter_results", QJsonObject() } } } } };
        exchange->beginStream(200, eventStream);
        sendAll(QList<QByteArray> { "data: "
                    + QJsonDocument(filterResults).toJson(QJsonDocument::Compact) + "\n\n" }
            + events);
        return;
    }
    case Behaviour::ToolCall:
        if (!stream) {
            exchange->respond(200, { { "Content-Type", "application/json" } },
                gemini          ? GeminiWire::answer(model, true)
                    : anthropic ? anthropicToolUse(model)
                                : toolCallCompletion(model));
            return;
        }
        exchange->beginStream(200, eventStream);
        sendAll(gemini      ? GeminiWire::events(model, true)
                : anthropic ? anthropicToolUseEvents(model)
                            : toolCallEvents(model));
        return;
    case Behaviour::ErrorEventFirst:
        exchange->beginStream(200, eventStream);
        sendAll({ errorEvent(script.status, "Overloaded before the first token") });
        return;
    }
}
