#pragma once

#include "SseStreamTranslator.h"

// An Anthropic Messages stream passed through to an Anthropic client event by event. It reads
// what the router needs on the way: the model and input tokens of message_start, the
// cumulative output tokens of each message_delta, its stop_reason (complete), message_stop
// (finished) and an error event mid-stream. Pings pass through; they do not start the answer.
class AnthropicStreamTranslator : public SseStreamTranslator
{
public:
    QByteArray closing() const override { return {}; } // message_stop ends it
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    void take(const SseParser::Event& event) override;
};
