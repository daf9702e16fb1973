#include "tests/support/AnthropicWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray event(const char* type, const QJsonObject& data)
{
    return "event: " + QByteArray(type)
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray whole(const QString& model, const QJsonArray& content, const char* stopReason,
    const QJsonObject& usage)
{
    const QJsonObject body { { "id", "msg_fake" }, { "type", "message" }, { "role", "assistant" },
        { "model", model }, { "content", content }, { "stop_reason", stopReason },
        { "stop_sequence", QJsonValue() }, { "usage", usage } };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// A stream's first event: the message, still empty, with the prompt's usage.
QByteArray start(const QString& model, const QJsonObject& usage)
{
    return event("message_start",
        { { "type", "message_start" },
            { "message",
                QJsonObject { { "id", "msg_fake" }, { "type", "message" }, { "role", "assistant" },
                    { "model", model }, { "content", QJsonArray() }, { "usage", usage } } } });
}

QByteArray blockStart(int index, const QJsonObject& block)
{
    return event("content_block_start",
        { { "type", "content_block_start" }, { "index", index }, { "content_block", block } });
}

QByteArray blockDelta(int index, const QJsonObject& delta)
{
    return event("content_block_delta",
        { { "type", "content_block_delta" }, { "index", index }, { "delta", delta } });
}

QByteArray textDelta(const QString& text)
{
    return blockDelta(0, { { "type", "text_delta" }, { "text", text } });
}

QByteArray blockStop(int index)
{
    return event("content_block_stop", { { "type", "content_block_stop" }, { "index", index } });
}

// The last two events: why the message ended, with its output tokens, and the end.
QList<QByteArray> ending(const char* stopReason, int outputTokens)
{
    return { event("message_delta",
                 { { "type", "message_delta" },
                     { "delta",
                         QJsonObject {
                             { "stop_reason", stopReason }, { "stop_sequence", QJsonValue() } } },
                     { "usage", QJsonObject { { "output_tokens", outputTokens } } } }),
        event("message_stop", { { "type", "message_stop" } }) };
}

const QJsonObject emptyText { { "type", "text" }, { "text", "" } };

} // namespace

QByteArray AnthropicWire::message(const QString& model)
{
    return whole(model, { QJsonObject { { "type", "text" }, { "text", "Hello from the fake." } } },
        "end_turn",
        { { "input_tokens", 5 }, { "output_tokens", 4 }, { "cache_read_input_tokens", 2 },
            { "cache_creation_input_tokens", 0 } });
}

QList<QByteArray> AnthropicWire::events(const QString& model)
{
    return QList<QByteArray> { start(model,
                                   { { "input_tokens", 5 }, { "output_tokens", 1 },
                                       { "cache_read_input_tokens", 2 },
                                       { "cache_creation_input_tokens", 0 } }),
        event("ping", { { "type", "ping" } }), blockStart(0, emptyText), textDelta("Hello from"),
        textDelta(" the fake."), blockStop(0) }
    + ending("end_turn", 4);
}

QByteArray AnthropicWire::toolUse(const QString& model, const FakeToolCall& call)
{
    return whole(model,
        { QJsonObject { { "type", "text" }, { "text", "Checking." } },
            QJsonObject { { "type", "tool_use" }, { "id", "toolu_fake1" }, { "name", call.name },
                { "input", call.arguments } } },
        "tool_use", { { "input_tokens", 20 }, { "output_tokens", 9 } });
}

QList<QByteArray> AnthropicWire::toolUseEvents(const QString& model, const FakeToolCall& call)
{
    QList<QByteArray> events { start(model, { { "input_tokens", 20 }, { "output_tokens", 1 } }),
        blockStart(0, emptyText), textDelta("Checking."), blockStop(0),
        blockStart(1,
            { { "type", "tool_use" }, { "id", "toolu_fake1" }, { "name", call.name },
                { "input", QJsonObject() } }) };
    for (const QString& piece : call.argumentPieces())
        events += blockDelta(1, { { "type", "input_json_delta" }, { "partial_json", piece } });
    return events + QList<QByteArray> { blockStop(1) } + ending("tool_use", 9);
}

QByteArray AnthropicWire::errorEvent(const char* type, const char* message)
{
    return event("error",
        { { "type", "error" },
            { "error", QJsonObject { { "type", type }, { "message", message } } } });
}
