#include "router/providers/openai/OpenAiAdapter.h"

#include "router/providers/openai/OpenAiRequestBuilder.h"
#include "router/translate/AnthropicToOpenAi.h"
#include "router/translate/OpenAiStreamTranslator.h"
#include "router/translate/OpenAiToAnthropicStream.h"
#include "router/translate/ResponsesEvents.h"
#include "router/translate/ResponsesStreamTranslator.h"
#include "router/upstream/OutcomeClassifier.h"

#include <QJsonDocument>

Result<UpstreamRequest> OpenAiAdapter::buildRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& upstreamModel) const
{
    if (call.endpoint == ClientEndpoint::CountTokens)
        return unsupported(QStringLiteral("OpenAI-format providers cannot count tokens"));
    if (call.protocol == ClientProtocol::Anthropic) {
        // OpenAI itself and Azure want the newer name; other services know only the older.
        const bool openAi = target.providerId == u"openai" || target.providerId == u"azure";
        const auto translated = AnthropicToOpenAi::request(call.body,
            openAi ? QStringLiteral("max_completion_tokens") : QStringLiteral("max_tokens"));
        if (!translated)
            return translated.failure();
        auto request = OpenAiRequestBuilder::build(target,
            OpenAiRequestBuilder::Endpoint::ChatCompletions, translated->body, upstreamModel);
        if (request)
            request->droppedFields += translated->droppedFields;
        return request;
    }
    const auto endpoint = call.endpoint == ClientEndpoint::Embeddings
        ? OpenAiRequestBuilder::Endpoint::Embeddings
        : call.endpoint == ClientEndpoint::Responses
        ? OpenAiRequestBuilder::Endpoint::Responses
        : OpenAiRequestBuilder::Endpoint::ChatCompletions;
    return OpenAiRequestBuilder::build(target, endpoint, call.body, upstreamModel);
}

UpstreamOutcome OpenAiAdapter::classify(
    int httpStatus, const HttpHeaders& /*headers*/, const QByteArray& body) const
{
    return OutcomeClassifier::classify(httpStatus, body);
}

QString OpenAiAdapter::errorMessage(const QByteArray& body) const
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QStringLiteral("error"));
    if (error.isObject())
        return error.toObject().value(QStringLiteral("message")).toString();
    if (error.isString())
        return error.toString();
    // Not JSON (a proxy's HTML page): its start says enough.
    return QString::fromUtf8(body.left(200)).simplified();
}

std::optional<ClientAnswer> OpenAiAdapter::translateAnswer(
    const ClientCall& call, const QByteArray& body) const
{
    QJsonParseError parseError {};
    const QJsonObject root = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty())
        return std::nullopt;
    ClientAnswer answer;
    if (call.protocol == ClientProtocol::Anthropic) {
        const std::optional<QByteArray> translated = AnthropicToOpenAi::answer(body);
        if (!translated)
            return std::nullopt;
        answer.body = *translated;
    } else {
        answer.body = body; // passed through as the provider sent it
    }
    answer.servedModel = root.value(QStringLiteral("model")).toString();
    const QJsonObject usage = root.value(QStringLiteral("usage")).toObject();
    answer.usage = call.protocol == ClientProtocol::Responses
        ? ResponsesEvents::usageFrom(usage)
        : OpenAiStreamTranslator::usageFrom(usage);
    return answer;
}

QByteArray OpenAiAdapter::translateError(const ClientCall& call, const QByteArray& body) const
{
    return call.protocol == ClientProtocol::Anthropic ? AnthropicToOpenAi::error(body) : body;
}

std::unique_ptr<StreamTranslator> OpenAiAdapter::streamTranslator(const ClientCall& call) const
{
    if (call.protocol == ClientProtocol::Anthropic)
        return std::make_unique<OpenAiToAnthropicStream>();
    if (call.protocol == ClientProtocol::Responses)
        return std::make_unique<ResponsesStreamTranslator>();
    return std::make_unique<OpenAiStreamTranslator>(call.wantsStreamUsage);
}
