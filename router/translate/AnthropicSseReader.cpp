#include "router/translate/AnthropicSseReader.h"

TokenUsage AnthropicSseReader::usageFrom(const QJsonObject& usage)
{
    TokenUsage tokens;
    tokens.cached = usage.value(QStringLiteral("cache_read_input_tokens")).toInteger();
    tokens.prompt = usage.value(QStringLiteral("input_tokens")).toInteger() + tokens.cached
        + usage.value(QStringLiteral("cache_creation_input_tokens")).toInteger();
    tokens.completion = usage.value(QStringLiteral("output_tokens")).toInteger();
    return tokens;
}

void AnthropicSseReader::take(const SseParser::Event& event)
{
    const std::optional<QJsonObject> parsed = jsonOf(event);
    if (!parsed)
        return;
    const QJsonObject& data = *parsed;
    readEvent(data);
    const QString type = data.value(QStringLiteral("type")).toString();
    if (type == u"message_start") {
        messageStarted(data);
    } else if (type == u"content_block_start") {
        blockStarted(data);
    } else if (type == u"content_block_delta") {
        blockDelta(data);
    } else if (type == u"content_block_stop") {
        blockStopped(data);
    } else if (type == u"message_delta") {
        const QJsonValue stop
            = data.value(QStringLiteral("delta")).toObject().value(QStringLiteral("stop_reason"));
        if (stop.isString())
            stopped(stop.toString());
    }
}

void AnthropicSseReader::readEvent(const QJsonObject& data)
{
    const QString type = data.value(QStringLiteral("type")).toString();
    if (type == u"error") {
        m_upstreamError = data.value(QStringLiteral("error")).toObject();
    } else if (type == u"message_start") {
        const QJsonObject message = data.value(QStringLiteral("message")).toObject();
        m_messageId = message.value(QStringLiteral("id")).toString();
        m_servedModel = message.value(QStringLiteral("model")).toString();
        m_usage = usageFrom(message.value(QStringLiteral("usage")).toObject());
    } else if (type == u"message_delta") {
        // Its usage is cumulative: the output so far, and input counts when they changed.
        const QJsonObject usage = data.value(QStringLiteral("usage")).toObject();
        if (usage.contains(QStringLiteral("input_tokens")))
            m_usage = usageFrom(usage);
        else
            m_usage.completion = usage.value(QStringLiteral("output_tokens")).toInteger();
        if (data.value(QStringLiteral("delta"))
                .toObject()
                .value(QStringLiteral("stop_reason"))
                .isString())
            m_complete = true;
    } else if (type == u"message_stop") {
        m_complete = true;
        m_finished = true;
    }
}
