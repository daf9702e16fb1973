#pragma once

#include "router/translate/AnthropicSseReader.h"

#include <QHash>

// An Anthropic Messages stream as OpenAI chat-completion chunks, as it arrives: text deltas as
// content, tool_use blocks as tool_calls (id and name first, then the arguments as they come),
// thinking as OpenRouter's `reasoning`, the stop reason as finish_reason, and the usage chunk
// (when the client asked for it) and [DONE] at the end.
class AnthropicToOpenAiStream : public AnthropicSseReader
{
public:
    explicit AnthropicToOpenAiStream(bool clientWantsUsage);

    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    void blockStarted(const QJsonObject& data) override;
    void stopped(const QString& stopReason) override;
    void blockDelta(const QJsonObject& data) override;
    void emitDelta(const QJsonObject& delta, const QJsonValue& finishReason = {});
    QByteArray chunk(const QJsonObject& delta, const QJsonValue& finishReason) const;
    QString chunkId() const;

    bool m_clientWantsUsage;
    bool m_roleSent = false;
    QHash<int, int> m_toolCallOfBlock; // content block index → OpenAI tool call index
};
