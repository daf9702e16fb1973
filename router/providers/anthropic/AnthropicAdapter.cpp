#include "router/providers/anthropic/AnthropicAdapter.h"

#include "router/catalog/ProviderRegistry.h"
#include "router/providers/anthropic/AnthropicBridge.h"
#include "router/translate/AnthropicStreamTranslator.h"
#include "router/translate/AnthropicToOpenAiStream.h"
#include "router/translate/OpenAiToAnthropic.h"
#include "router/upstream/OutcomeClassifier.h"

#include <QJsonDocument>

Result<UpstreamRequest> AnthropicAdapter::buildRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& upstreamModel) const
{
    QJsonObject body = call.body;
    QStringList dropped;
    if (call.protocol == ClientProtocol::OpenAi) {
        if (call.endpoint != ClientEndpoint::ChatCompletions)
            return unsupported(QStringLiteral("Anthropic-format providers have no embeddings"));
        auto translated = OpenAiToAnthropic::request(call.body);
        if (!translated)
            return translated.failure();
        body = translated->body;
        dropped = translated->droppedFields;
    }
    const ProviderDescriptor* provider = ProviderRegistry::find(target.providerId);
    QString base = target.baseUrl.isEmpty() && provider ? provider->defaultBaseUrl : target.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    UpstreamRequest request;
    request.url = QUrl(base
        + (call.endpoint == ClientEndpoint::CountTokens
                ? QStringLiteral("/v1/messages/count_tokens")
                : QStringLiteral("/v1/messages")));
    request.headers
        = { { "Content-Type", "application/json" }, { "x-api-key", target.secret.toUtf8() } };
    // Azure AI Foundry's Anthropic endpoint (https://{resource}.services.ai.azure.com/anthropic)
    // is documented with x-api-key by some and Azure's own api-key by others: it gets both.
    if (base.endsWith(u"/anthropic"))
        request.headers.append({ "api-key", target.secret.toUtf8() });
    const QByteArray version = headerValue(call.forwardedHeaders, "anthropic-version");
    request.headers.append({ "anthropic-version", version.isEmpty() ? defaultVersion() : version });
    if (const QByteArray beta = headerValue(call.forwardedHeaders, "anthropic-beta");
        !beta.isEmpty())
        request.headers.append({ "anthropic-beta", beta });
    body.insert(QStringLiteral("model"), upstreamModel);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.droppedFields = dropped;
    return request;
}

UpstreamOutcome AnthropicAdapter::classify(
    int httpStatus, const HttpHeaders& /*headers*/, const QByteArray& body) const
{
    return OutcomeClassifier::classify(httpStatus, body);
}

QString AnthropicAdapter::errorMessage(const QByteArray& body) const
{
    const QJsonValue error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error"));
    if (error.isObject())
        return error.toObject().value(QStringLiteral("message")).toString();
    return QString::fromUtf8(body.left(200)).simplified();
}

std::optional<ClientAnswer> AnthropicAdapter::translateAnswer(
    const ClientCall& call, const QByteArray& body) const
{
    return AnthropicBridge::answer(call, body, {});
}

QByteArray AnthropicAdapter::translateError(const ClientCall& call, const QByteArray& body) const
{
    return call.protocol == ClientProtocol::OpenAi ? OpenAiToAnthropic::error(body) : body;
}

std::unique_ptr<StreamTranslator> AnthropicAdapter::streamTranslator(const ClientCall& call) const
{
    if (call.protocol == ClientProtocol::OpenAi)
        return std::make_unique<AnthropicToOpenAiStream>(call.wantsStreamUsage);
    return std::make_unique<AnthropicStreamTranslator>();
}
