#include "router/providers/google/GeminiAdapter.h"

#include "router/inbound/ClientErrors.h"
#include "router/providers/anthropic/AnthropicBridge.h"
#include "router/providers/google/GoogleErrors.h"
#include "router/translate/AnthropicToGemini.h"
#include "router/translate/GeminiStreamTranslator.h"
#include "router/translate/GeminiToAnthropicStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

// Gemini 3 and later refuse a conversation whose earlier function calls come back without the
// thought signature they were answered with, and Anthropic's and OpenAI's formats have nowhere to
// keep it. Google documents a placeholder for such history, given to the first call of each
// model turn (the others of a parallel turn never carry one).
bool placeThoughtSignatures(QJsonObject& body, const QString& model)
{
    static const QRegularExpression generation(QStringLiteral("^gemini-(\\d+)"));
    const QRegularExpressionMatch match = generation.match(model);
    if (!match.hasMatch() || match.captured(1).toInt() < 3)
        return false;
    bool placed = false;
    QJsonArray contents = body.value(QStringLiteral("contents")).toArray();
    for (qsizetype i = 0; i < contents.size(); ++i) {
        QJsonObject turn = contents.at(i).toObject();
        QJsonArray parts = turn.value(QStringLiteral("parts")).toArray();
        for (qsizetype j = 0; j < parts.size(); ++j) {
            QJsonObject part = parts.at(j).toObject();
            if (!part.contains(QStringLiteral("functionCall")))
                continue;
            if (!part.contains(QStringLiteral("thoughtSignature"))) {
                part.insert(QStringLiteral("thoughtSignature"),
                    QStringLiteral("skip_thought_signature_validator"));
                parts.replace(j, part);
                placed = true;
            }
            break; // the first call of the turn only
        }
        turn.insert(QStringLiteral("parts"), parts);
        contents.replace(i, turn);
    }
    body.insert(QStringLiteral("contents"), contents);
    return placed;
}

// Gemini's own model list names models "models/…"; either form is the same model.
QString bareModel(QString model)
{
    if (model.startsWith(u"models/"))
        model.remove(0, 7);
    return model;
}

// The URL method of a Gemini API client's call.
QString nativeMethod(const ClientCall& call)
{
    switch (call.endpoint) {
    case ClientEndpoint::CountTokens:
        return QStringLiteral("countTokens");
    case ClientEndpoint::Embeddings:
        return call.body.contains(QStringLiteral("requests")) ? QStringLiteral("batchEmbedContents")
                                                              : QStringLiteral("embedContent");
    default:
        return GeminiAdapter::method(call.stream);
    }
}

// A batch of embeddings names the model in each request, as the URL does.
QJsonObject withBatchModel(QJsonObject body, const QString& model)
{
    QJsonArray requests = body.value(QStringLiteral("requests")).toArray();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QJsonObject request = requests.at(i).toObject();
        request.insert(QStringLiteral("model"), QString(u"models/" + model));
        requests.replace(i, request);
    }
    body.insert(QStringLiteral("requests"), requests);
    return body;
}

} // namespace

Result<UpstreamRequest> GeminiAdapter::nativeRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& model) const
{
    UpstreamRequest request;
    QJsonObject body = call.body.contains(QStringLiteral("requests"))
        ? withBatchModel(call.body, model)
        : call.body;
    // A turn another provider answered (a failover) has its function calls without Google's
    // signature.
    if (call.endpoint == ClientEndpoint::GenerateContent && placeThoughtSignatures(body, model))
        request.droppedFields.append(
            QStringLiteral("thoughtSignature (Google's placeholder sent instead)"));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers = { { "Content-Type", "application/json" } };
    if (const Result<void> addressed = address(request, target, model, nativeMethod(call));
        !addressed)
        return addressed.failure();
    return request;
}

Result<UpstreamRequest> GeminiAdapter::buildRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& upstreamModel) const
{
    const QString model = bareModel(upstreamModel);
    if (call.protocol == ClientProtocol::Gemini)
        return nativeRequest(target, call, model);
    QStringList dropped;
    const Result<QJsonObject> anthropic
        = AnthropicBridge::request(call, QStringLiteral("Google"), &dropped);
    if (!anthropic)
        return anthropic.failure();
    auto gemini = AnthropicToGemini::request(*anthropic);
    if (!gemini)
        return gemini.failure();
    if (placeThoughtSignatures(gemini->body, model))
        dropped.append(QStringLiteral("thoughtSignature (Google's placeholder sent instead)"));
    UpstreamRequest request;
    request.body = QJsonDocument(gemini->body).toJson(QJsonDocument::Compact);
    request.droppedFields = dropped + gemini->droppedFields;
    request.headers = { { "Content-Type", "application/json" } };
    if (const Result<void> addressed = address(request, target, model, method(call.stream));
        !addressed)
        return addressed.failure();
    return request;
}

