#pragma once

#include "router/translate/AnthropicSseReader.h"

#include <QHash>
#include <QJsonArray>

// An Anthropic Messages stream as Gemini's streamGenerateContent answer, as it arrives: each
// chunk a whole GenerateContentResponse holding only the new parts — text deltas as text parts,
// thinking as thought parts when the client asked for thoughts, a tool_use block as one whole
// functionCall once the block ends (Gemini never sends partial arguments) — with the cumulative
// usageMetadata, modelVersion and responseId on every chunk and the finishReason on the last.
//
// Two framings, as Google writes them: with alt=sse each chunk is `data: <compact JSON>` and a
// blank line (CRLF), with no event lines and no end marker; without it the answer is one JSON
// array written element by element. A failure after the first chunk ends the answer with
// Google's error object: raw, outside the SSE framing (what Google writes and the Gemini SDK
// recognises — an SSE-framed error it ignores), or as the array's last element.
class AnthropicToGeminiStream : public AnthropicSseReader
{
public:
    enum class Framing {
        Sse, // ?alt=sse
        JsonArray, // no alt, or alt=json
    };

    explicit AnthropicToGeminiStream(bool includeThoughts, Framing framing = Framing::Sse);

    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    struct ToolCall
    {
        QJsonObject block; // the tool_use block of content_block_start
        QByteArray input; // its input_json_delta pieces
    };

    void take(const SseParser::Event& event) override;
    void blockStarted(const QJsonObject& data);
    void blockDelta(const QJsonObject& data);
    void blockStopped(const QJsonObject& data);
    void emitPart(const QJsonObject& block);
    void emitChunk(const QJsonArray& parts, const QString& finishReason = {});
    // The bytes that put one more element after those written (the array's "[" or ",").
    QByteArray element(const QByteArray& json) const;

    bool m_includeThoughts;
    Framing m_framing;
    int m_chunks = 0;
    bool m_malformedCall = false;
    QHash<int, ToolCall> m_toolCallOfBlock; // content block index → its call so far
};
