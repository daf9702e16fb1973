#include "router/inbound/ClientCallReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace {

// The messages keep the translation context they were translated in, the router's.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Router)
};

Result<QJsonObject> jsonObject(const QByteArray& raw)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalidInput(Text::tr("The request body is not valid JSON: %1 at offset %2")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
    }
    if (!document.isObject())
        return invalidInput(Text::tr("The request body must be a JSON object"));
    return document.object();
}

} // namespace

Result<ClientCallReader::Parsed> ClientCallReader::anthropic(
    const HttpRequest& request, ClientEndpoint endpoint)
{
    Result<QJsonObject> body = jsonObject(request.body);
    if (!body)
        return body.failure();
    Parsed parsed;
    parsed.call.protocol = ClientProtocol::Anthropic;
    parsed.call.endpoint = endpoint;
    parsed.call.body = *body;
    const QJsonValue model = body->value(QStringLiteral("model"));
    if (!model.isString() || model.toString().isEmpty())
        return invalidInput(Text::tr("model: a model id is required"));
    parsed.models.append(model.toString());
    if (!body->value(QStringLiteral("messages")).isArray())
        return invalidInput(Text::tr("messages: a list of messages is required"));
    if (endpoint == ClientEndpoint::Messages) {
        const QJsonValue maxTokens = body->value(QStringLiteral("max_tokens"));
        if (!maxTokens.isDouble() || maxTokens.toInteger(0) < 1)
            return invalidInput(Text::tr("max_tokens: a whole number of 1 or more is required"));
        parsed.call.stream = body->value(QStringLiteral("stream")).toBool();
    }
    for (const char* name : { "anthropic-version", "anthropic-beta" }) {
        if (const QByteArray value = request.header(name); !value.isEmpty())
            parsed.call.forwardedHeaders.append({ QByteArray(name), value });
    }
    return parsed;
}

Result<ClientCallReader::Parsed> ClientCallReader::openAi(
    const QByteArray& raw, ClientEndpoint endpoint)
{
    Result<QJsonObject> body = jsonObject(raw);
    if (!body)
        return body.failure();
    Parsed parsed;
    parsed.call.endpoint = endpoint;
    parsed.call.body = *body;
    const QJsonValue models = parsed.call.body.take(QStringLiteral("models"));
    const QJsonValue model = parsed.call.body.value(QStringLiteral("model"));
    if (model.isString() && !model.toString().isEmpty())
        parsed.models.append(model.toString());
    else if (!model.isUndefined() && !model.isNull())
        return invalidInput(Text::tr("\"model\" must be a model id"));
    // OpenRouter's fallback list: tried after `model`, in order.
    if (!models.isUndefined() && !models.isNull() && !models.isArray())
        return invalidInput(Text::tr("\"models\" must be a list of model ids"));
    for (const QJsonValue& entry : models.toArray()) {
        if (!entry.isString() || entry.toString().isEmpty())
            return invalidInput(Text::tr("\"models\" must be a list of model ids"));
        if (!parsed.models.contains(entry.toString()))
            parsed.models.append(entry.toString());
    }
    if (parsed.models.isEmpty())
        return invalidInput(Text::tr("The request names no model"));
    if (endpoint == ClientEndpoint::ChatCompletions) {
        parsed.call.stream = parsed.call.body.value(QStringLiteral("stream")).toBool();
        parsed.call.wantsStreamUsage = parsed.call.body.value(QStringLiteral("stream_options"))
                                           .toObject()
                                           .value(QStringLiteral("include_usage"))
                                           .toBool();
    }
    return parsed;
}

