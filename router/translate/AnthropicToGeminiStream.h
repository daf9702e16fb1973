#pragma once

#include "router/translate/AnthropicSseReader.h"
#include "router/translate/GeminiStreamFraming.h"

#include <QHash>
#include <QJsonArray>

// An Anthropic Messages stream as Gemini's streamGenerateContent answer, as it arrives: each
// chunk a whole GenerateContentResponse holding only the new parts — text deltas as text parts,
// thinking as thought parts when the client asked for thoughts, a tool_use block as one whole
// functionCall once the block ends (Gemini never sends partial arguments) — with the cumulative
// usageMetadata, modelVersion and responseId on every chunk and the finishReason on the last,
// in either of Google's framings (GeminiStreamFraming).
class AnthropicToGeminiStream : public AnthropicSseReader
{
public:
    explicit AnthropicToGeminiStream(bool includeThoughts,
        GeminiStreamFraming::Framing framing = GeminiStreamFraming::Framing::Sse);

    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    struct ToolCall
    {
        QJsonObject block; // the tool_use block of content_block_start
        QByteArray input; // its input_json_delta pieces
    };

    void blockStarted(const QJsonObject& data) override;
    void stopped(const QString& stopReason) override;
    void blockDelta(const QJsonObject& data) override;
    void blockStopped(const QJsonObject& data) override;
    void emitPart(const QJsonObject& block);
    void emitChunk(const QJsonArray& parts, const QString& finishReason = {});

    bool m_includeThoughts;
    GeminiStreamFraming m_framing;
    bool m_malformedCall = false;
    QHash<int, ToolCall> m_toolCallOfBlock; // content block index → its call so far
};
