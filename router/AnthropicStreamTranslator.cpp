#include "AnthropicStreamTranslator.h"

#include "AnthropicAdapter.h"

#include <QJsonDocument>

namespace {

QByteArray sseEvent(QByteArrayView type, QByteArrayView data)
{
    return "event: " + type.toByteArray() + "\ndata: " + data.toByteArray() + "\n\n";
}

} // namespace

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
    m_clientBytes += sseEvent(event.type, event.data);
}

QByteArray AnthropicStreamTranslator::errorEvent(const QString& message, const QString&) const
{
    // Anthropic's SDKs know their own error types; a broken upstream is an api_error to them.
    const QJsonObject error { { QStringLiteral("type"), QStringLiteral("error") },
        { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("api_error") },
                { QStringLiteral("message"), message } } } };
    return sseEvent("error", QJsonDocument(error).toJson(QJsonDocument::Compact));
}
