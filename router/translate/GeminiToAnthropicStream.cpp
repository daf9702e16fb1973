#include "router/translate/GeminiToAnthropicStream.h"

#include "router/translate/AnthropicErrorType.h"
#include "router/translate/AnthropicSse.h"
#include "router/translate/AnthropicToGemini.h"

#include <QJsonArray>
#include <QJsonDocument>

GeminiToAnthropicStream::GeminiToAnthropicStream(QString model)
{
    m_servedModel = std::move(model);
}

void GeminiToAnthropicStream::take(const SseParser::Event& event)
{
    const std::optional<QJsonObject> parsed = chunkOf(event);
    if (!parsed)
        return;
    const QJsonObject& chunk = *parsed;
    readChunk(chunk);
    startMessage(chunk);
    const QJsonObject candidate = candidateOf(chunk);
    for (const QJsonValue& part : partsOf(candidate))
        takePart(part.toObject());
    if (const QString reason = candidate.value(QStringLiteral("finishReason")).toString();
        !reason.isEmpty())
        finish(reason, chunk.value(QStringLiteral("usageMetadata")).toObject());
}

void GeminiToAnthropicStream::startMessage(const QJsonObject& chunk)
{
    if (m_messageStarted)
        return;
    m_messageStarted = true;
    // Gemini counts the prompt in every chunk; the output so far is left to the end.
    const QJsonObject usageMetadata = chunk.value(QStringLiteral("usageMetadata")).toObject();
    emitEvent("message_start",
        AnthropicSse::messageStart(AnthropicToGemini::messageId(chunk), m_servedModel,
            AnthropicToGemini::anthropicUsage(usageMetadata)));
}

void GeminiToAnthropicStream::takePart(const QJsonObject& part)
{
    if (const QJsonObject call = part.value(QStringLiteral("functionCall")).toObject();
        !call.isEmpty())
        functionCall(call);
    else if (part.value(QStringLiteral("thought")).toBool())
        thought(part.value(QStringLiteral("text")).toString(),
            part.value(QStringLiteral("thoughtSignature")).toString());
    else if (const QString content = part.value(QStringLiteral("text")).toString();
             !content.isEmpty())
        text(content);
}

void GeminiToAnthropicStream::text(const QString& text)
{
    openBlock(Block::Text,
        { { QStringLiteral("type"), QStringLiteral("text") },
            { QStringLiteral("text"), QString() } });
    emitDelta({ { QStringLiteral("type"), QStringLiteral("text_delta") },
        { QStringLiteral("text"), text } });
}

void GeminiToAnthropicStream::thought(const QString& text, const QString& signature)
{
    openBlock(Block::Thinking,
        { { QStringLiteral("type"), QStringLiteral("thinking") },
            { QStringLiteral("thinking"), QString() },
            { QStringLiteral("signature"), QString() } });
    if (!signature.isEmpty())
        m_signature = signature;
    if (!text.isEmpty())
        emitDelta({ { QStringLiteral("type"), QStringLiteral("thinking_delta") },
            { QStringLiteral("thinking"), text } });
}

void GeminiToAnthropicStream::functionCall(const QJsonObject& call)
{
    closeBlock();
    m_calledTools = true;
    m_started = true;
    const int index = m_nextBlock++;
    emitEvent("content_block_start",
        { { QStringLiteral("type"), QStringLiteral("content_block_start") },
            { QStringLiteral("index"), index },
            { QStringLiteral("content_block"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("tool_use") },
                    { QStringLiteral("id"), AnthropicToGemini::toolUseId(call) },
                    { QStringLiteral("name"), call.value(QStringLiteral("name")) },
                    { QStringLiteral("input"), QJsonObject() } } } });
    const QJsonObject args = call.value(QStringLiteral("args")).toObject();
    emitEvent("content_block_delta",
        { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
            { QStringLiteral("index"), index },
            { QStringLiteral("delta"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("input_json_delta") },
                    { QStringLiteral("partial_json"),
                        QString::fromUtf8(
                            QJsonDocument(args).toJson(QJsonDocument::Compact)) } } } });
    emitEvent("content_block_stop",
        { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
            { QStringLiteral("index"), index } });
}

void GeminiToAnthropicStream::openBlock(Block kind, const QJsonObject& contentBlock)
{
    if (m_openKind == kind)
        return;
    closeBlock();
    m_started = true;
    m_openBlock = m_nextBlock++;
    m_openKind = kind;
    emitEvent("content_block_start",
        { { QStringLiteral("type"), QStringLiteral("content_block_start") },
            { QStringLiteral("index"), m_openBlock },
            { QStringLiteral("content_block"), contentBlock } });
}

void GeminiToAnthropicStream::closeBlock()
{
    if (m_openKind == Block::None)
        return;
    if (m_openKind == Block::Thinking && !m_signature.isEmpty())
        emitDelta({ { QStringLiteral("type"), QStringLiteral("signature_delta") },
            { QStringLiteral("signature"), std::exchange(m_signature, {}) } });
    emitEvent("content_block_stop",
        { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
            { QStringLiteral("index"), m_openBlock } });
    m_openBlock = -1;
    m_openKind = Block::None;
}

void GeminiToAnthropicStream::finish(const QString& finishReason, const QJsonObject& usageMetadata)
{
    closeBlock();
    emitEvent("message_delta",
        { { QStringLiteral("type"), QStringLiteral("message_delta") },
            { QStringLiteral("delta"),
                QJsonObject { { QStringLiteral("stop_reason"),
                                  AnthropicToGemini::stopReason(finishReason, m_calledTools) },
                    { QStringLiteral("stop_sequence"), QJsonValue() } } },
            { QStringLiteral("usage"), AnthropicToGemini::anthropicUsage(usageMetadata) } });
    emitEvent("message_stop", { { QStringLiteral("type"), QStringLiteral("message_stop") } });
    m_finished = true; // the Anthropic stream is whole; readChunk() made it complete
}

void GeminiToAnthropicStream::emitDelta(const QJsonObject& delta)
{
    emitEvent("content_block_delta",
        { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
            { QStringLiteral("index"), m_openBlock }, { QStringLiteral("delta"), delta } });
}

void GeminiToAnthropicStream::emitEvent(const char* type, const QJsonObject& data)
{
    m_clientBytes += AnthropicSse::event(type, data);
}

QByteArray GeminiToAnthropicStream::errorEvent(const QString& message, const QString&) const
{
    return AnthropicSse::errorEvent(message,
        m_upstreamError ? AnthropicErrorType::of(*m_upstreamError) : QStringLiteral("api_error"));
}
