#pragma once

#include "router/translate/SseStreamTranslator.h"

// The base of the translators that read an Anthropic Messages stream. It reads what the router
// needs from every such stream, in one place: message_start's id, model and usage, the
// cumulative usage of each message_delta and its stop_reason (complete), message_stop
// (finished) and an error event mid-stream. The translator adds what its client needs.
class AnthropicSseReader : public SseStreamTranslator
{
public:
    // Token counts from an Anthropic usage object: the prompt is every input token, those read
    // from and written to the cache included.
    static TokenUsage usageFrom(const QJsonObject& usage);

protected:
    // Reads one event's data for the answer as a whole.
    void readEvent(const QJsonObject& data);
    // The message id of message_start.
    const QString& messageId() const { return m_messageId; }

private:
    QString m_messageId;
};
