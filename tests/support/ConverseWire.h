#pragma once

#include "tests/support/FakeToolCall.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What Amazon Bedrock's Converse API answers, as the fake provider sends it: a whole answer and
// the binary event stream (application/vnd.amazon.eventstream) of one.
class ConverseWire
{
public:
    // "Hello from the fake.", whole or in two text deltas.
    static QByteArray answer();
    static QList<QByteArray> events();
    // "Checking." and a toolUse calling the tool, its input streamed in two fragments.
    static QByteArray toolCallAnswer(const FakeToolCall& call);
    static QList<QByteArray> toolCallEvents(const FakeToolCall& call);
    // Bedrock's path: /model/{model id, percent-encoded}/converse[-stream].
    static bool isConverse(const QByteArray& path);
    static QString modelOf(const QByteArray& path);
};
