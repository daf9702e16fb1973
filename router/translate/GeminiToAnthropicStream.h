#pragma once

#include "router/translate/GeminiSseReader.h"

// Gemini's streamGenerateContent (alt=sse: each event a GenerateContentResponse chunk, no end
// marker) as the events of an Anthropic Messages stream: message_start with the first chunk, a
// text block per run of text, a thinking block per run of thought parts (its signature last), a
// tool_use block per function call — which Gemini sends whole, so its input comes as one
// input_json_delta — and, with the chunk that carries the finish reason, message_delta (stop
// reason, usage) and message_stop. An error chunk is the upstream's error.
class GeminiToAnthropicStream : public GeminiSseReader
{
public:
    explicit GeminiToAnthropicStream(QString model);

    // Nothing: the events that end the message come with the finish reason.
    QByteArray closing() const override { return {}; }
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    enum class Block { None, Text, Thinking };

    void take(const SseParser::Event& event) override;
    void startMessage(const QJsonObject& chunk);
    void takePart(const QJsonObject& part);
    void text(const QString& text);
    void thought(const QString& text, const QString& signature);
    void functionCall(const QJsonObject& call);
    void openBlock(Block kind, const QJsonObject& contentBlock);
    void closeBlock();
    void finish(const QString& finishReason, const QJsonObject& usageMetadata);
    void emitDelta(const QJsonObject& delta);
    void emitEvent(const char* type, const QJsonObject& data);

    bool m_messageStarted = false;
    int m_nextBlock = 0;
    int m_openBlock = -1;
    Block m_openKind = Block::None;
    QString m_signature; // of the open thinking block, sent when it closes
    bool m_calledTools = false;
};
