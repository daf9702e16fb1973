#pragma once

#include "tests/support/FakeToolCall.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What Google's generateContent and streamGenerateContent?alt=sse answer, as the fake provider
// sends it: a whole answer, the chunks of a stream (with the CRLF framing Google uses), and
// errors in google.rpc.Status form.
class GeminiWire
{
public:
    // "Hello from the fake.", whole or in two chunks.
    static QByteArray answer(const QString& model);
    static QList<QByteArray> events(const QString& model);
    // "Checking." and a functionCall part calling the tool (whole: Gemini streams no fragments).
    static QByteArray toolCallAnswer(const QString& model, const FakeToolCall& call);
    static QList<QByteArray> toolCallEvents(const QString& model, const FakeToolCall& call);
    static QByteArray error(int code, const char* message, const char* status);
    static QByteArray errorChunk(int code, const char* message, const char* status);
    // The model of a request path: /v1beta/models/{model}:method or
    // /v1/projects/…/publishers/{publisher}/models/{model}:method.
    static QString modelOf(const QByteArray& path);
    static bool isGenerateContent(const QByteArray& path);
    static bool isRawPredict(const QByteArray& path);
};
