#include "router/translate/AnthropicStreamTranslator.h"

#include "router/translate/AnthropicSse.h"

#include <QJsonDocument>

void AnthropicStreamTranslator::take(const SseParser::Event& event)
{
    const std::optional<QJsonObject> parsed = jsonOf(event);
    if (!parsed)
        return;
    const QJsonObject& data = *parsed;
    const QString type = data.value(QStringLiteral("type")).toString();
    if (type == u"content_block_start")
        m_started = true;
    readEvent(data);
    if (m_upstreamError)
        return;
    // Passed on as it came.
    m_clientBytes += "event: " + event.type + "\ndata: " + event.data + "\n\n";
}

QByteArray AnthropicStreamTranslator::errorEvent(const QString& message, const QString&) const
{
    return AnthropicSse::errorEvent(message);
}