Result<ClientCallReader::Parsed> ClientCallReader::responses(const QByteArray& raw)
{
    Result<QJsonObject> body = jsonObject(raw);
    if (!body)
        return body.failure();
    Parsed parsed;
    parsed.call.protocol = ClientProtocol::Responses;
    parsed.call.endpoint = ClientEndpoint::Responses;
    parsed.call.body = *body;
    const QJsonValue model = body->value(QStringLiteral("model"));
    if (!model.isString() || model.toString().isEmpty())
        return invalidInput(Text::tr("model: a model id is required"));
    parsed.models.append(model.toString());
    const QJsonValue input = body->value(QStringLiteral("input"));
    if (!input.isString() && !input.isArray())
        return invalidInput(Text::tr("input: a text or a list of input items is required"));
    parsed.call.stream = body->value(QStringLiteral("stream")).toBool();
    return parsed;
}

std::optional<ClientCallReader::GeminiMethod> ClientCallReader::geminiMethod(QByteArrayView path)
{
    for (const QByteArrayView prefix : { "/v1beta/models/", "/v1/models/", "/v1alpha/models/" }) {
        if (!path.startsWith(prefix))
            continue;
        const QByteArrayView rest = path.sliced(prefix.size());
        const qsizetype colon = rest.lastIndexOf(':');
        if (colon <= 0)
            return std::nullopt;
        return GeminiMethod { QUrl::fromPercentEncoding(rest.first(colon).toByteArray()),
            QString::fromLatin1(rest.sliced(colon + 1)) };
    }
    return std::nullopt;
}

Result<ClientCallReader::Parsed> ClientCallReader::gemini(
    const HttpRequest& request, const GeminiMethod& target)
{
    static const QHash<QString, ClientEndpoint> endpoints {
        { QStringLiteral("generateContent"), ClientEndpoint::GenerateContent },
        { QStringLiteral("streamGenerateContent"), ClientEndpoint::GenerateContent },
        { QStringLiteral("countTokens"), ClientEndpoint::CountTokens },
        { QStringLiteral("embedContent"), ClientEndpoint::Embeddings },
        { QStringLiteral("batchEmbedContents"), ClientEndpoint::Embeddings },
    };
    const auto endpoint = endpoints.constFind(target.method);
    if (endpoint == endpoints.cend())
        return notFound(Text::tr("There is no method %1 of models").arg(target.method));
    Result<QJsonObject> body = jsonObject(request.body);
    if (!body)
        return body.failure();
    Parsed parsed;
    parsed.call.protocol = ClientProtocol::Gemini;
    parsed.call.endpoint = *endpoint;
    parsed.call.body = *body;
    QString model = target.model;
    if (model.startsWith(u"models/"))
        model.remove(0, 7);
    if (model.isEmpty())
        return invalidInput(Text::tr("The path names no model"));
    parsed.models.append(model);
    // What each method cannot do without; Google's own messages name the field the same way.
    const auto has = [&body](const char* camel, const char* snake) {
        return body->contains(QLatin1StringView(camel)) || body->contains(QLatin1StringView(snake));
    };
    if (*endpoint == ClientEndpoint::GenerateContent
        && !body->value(QStringLiteral("contents")).isArray())
        return invalidInput(Text::tr("contents: a list of contents is required"));
    if (*endpoint == ClientEndpoint::CountTokens && !body->contains(QStringLiteral("contents"))
        && !has("generateContentRequest", "generate_content_request"))
        return invalidInput(Text::tr("contents or generateContentRequest is required"));
    if (target.method == u"embedContent" && !body->value(QStringLiteral("content")).isObject())
        return invalidInput(Text::tr("content: the content to embed is required"));
    if (target.method == u"batchEmbedContents"
        && !body->value(QStringLiteral("requests")).isArray())
        return invalidInput(Text::tr("requests: a list of embedding requests is required"));
    parsed.call.stream = target.method == u"streamGenerateContent";
    if (parsed.call.stream) {
        const qsizetype query = request.target.indexOf('?');
        const QUrlQuery items(
            query < 0 ? QString() : QString::fromLatin1(request.target.mid(query + 1)));
        parsed.call.jsonArrayStream = items.queryItemValue(QStringLiteral("alt")) != u"sse";
    }
    return parsed;
}
