#pragma once

#include "router/translate/SseStreamTranslator.h"

#include <QHash>

// An OpenAI chat-completions stream as the events of an Anthropic Messages stream, as it
// arrives: message_start with the first chunk, a text block for content deltas, a tool_use
// block per tool call with its arguments as input_json_delta, and at the end message_delta
// (stop reason, usage) and message_stop.
class OpenAiToAnthropicStream : public SseStreamTranslator
{
public:
    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    void take(const SseParser::Event& event) override;
    void startMessage(const QString& id);
    QByteArray messageStart(const QString& id) const;
    void text(const QString& delta);
    void toolCall(const QJsonObject& call);
    void closeBlock();
    void emitEvent(const char* type, const QJsonObject& data);

    bool m_messageStarted = false;
    int m_nextBlock = 0;
    int m_openBlock = -1;
    bool m_openBlockIsText = false;
    QHash<int, int> m_blockOfToolCall; // OpenAI tool call index → content block index
    QString m_stopReason = QStringLiteral("end_turn");
    QJsonObject m_openAiUsage;
};
