#pragma once

#include "tests/support/FakeToolCall.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What OpenAI's chat completions answer, as the fake provider sends it: a whole completion, the
// chunks of a stream (usage in its own last chunk, then [DONE]) and error events.
class OpenAiChatWire
{
public:
    // "Hello from the fake.", whole or in three content chunks.
    static QByteArray completion(const QString& model);
    static QList<QByteArray> events(const QString& model);
    // A call of the tool, its arguments streamed in two fragments.
    static QByteArray toolCallCompletion(const QString& model, const FakeToolCall& call);
    static QList<QByteArray> toolCallEvents(const QString& model, const FakeToolCall& call);
    static QByteArray errorEvent(int code, const char* message);
    // Azure's first chunk: no choices, only the prompt's content filter results.
    static QByteArray azureFilterResults();
};