Result<void> GeminiAdapter::address(UpstreamRequest& request, const UpstreamTarget& target,
    const QString& model, const QString& method) const
{
    QString base = target.baseUrl.isEmpty()
        ? QStringLiteral("https://generativelanguage.googleapis.com")
        : target.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    // The client names the model: encoded, it stays one path segment.
    request.url = QUrl(base + QStringLiteral("/v1beta/models/")
        + QString::fromLatin1(QUrl::toPercentEncoding(model)) + u':' + method);
    request.headers.append({ "x-goog-api-key", target.secret.trimmed().toUtf8() });
    return {};
}

QString GeminiAdapter::method(bool stream)
{
    return stream ? QStringLiteral("streamGenerateContent?alt=sse")
                  : QStringLiteral("generateContent");
}

UpstreamOutcome GeminiAdapter::classify(
    int httpStatus, const HttpHeaders& /*headers*/, const QByteArray& body) const
{
    return GoogleErrors::classify(httpStatus, body);
}

QString GeminiAdapter::errorMessage(const QByteArray& body) const
{
    return googleErrorMessage(body);
}

QString GeminiAdapter::googleErrorMessage(const QByteArray& body)
{
    if (const QString message
        = GoogleErrors::errorOf(body).value(QStringLiteral("message")).toString();
        !message.isEmpty())
        return message;
    return QString::fromUtf8(body.left(200)).simplified();
}

std::optional<ClientAnswer> GeminiAdapter::translateAnswer(
    const ClientCall& call, const QByteArray& body) const
{
    if (call.protocol == ClientProtocol::Gemini)
        return nativeAnswer(body);
    const QString model = call.body.value(QStringLiteral("model")).toString();
    const std::optional<QByteArray> anthropic = AnthropicToGemini::answer(body, model);
    if (!anthropic)
        return std::nullopt;
    std::optional<ClientAnswer> answer = AnthropicBridge::answer(call, *anthropic, model);
    // Google's counts say how much of the completion was thinking; Anthropic's cannot.
    if (answer) {
        answer->usage = AnthropicToGemini::usage(QJsonDocument::fromJson(body)
                                                     .object()
                                                     .value(QStringLiteral("usageMetadata"))
                                                     .toObject());
    }
    return answer;
}

std::optional<ClientAnswer> GeminiAdapter::nativeAnswer(const QByteArray& body)
{
    QJsonParseError parseError {};
    const QJsonObject root = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty())
        return std::nullopt;
    ClientAnswer answer;
    answer.body = body; // passed through as Google sent it
    answer.servedModel = root.value(QStringLiteral("modelVersion")).toString();
    answer.usage = AnthropicToGemini::usage(root.value(QStringLiteral("usageMetadata")).toObject());
    if (const QJsonValue counted = root.value(QStringLiteral("totalTokens")); counted.isDouble())
        answer.usage.prompt = counted.toInteger(); // countTokens
    return answer;
}

QByteArray GeminiAdapter::translateError(const ClientCall& call, const QByteArray& body) const
{
    if (call.protocol == ClientProtocol::Gemini)
        return body; // Google's own words, in Google's shape
    return ClientErrors::body(call.protocol, ClientErrors::badRequest(errorMessage(body)));
}

std::unique_ptr<StreamTranslator> GeminiAdapter::streamTranslator(const ClientCall& call) const
{
    if (call.protocol == ClientProtocol::Gemini) {
        return std::make_unique<GeminiStreamTranslator>(call.jsonArrayStream
                ? GeminiStreamFraming::Framing::JsonArray
                : GeminiStreamFraming::Framing::Sse);
    }
    return AnthropicBridge::stream(call,
        std::make_unique<GeminiToAnthropicStream>(
            call.body.value(QStringLiteral("model")).toString()));
}

std::optional<std::chrono::milliseconds> GeminiAdapter::cooldown(
    const HttpHeaders& headers, const QByteArray& body) const
{
    return GoogleErrors::cooldown(headers, body, QDateTime::currentDateTimeUtc());
}
