#pragma once

#include "router/translate/AnthropicSseReader.h"

// An Anthropic Messages stream passed through to an Anthropic client event by event, read on the
// way (AnthropicSseReader). Pings pass through; they do not start the answer.
class AnthropicStreamTranslator : public AnthropicSseReader
{
public:
    QByteArray closing() const override { return {}; } // message_stop ends it
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    void take(const SseParser::Event& event) override;
};
