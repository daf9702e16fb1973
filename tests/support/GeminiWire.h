#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// What Google's generateContent and streamGenerateContent?alt=sse answer, as the fake provider
// sends it: a whole answer, the chunks of a stream (with the CRLF framing Google uses), and
// errors in google.rpc.Status form.
class GeminiWire
{
public:
    // "Hello from the fake.", or a call of get_weather({"city": "Paris"}) after "Checking.".
    static QByteArray answer(const QString& model, bool toolCall);
    static QList<QByteArray> events(const QString& model, bool toolCall);
    static QByteArray error(int code, const char* message, const char* status);
    static QByteArray errorChunk(int code, const char* message, const char* status);
    // The model of a request path: /v1beta/models/{model}:method or
    // /v1/projects/…/publishers/{publisher}/models/{model}:method.
    static QString modelOf(const QByteArray& path);
    static bool isGenerateContent(const QByteArray& path);
    static bool isRawPredict(const QByteArray& path);
};
