#include "tests/support/OpenAiChatWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray sse(const QJsonObject& data)
{
    return "data: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

QJsonObject chunkOf(const QString& model, const QJsonArray& choices)
{
    return { { "id", "chatcmpl-fake" }, { "object", "chat.completion.chunk" }, { "model", model },
        { "choices", choices } };
}

// A content chunk, or with `finishReason` the empty last one that says why the answer ended.
QByteArray chunk(const QString& model, const QString& content, const char* finishReason = nullptr)
{
    const QJsonObject choice { { "index", 0 },
        { "delta", content.isEmpty() ? QJsonObject() : QJsonObject { { "content", content } } },
        { "finish_reason", finishReason ? QJsonValue(finishReason) : QJsonValue() } };
    return sse(chunkOf(model, { choice }));
}

QJsonObject usage(int prompt, int completion)
{
    return { { "prompt_tokens", prompt }, { "completion_tokens", completion },
        { "total_tokens", prompt + completion } };
}

// The usage of the whole answer: a stream reports the same as the answer asked for whole.
QByteArray usageChunk(const QString& model, int prompt, int completion)
{
    QJsonObject body = chunkOf(model, {});
    body.insert("usage", usage(prompt, completion));
    return sse(body);
}

QByteArray whole(const QString& model, const QJsonObject& message, const char* finishReason,
    const QJsonObject& usage)
{
    const QJsonObject body { { "id", "chatcmpl-fake" }, { "object", "chat.completion" },
        { "model", model },
        { "choices",
            QJsonArray { QJsonObject {
                { "index", 0 }, { "message", message }, { "finish_reason", finishReason } } } },
        { "usage", usage } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// A chunk of the call: its start (with an empty `function` arguments string), a fragment, or
// with `finish` the last one.
QByteArray callChunk(const QString& model, const QJsonObject& toolCall, const QJsonValue& finish)
{
    QJsonObject delta;
    if (!toolCall.isEmpty())
        delta.insert("tool_calls", QJsonArray { toolCall });
    return sse(chunkOf(model,
        { QJsonObject { { "index", 0 }, { "delta", delta }, { "finish_reason", finish } } }));
}

} // namespace

QByteArray OpenAiChatWire::completion(const QString& model)
{
    return whole(model, { { "role", "assistant" }, { "content", "Hello from the fake." } }, "stop",
        usage(5, 4));
}

QList<QByteArray> OpenAiChatWire::events(const QString& model)
{
    return { chunk(model, "Hello"), chunk(model, " from"), chunk(model, " the fake."),
        chunk(model, {}, "stop"), usageChunk(model, 5, 4), "data: [DONE]\n\n" };
}

QByteArray OpenAiChatWire::toolCallCompletion(const QString& model, const FakeToolCall& call)
{
    const QJsonObject toolCall { { "id", "call_fake1" }, { "type", "function" },
        { "function",
            QJsonObject { { "name", call.name },
                { "arguments", QString::fromUtf8(call.argumentsJson()) } } } };
    return whole(model,
        { { "role", "assistant" }, { "content", QJsonValue() },
            { "tool_calls", QJsonArray { toolCall } } },
        "tool_calls", usage(20, 9));
}

QList<QByteArray> OpenAiChatWire::toolCallEvents(const QString& model, const FakeToolCall& call)
{
    QList<QByteArray> events { callChunk(model,
        { { "index", 0 }, { "id", "call_fake1" }, { "type", "function" },
            { "function", QJsonObject { { "name", call.name }, { "arguments", "" } } } },
        QJsonValue()) };
    for (const QString& piece : call.argumentPieces()) {
        events += callChunk(model,
            { { "index", 0 }, { "function", QJsonObject { { "arguments", piece } } } },
            QJsonValue());
    }
    return events
        + QList<QByteArray> { callChunk(model, {}, "tool_calls"), usageChunk(model, 20, 9),
              "data: [DONE]\n\n" };
}

QByteArray OpenAiChatWire::errorEvent(int code, const char* message)
{
    return sse({ { "error",
        QJsonObject { { "message", message }, { "type", "server_error" }, { "code", code } } } });
}

QByteArray OpenAiChatWire::azureFilterResults()
{
    return sse({ { "id", "" }, { "object", "" }, { "model", "" }, { "choices", QJsonArray() },
        { "prompt_filter_results",
            QJsonArray { QJsonObject {
                { "prompt_index", 0 }, { "content_filter_results", QJsonObject() } } } } });
}
