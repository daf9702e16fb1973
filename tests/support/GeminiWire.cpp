#include "tests/support/GeminiWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonObject chunk(const QString& model, const QJsonArray& parts, const char* finishReason,
    const QJsonObject& usage)
{
    QJsonObject candidate { { "content", QJsonObject { { "role", "model" }, { "parts", parts } } },
        { "index", 0 } };
    if (finishReason)
        candidate.insert("finishReason", finishReason);
    return { { "candidates", QJsonArray { candidate } }, { "usageMetadata", usage },
        { "modelVersion", model }, { "responseId", "fake-response-1" } };
}

QJsonObject usage(int prompt, int candidates, int cached = 0)
{
    QJsonObject usage { { "promptTokenCount", prompt }, { "candidatesTokenCount", candidates },
        { "totalTokenCount", prompt + candidates } };
    if (cached)
        usage.insert("cachedContentTokenCount", cached);
    return usage;
}

QJsonObject text(const char* text)
{
    return { { "text", text } };
}

QJsonObject functionCall(const FakeToolCall& call)
{
    return { { "functionCall",
        QJsonObject { { "name", call.name }, { "args", call.arguments } } } };
}

QByteArray sse(const QJsonObject& data)
{
    return "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\r\n\r\n";
}

} // namespace

QByteArray GeminiWire::answer(const QString& model)
{
    return QJsonDocument(chunk(model, { text("Hello from the fake.") }, "STOP", usage(5, 4, 2)))
        .toJson(QJsonDocument::Compact);
}

QList<QByteArray> GeminiWire::events(const QString& model)
{
    return { sse(chunk(model, { text("Hello from") }, nullptr, usage(5, 0))),
        sse(chunk(model, { text(" the fake.") }, "STOP", usage(5, 4, 2))) };
}

QByteArray GeminiWire::toolCallAnswer(const QString& model, const FakeToolCall& call)
{
    return QJsonDocument(
        chunk(model, { text("Checking."), functionCall(call) }, "STOP", usage(20, 9)))
        .toJson(QJsonDocument::Compact);
}

QList<QByteArray> GeminiWire::toolCallEvents(const QString& model, const FakeToolCall& call)
{
    return { sse(chunk(model, { text("Checking.") }, nullptr, usage(20, 0))),
        sse(chunk(model, { functionCall(call) }, "STOP", usage(20, 9))) };
}

QByteArray GeminiWire::error(int code, const char* message, const char* status)
{
    const QJsonObject body { { "error",
        QJsonObject { { "code", code }, { "message", message }, { "status", status } } } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray GeminiWire::errorChunk(int code, const char* message, const char* status)
{
    return "data: " + error(code, message, status) + "\r\n\r\n";
}

QString GeminiWire::modelOf(const QByteArray& path)
{
    const qsizetype start = path.lastIndexOf("/models/") + 8;
    return QString::fromUtf8(path.mid(start, path.lastIndexOf(':') - start));
}

bool GeminiWire::isGenerateContent(const QByteArray& path)
{
    return path.endsWith(":generateContent") || path.endsWith(":streamGenerateContent");
}

bool GeminiWire::isRawPredict(const QByteArray& path)
{
    return path.endsWith(":rawPredict") || path.endsWith(":streamRawPredict");
}
