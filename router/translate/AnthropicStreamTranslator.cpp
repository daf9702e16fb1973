#include "router/translate/AnthropicStreamTranslator.h"

#include "router/translate/AnthropicErrorType.h"
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
    // Passed on as it came: data that came in several lines goes out in as many data lines.
    m_clientBytes += "event: " + event.type + '\n';
    for (const QByteArray& line : event.data.split('\n'))
        m_clientBytes += "data: " + line + '\n';
    m_clientBytes += '\n';
}

QByteArray AnthropicStreamTranslator::errorEvent(const QString& message, const QString&) const
{
    return AnthropicSse::errorEvent(message,
        m_upstreamError ? AnthropicErrorType::of(*m_upstreamError) : QStringLiteral("api_error"));
}
