#include "AnthropicStreamTranslator.h"

#include "AnthropicAdapter.h"
#include "AnthropicSse.h"

#include <QJsonDocument>

void AnthropicStreamTranslator::take(const SseParser::Event& event)
{
    const std::optional<QJsonObject> parsed = jsonOf(event);
    if (!parsed)
        return;
    const QJsonObject& data = *parsed;
    const QString type = data.value(QStringLiteral("type")).toString();
    if (type == u"error") {
        m_upstreamError = data.value(QStringLiteral("error")).toObject();
        return;
    }
    if (type == u"message_start") {
        const QJsonObject message = data.value(QStringLiteral("message")).toObject();
        m_servedModel = message.value(QStringLiteral("model")).toString();
        m_usage = AnthropicAdapter::usageFrom(message.value(QStringLiteral("usage")).toObject());
    } else if (type == u"content_block_start") {
        m_started = true;
    } else if (type == u"message_delta") {
        // Its usage is cumulative: the output so far, and input counts when they changed.
        const QJsonObject usage = data.value(QStringLiteral("usage")).toObject();
        if (usage.contains(QStringLiteral("input_tokens")))
            m_usage = AnthropicAdapter::usageFrom(usage);
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
    // Passed on as it came.
    m_clientBytes += "event: " + event.type + "\ndata: " + event.data + "\n\n";
}

QByteArray AnthropicStreamTranslator::errorEvent(const QString& message, const QString&) const
{
    return AnthropicSse::errorEvent(message);
}
