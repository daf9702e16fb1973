#include "router/translate/AnthropicToGeminiStream.h"

#include "router/translate/GeminiToAnthropic.h"

#include <QJsonDocument>

AnthropicToGeminiStream::AnthropicToGeminiStream(
    bool includeThoughts, GeminiStreamFraming::Framing framing)
    : m_includeThoughts(includeThoughts)
    , m_framing(framing)
{ }

// A call whose arguments are not JSON was not sent: Gemini's own reason for that.
void AnthropicToGeminiStream::stopped(const QString& stopReason)
{
    emitChunk({},
        m_malformedCall ? QStringLiteral("MALFORMED_FUNCTION_CALL")
                        : GeminiToAnthropic::finishReason(stopReason));
}

void AnthropicToGeminiStream::blockStarted(const QJsonObject& data)
{
    const QJsonObject block = data.value(QStringLiteral("content_block")).toObject();
    const QString type = block.value(QStringLiteral("type")).toString();
    if (type == u"tool_use")
        m_toolCallOfBlock.insert(data.value(QStringLiteral("index")).toInt(), { block, {} });
    else if (type == u"text" || type == u"thinking")
        emitPart(block); // a start with text already in it; usually empty, then its deltas
}

void AnthropicToGeminiStream::blockDelta(const QJsonObject& data)
{
    const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
    const QString type = delta.value(QStringLiteral("type")).toString();
    if (type == u"text_delta") {
        emitPart({ { QStringLiteral("type"), QStringLiteral("text") },
            { QStringLiteral("text"), delta.value(QStringLiteral("text")) } });
    } else if (type == u"thinking_delta") {
        // The model answers even when its thoughts are not shown: the stream has begun, and a
        // long hidden thinking must not pass for an upstream that never answered.
        m_started = true;
        emitPart({ { QStringLiteral("type"), QStringLiteral("thinking") },
            { QStringLiteral("thinking"), delta.value(QStringLiteral("thinking")) } });
    } else if (type == u"input_json_delta") {
        const auto call = m_toolCallOfBlock.find(data.value(QStringLiteral("index")).toInt());
        if (call != m_toolCallOfBlock.end())
            call->input += delta.value(QStringLiteral("partial_json")).toString().toUtf8();
    }
}

void AnthropicToGeminiStream::blockStopped(const QJsonObject& data)
{
    const auto call = m_toolCallOfBlock.find(data.value(QStringLiteral("index")).toInt());
    if (call == m_toolCallOfBlock.end())
        return;
    QJsonObject block = call->block;
    const QByteArray input = call->input.trimmed();
    m_toolCallOfBlock.erase(call);
    if (!input.isEmpty()) { // without pieces the start's input stands (an empty object)
        QJsonParseError error {};
        const QJsonDocument arguments = QJsonDocument::fromJson(input, &error);
        if (error.error != QJsonParseError::NoError || !arguments.isObject()) {
            ++m_malformedEvents;
            m_malformedCall = true;
            return;
        }
        block.insert(QStringLiteral("input"), arguments.object());
    }
    emitPart(block);
}

void AnthropicToGeminiStream::emitPart(const QJsonObject& block)
{
    const QJsonObject part = GeminiToAnthropic::part(block, m_includeThoughts);
    if (part.isEmpty())
        return; // thinking the client did not ask for, a block Gemini has no part for
    if (const QJsonValue text = part.value(QStringLiteral("text"));
        text.isString() && text.toString().isEmpty())
        return;
    emitChunk({ part });
}

void AnthropicToGeminiStream::emitChunk(const QJsonArray& parts, const QString& finishReason)
{
    QJsonObject content { { QStringLiteral("role"), QStringLiteral("model") } };
    if (!parts.isEmpty()) // Google sends no parts rather than an empty list
        content.insert(QStringLiteral("parts"), parts);
    QJsonObject candidate { { QStringLiteral("content"), content },
        { QStringLiteral("index"), 0 } };
    if (!finishReason.isEmpty())
        candidate.insert(QStringLiteral("finishReason"), finishReason);
    const QJsonObject response { { QStringLiteral("candidates"), QJsonArray { candidate } },
        { QStringLiteral("usageMetadata"), GeminiToAnthropic::usageMetadata(m_usage) },
        { QStringLiteral("modelVersion"), m_servedModel },
        { QStringLiteral("responseId"), messageId() } };
    m_clientBytes += m_framing.chunk(QJsonDocument(response).toJson(QJsonDocument::Compact));
    m_started = true;
}

QByteArray AnthropicToGeminiStream::closing() const
{
    return m_framing.closing();
}

QByteArray AnthropicToGeminiStream::errorEvent(const QString& message, const QString& type) const
{
    // The code from the upstream's own error type when it sent one (overloaded → 503, which
    // Gemini clients retry), otherwise from the router's.
    const QString errorType
        = m_upstreamError ? m_upstreamError->value(QStringLiteral("type")).toString(type) : type;
    const QByteArray anthropicError = QJsonDocument(
        QJsonObject { { QStringLiteral("type"), QStringLiteral("error") },
            { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("type"), errorType },
                    { QStringLiteral("message"),
                        message } } } }).toJson(QJsonDocument::Compact);
    return m_framing.error(GeminiToAnthropic::error(anthropicError));
}
