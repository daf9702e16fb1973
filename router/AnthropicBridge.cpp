#include "AnthropicBridge.h"

#include "AnthropicAdapter.h"
#include "AnthropicToOpenAiStream.h"
#include "ChainedStreamTranslator.h"
#include "OpenAiToAnthropic.h"

#include <QJsonDocument>

std::optional<QJsonObject> AnthropicBridge::request(
    const ClientCall& call, const QString& providerName, QStringList* dropped, QString* error)
{
    if (call.endpoint != ClientEndpoint::Messages
        && call.endpoint != ClientEndpoint::ChatCompletions) {
        if (error)
            *error = QStringLiteral("%1 keys serve chat requests only").arg(providerName);
        return std::nullopt;
    }
    if (call.protocol == ClientProtocol::Anthropic)
        return call.body;
    auto translated = OpenAiToAnthropic::request(call.body, error);
    if (!translated)
        return std::nullopt;
    *dropped += translated->droppedFields;
    return translated->body;
}

std::optional<ClientAnswer> AnthropicBridge::answer(
    const ClientCall& call, const QByteArray& anthropicMessage, const QString& model)
{
    const QJsonObject message = QJsonDocument::fromJson(anthropicMessage).object();
    ClientAnswer answer;
    answer.servedModel = message.value(QStringLiteral("model")).toString(model);
    answer.usage = AnthropicAdapter::usageFrom(message.value(QStringLiteral("usage")).toObject());
    if (call.protocol == ClientProtocol::Anthropic) {
        answer.body = anthropicMessage;
        return answer;
    }
    const std::optional<QByteArray> openAi = OpenAiToAnthropic::answer(anthropicMessage);
    if (!openAi)
        return std::nullopt;
    answer.body = *openAi;
    return answer;
}

std::unique_ptr<StreamTranslator> AnthropicBridge::stream(
    const ClientCall& call, std::unique_ptr<StreamTranslator> toAnthropic)
{
    if (call.protocol == ClientProtocol::Anthropic)
        return toAnthropic;
    return std::make_unique<ChainedStreamTranslator>(
        std::move(toAnthropic), std::make_unique<AnthropicToOpenAiStream>(call.wantsStreamUsage));
}
