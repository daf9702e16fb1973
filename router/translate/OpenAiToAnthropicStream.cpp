#include "router/translate/OpenAiToAnthropicStream.h"

#include "router/translate/AnthropicErrorType.h"
#include "router/translate/AnthropicSse.h"
#include "router/translate/AnthropicToOpenAi.h"
#include "router/translate/OpenAiStreamTranslator.h"

#include <QJsonArray>
#include <QJsonDocument>

void OpenAiToAnthropicStream::take(const SseParser::Event& event)
{
    if (event.data.trimmed() == "[DONE]") {
        m_finished = true;
        m_complete = true;
        return;
    }
    const std::optional<QJsonObject> parsed = chunkOf(event);
    if (!parsed)
        return;
    const QJsonObject& chunk = *parsed;
    if (const QString model = chunk.value(QStringLiteral("model")).toString(); !model.isEmpty())
        m_servedModel = model;
    if (const QJsonValue usage = chunk.value(QStringLiteral("usage")); usage.isObject()) {
        m_openAiUsage = usage.toObject();
        m_usage = OpenAiStreamTranslator::usageFrom(m_openAiUsage);
    }
    for (const QJsonValue& value : chunk.value(QStringLiteral("choices")).toArray()) {
        const QJsonObject choice = value.toObject();
        const QJsonObject delta = choice.value(QStringLiteral("delta")).toObject();
        const QString content = delta.value(QStringLiteral("content")).toString();
        const QJsonArray calls = delta.value(QStringLiteral("tool_calls")).toArray();
        if (!content.isEmpty() || !calls.isEmpty())
            startMessage(chunk.value(QStringLiteral("id")).toString());
        if (!content.isEmpty())
            text(content);
        for (const QJsonValue& call : calls)
            toolCall(call.toObject());
        if (const QString reason = choice.value(QStringLiteral("finish_reason")).toString();
            !reason.isEmpty()) {
            m_stopReason = AnthropicToOpenAi::stopReason(reason);
            m_complete = true;
            closeBlock();
        }
    }
}

void OpenAiToAnthropicStream::startMessage(const QString& id)
{
    if (m_messageStarted)
        return;
    m_messageStarted = true;
    m_started = true;
    m_clientBytes += messageStart(id);
}

QByteArray OpenAiToAnthropicStream::messageStart(const QString& id) const
{
    // OpenAI counts the prompt at the end; message_delta carries it.
    return AnthropicSse::event("message_start",
        AnthropicSse::messageStart(QStringLiteral("msg_") + id, m_servedModel, {}));
}

void OpenAiToAnthropicStream::text(const QString& delta)
{
    if (m_openBlock < 0 || !m_openBlockIsText) {
        closeBlock();
        m_openBlock = m_nextBlock++;
        m_openBlockIsText = true;
        emitEvent("content_block_start",
            { { QStringLiteral("type"), QStringLiteral("content_block_start") },
                { QStringLiteral("index"), m_openBlock },
                { QStringLiteral("content_block"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                        { QStringLiteral("text"), QString() } } } });
    }
    emitEvent("content_block_delta",
        { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
            { QStringLiteral("index"), m_openBlock },
            { QStringLiteral("delta"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("text_delta") },
                    { QStringLiteral("text"), delta } } } });
}

void OpenAiToAnthropicStream::toolCall(const QJsonObject& call)
{
    const int index = call.value(QStringLiteral("index")).toInt();
    const QJsonObject function = call.value(QStringLiteral("function")).toObject();
    if (!m_blockOfToolCall.contains(index)) {
        // A new call: its id and name come with its first fragment.
        closeBlock();
        m_openBlock = m_nextBlock++;
        m_openBlockIsText = false;
        m_blockOfToolCall.insert(index, m_openBlock);
        emitEvent("content_block_start",
            { { QStringLiteral("type"), QStringLiteral("content_block_start") },
                { QStringLiteral("index"), m_openBlock },
                { QStringLiteral("content_block"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
                        { QStringLiteral("id"), call.value(QStringLiteral("id")) },
                        { QStringLiteral("name"), function.value(QStringLiteral("name")) },
                        { QStringLiteral("input"), QJsonObject() } } } });
    }
    const QString arguments = function.value(QStringLiteral("arguments")).toString();
    if (arguments.isEmpty())
        return;
    emitEvent("content_block_delta",
        { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
            { QStringLiteral("index"), m_blockOfToolCall.value(index) },
            { QStringLiteral("delta"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("input_json_delta") },
                    { QStringLiteral("partial_json"), arguments } } } });
}

void OpenAiToAnthropicStream::closeBlock()
{
    if (m_openBlock < 0)
        return;
    emitEvent("content_block_stop",
        { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
            { QStringLiteral("index"), m_openBlock } });
    m_openBlock = -1;
}

void OpenAiToAnthropicStream::emitEvent(const char* type, const QJsonObject& data)
{
    m_clientBytes += AnthropicSse::event(type, data);
}

QByteArray OpenAiToAnthropicStream::closing() const
{
    // An answer without any content still is a whole message; a block the upstream left open
    // is closed.
    QByteArray prefix = m_messageStarted ? QByteArray() : messageStart(QStringLiteral("empty"));
    if (m_openBlock >= 0) {
        prefix += AnthropicSse::event("content_block_stop",
            { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                { QStringLiteral("index"), m_openBlock } });
    }
    const QJsonObject delta { { QStringLiteral("type"), QStringLiteral("message_delta") },
        { QStringLiteral("delta"),
            QJsonObject { { QStringLiteral("stop_reason"), m_stopReason },
                { QStringLiteral("stop_sequence"), QJsonValue() } } },
        { QStringLiteral("usage"), AnthropicToOpenAi::usage(m_openAiUsage) } };
    return prefix + AnthropicSse::event("message_delta", delta)
        + AnthropicSse::event(
            "message_stop", { { QStringLiteral("type"), QStringLiteral("message_stop") } });
}

QByteArray OpenAiToAnthropicStream::errorEvent(const QString& message, const QString&) const
{
    return AnthropicSse::errorEvent(message,
        m_upstreamError ? AnthropicErrorType::of(*m_upstreamError) : QStringLiteral("api_error"));
}
