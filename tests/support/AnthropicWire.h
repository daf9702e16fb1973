#pragma once

#include "tests/support/FakeToolCall.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What Anthropic's Messages API (and Claude on Vertex) answers, as the fake provider sends it:
// a whole message, the events of a stream and error events.
class AnthropicWire
{
public:
    // "Hello from the fake.", whole or streamed (message_start, ping, the text block in two
    // deltas, message_delta, message_stop).
    static QByteArray message(const QString& model);
    static QList<QByteArray> events(const QString& model);
    // "Checking." and a tool_use block calling the tool, its input streamed in two fragments.
    static QByteArray toolUse(const QString& model, const FakeToolCall& call);
    static QList<QByteArray> toolUseEvents(const QString& model, const FakeToolCall& call);
    static QByteArray errorEvent(const char* type, const char* message);
};
