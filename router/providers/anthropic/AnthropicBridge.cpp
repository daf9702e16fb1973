#include "router/providers/anthropic/AnthropicBridge.h"

#include "router/providers/anthropic/AnthropicAdapter.h"
#include "router/translate/AnthropicSseReader.h"
#include "router/translate/AnthropicToOpenAiStream.h"
#include "router/translate/ChainedStreamTranslator.h"
#include "router/translate/ContentText.h"
#include "router/translate/OpenAiToAnthropic.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Anthropic's API takes system messages among the turns (Claude Code sends them); Converse and
// Gemini take system text only ahead of the conversation. Their text joins the system prompt,
// in order, and the move is recorded.
QJsonObject withSystemTurnsHoisted(QJsonObject request, QStringList* dropped)
{
    const QJsonArray messages = request.value(QStringLiteral("messages")).toArray();
    QJsonArray turns;
    QStringList systemTexts;
    for (const QJsonValue& message : messages) {
        if (message.toObject().value(QStringLiteral("role")).toString() == u"system")
            systemTexts.append(contentText(message.toObject().value(QStringLiteral("content"))));
        else
            turns.append(message);
    }
    if (systemTexts.isEmpty())
        return request;
    // Kept as blocks when it is blocks, so that what they carry (cache_control) is still seen.
    const QJsonValue system = request.value(QStringLiteral("system"));
    if (system.isArray()) {
        QJsonArray blocks = system.toArray();
        for (const QString& text : systemTexts)
            blocks.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                { QStringLiteral("text"), text } });
        request.insert(QStringLiteral("system"), blocks);
    } else {
        if (!system.toString().isEmpty())
            systemTexts.prepend(system.toString());
        request.insert(QStringLiteral("system"), systemTexts.join(u"\n\n"));
    }
    request.insert(QStringLiteral("messages"), turns);
    dropped->append(QStringLiteral("messages[].role=system (moved to the system prompt)"));
    return request;
}

} // namespace

Result<QJsonObject> AnthropicBridge::request(
    const ClientCall& call, const QString& providerName, QStringList* dropped)
{
    if (call.endpoint != ClientEndpoint::Messages
        && call.endpoint != ClientEndpoint::ChatCompletions)
        return unsupported(QStringLiteral("%1 keys serve chat requests only").arg(providerName));
    if (call.protocol == ClientProtocol::Anthropic)
        return withSystemTurnsHoisted(call.body, dropped);
    auto translated = OpenAiToAnthropic::request(call.body);
    if (!translated)
        return translated.failure();
    *dropped += translated->droppedFields;
    return translated->body;
}

std::optional<ClientAnswer> AnthropicBridge::answer(
    const ClientCall& call, const QByteArray& anthropicMessage, const QString& model)
{
    QJsonParseError parseError {};
    const QJsonObject message = QJsonDocument::fromJson(anthropicMessage, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || message.isEmpty())
        return std::nullopt;
    ClientAnswer answer;
    answer.servedModel = message.value(QStringLiteral("model")).toString(model);
    answer.usage = AnthropicSseReader::usageFrom(message.value(QStringLiteral("usage")).toObject());
    // count_tokens answers with the prompt's size alone.
    if (message.contains(QStringLiteral("input_tokens")))
        answer.usage.prompt = message.value(QStringLiteral("input_tokens")).toInteger();
    if (call.protocol == ClientProtocol::Anthropic) {
        answer.body = anthropicMessage; // passed through as the provider sent it
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
