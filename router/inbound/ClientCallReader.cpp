#include "router/inbound/ClientCallReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

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
