#pragma once

#include "router/translate/SseStreamTranslator.h"

// The base of the translators that read an Anthropic Messages stream. It reads what the router
// needs from every such stream, in one place: message_start's id, model and usage, the
// cumulative usage of each message_delta and its stop_reason (complete), message_stop
// (finished) and an error event mid-stream. The translator adds what its client needs, in the
// hooks take() calls for each event after reading it.
class AnthropicSseReader : public SseStreamTranslator
{
public:
    // Token counts from an Anthropic usage object: the prompt is every input token, those read
    // from and written to the cache included.
    static TokenUsage usageFrom(const QJsonObject& usage);

protected:
    // Reads the event, then hands it to the hook of its type.
    void take(const SseParser::Event& event) override;
    // Reads one event's data for the answer as a whole.
    void readEvent(const QJsonObject& data);

    virtual void messageStarted(const QJsonObject& /*data*/) { }
    virtual void blockStarted(const QJsonObject& /*data*/) { }
    virtual void blockDelta(const QJsonObject& /*data*/) { }
    virtual void blockStopped(const QJsonObject& /*data*/) { }
    // message_delta said why the message ended.
    virtual void stopped(const QString& /*stopReason*/) { }

    // The message id of message_start.
    const QString& messageId() const { return m_messageId; }

private:
    QString m_messageId;
};
