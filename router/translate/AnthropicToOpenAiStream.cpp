#include "router/translate/AnthropicToOpenAiStream.h"

#include "router/translate/OpenAiStreamTranslator.h"
#include "router/translate/OpenAiToAnthropic.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QByteArray dataEvent(const QJsonObject& data)
{
    return "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

AnthropicToOpenAiStream::AnthropicToOpenAiStream(bool clientWantsUsage)
    : m_clientWantsUsage(clientWantsUsage)
{ }

QString AnthropicToOpenAiStream::chunkId() const
{
    return QStringLiteral("chatcmpl-") + messageId();
}

void AnthropicToOpenAiStream::stopped(const QString& stopReason)
{
    emitDelta({}, OpenAiToAnthropic::finishReason(stopReason));
}

void AnthropicToOpenAiStream::blockStarted(const QJsonObject& data)
{
    const QJsonObject block = data.value(QStringLiteral("content_block")).toObject();
    if (block.value(QStringLiteral("type")).toString() != u"tool_use")
        return; // text and thinking show with their deltas
    const int toolCall = int(m_toolCallOfBlock.size());
    m_toolCallOfBlock.insert(data.value(QStringLiteral("index")).toInt(), toolCall);
    emitDelta({ { QStringLiteral("tool_calls"),
        QJsonArray { QJsonObject { { QStringLiteral("index"), toolCall },
            { QStringLiteral("id"), block.value(QStringLiteral("id")) },
            { QStringLiteral("type"), QStringLiteral("function") },
            { QStringLiteral("function"),
                QJsonObject { { QStringLiteral("name"), block.value(QStringLiteral("name")) },
                    { QStringLiteral("arguments"), QString() } } } } } } });
}

void AnthropicToOpenAiStream::blockDelta(const QJsonObject& data)
{
    const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
    const QString type = delta.value(QStringLiteral("type")).toString();
    if (type == u"text_delta") {
        emitDelta({ { QStringLiteral("content"), delta.value(QStringLiteral("text")) } });
    } else if (type == u"thinking_delta") {
        emitDelta({ { QStringLiteral("reasoning"), delta.value(QStringLiteral("thinking")) } });
    } else if (type == u"input_json_delta") {
        const int toolCall = m_toolCallOfBlock.value(data.value(QStringLiteral("index")).toInt());
        emitDelta({ { QStringLiteral("tool_calls"),
            QJsonArray { QJsonObject { { QStringLiteral("index"), toolCall },
                { QStringLiteral("function"),
                    QJsonObject { { QStringLiteral("arguments"),
                        delta.value(QStringLiteral("partial_json")) } } } } } } });
    }
}

void AnthropicToOpenAiStream::emitDelta(const QJsonObject& delta, const QJsonValue& finishReason)
{
    QJsonObject withRole = delta;
    if (!m_roleSent) {
        withRole.insert(QStringLiteral("role"), QStringLiteral("assistant"));
        m_roleSent = true;
    }
    m_started = true;
    m_clientBytes += chunk(withRole, finishReason);
}

QByteArray AnthropicToOpenAiStream::chunk(
    const QJsonObject& delta, const QJsonValue& finishReason) const
{
    return dataEvent({ { QStringLiteral("id"), chunkId() },
        { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
        { QStringLiteral("created"), QDateTime::currentSecsSinceEpoch() },
        { QStringLiteral("model"), m_servedModel },
        { QStringLiteral("choices"),
            QJsonArray {
                QJsonObject { { QStringLiteral("index"), 0 }, { QStringLiteral("delta"), delta },
                    { QStringLiteral("finish_reason"),
                        finishReason.isString() ? finishReason : QJsonValue() } } } } });
}

QByteArray AnthropicToOpenAiStream::closing() const
{
    QByteArray end;
    if (m_clientWantsUsage) {
        QJsonObject usageChunk { { QStringLiteral("id"), chunkId() },
            { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
            { QStringLiteral("created"), QDateTime::currentSecsSinceEpoch() },
            { QStringLiteral("model"), m_servedModel }, { QStringLiteral("choices"), QJsonArray() },
            { QStringLiteral("usage"),
                OpenAiToAnthropic::usage(m_usage.prompt, m_usage.completion, m_usage.cached) } };
        if (m_price)
            OpenAiStreamTranslator::insertCost(usageChunk, m_price->costOf(m_usage));
        end += dataEvent(usageChunk);
    }
    return end + "data: [DONE]\n\n";
}

QByteArray AnthropicToOpenAiStream::errorEvent(const QString& message, const QString& type) const
{
    // OpenRouter's shape for an error after the stream began, which the OpenAI SDKs raise.
    QJsonObject last = QJsonDocument::fromJson(chunk({}, QStringLiteral("error")).mid(6)).object();
    last.insert(QStringLiteral("error"),
        QJsonObject { { QStringLiteral("message"), message }, { QStringLiteral("type"), type },
            { QStringLiteral("code"), 502 } });
    return dataEvent(last);
}
