#include "router/translate/GeminiStreamTranslator.h"

#include "router/inbound/ClientErrors.h"

#include <QStringList>

GeminiStreamTranslator::GeminiStreamTranslator(GeminiStreamFraming::Framing framing)
    : m_framing(framing)
{ }

void GeminiStreamTranslator::take(const SseParser::Event& event)
{
    const std::optional<QJsonObject> chunk = chunkOf(event);
    if (!chunk)
        return;
    readChunk(*chunk);
    if (beginsAnswer(partsOf(candidateOf(*chunk))))
        m_started = true;
    // The chunk's own bytes, unless they span lines: a Gemini client reads one line per event.
    const bool oneLine = !event.data.contains('\n') && !event.data.contains('\r');
    m_clientBytes += m_framing.chunk(
        oneLine ? event.data : QJsonDocument(*chunk).toJson(QJsonDocument::Compact));
}

bool GeminiStreamTranslator::beginsAnswer(const QJsonArray& parts)
{
    // Any part of the answer but an empty text part, which carries a signature at most.
    static const QStringList dataFields { QStringLiteral("functionCall"),
        QStringLiteral("inlineData"), QStringLiteral("fileData"), QStringLiteral("executableCode"),
        QStringLiteral("codeExecutionResult") };
    for (const QJsonValue& value : parts) {
        const QJsonObject part = value.toObject();
        if (part.value(QStringLiteral("thought")).toBool()
            || !part.value(QStringLiteral("text")).toString().isEmpty())
            return true;
        for (const QString& field : dataFields) {
            if (part.contains(field))
                return true;
        }
    }
    return false;
}

QByteArray GeminiStreamTranslator::closing() const
{
    return m_framing.closing();
}

QByteArray GeminiStreamTranslator::errorEvent(const QString& message, const QString&) const
{
    // The router's error types name no Google code; only the upstream's own error has one.
    const int code
        = m_upstreamError ? m_upstreamError->value(QStringLiteral("code")).toInt(500) : 500;
    return m_framing.error(
        ClientErrors::googleBody({ code >= 400 && code < 600 ? code : 500, message, {}, {}, {} }));
}
