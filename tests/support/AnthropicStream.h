#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

// The events of an Anthropic Messages stream, built piece by piece: what the tests of the
// translators that read such a stream feed them.
namespace AnthropicStream {

inline QByteArray event(const QJsonObject& data)
{
    return "event: " + data.value(QStringLiteral("type")).toString().toUtf8()
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

// message_start of msg_1 from claude-x: 10 input tokens, 30 read from the cache, 5 written.
inline QByteArray messageStart()
{
    const QJsonObject usage { { "input_tokens", 10 }, { "cache_read_input_tokens", 30 },
        { "cache_creation_input_tokens", 5 }, { "output_tokens", 1 } };
    return event({ { "type", "message_start" },
        { "message",
            QJsonObject { { "id", "msg_1" }, { "type", "message" }, { "role", "assistant" },
                { "model", "claude-x" }, { "content", QJsonArray() },
                { "stop_reason", QJsonValue() }, { "usage", usage } } } });
}

inline QByteArray blockStart(int index, const QJsonObject& block)
{
    return event(
        { { "type", "content_block_start" }, { "index", index }, { "content_block", block } });
}

inline QByteArray delta(int index, const QJsonObject& body)
{
    return event({ { "type", "content_block_delta" }, { "index", index }, { "delta", body } });
}

inline QByteArray textDelta(int index, const QString& text)
{
    return delta(index, { { "type", "text_delta" }, { "text", text } });
}

inline QByteArray thinkingDelta(int index, const QString& thinking)
{
    return delta(index, { { "type", "thinking_delta" }, { "thinking", thinking } });
}

inline QByteArray jsonDelta(int index, const QString& piece)
{
    return delta(index, { { "type", "input_json_delta" }, { "partial_json", piece } });
}

inline QByteArray blockStop(int index)
{
    return event({ { "type", "content_block_stop" }, { "index", index } });
}

inline QByteArray textBlock(int index, const QStringList& pieces)
{
    QByteArray bytes = blockStart(index, { { "type", "text" }, { "text", "" } });
    for (const QString& piece : pieces)
        bytes += textDelta(index, piece);
    return bytes + blockStop(index);
}

inline QByteArray toolBlock(
    int index, const QString& id, const QString& name, const QStringList& pieces)
{
    QByteArray bytes = blockStart(index,
        { { "type", "tool_use" }, { "id", id }, { "name", name }, { "input", QJsonObject() } });
    for (const QString& piece : pieces)
        bytes += jsonDelta(index, piece);
    return bytes + blockStop(index);
}

// message_delta with the stop reason and the output tokens, then message_stop.
inline QByteArray messageEnd(const QString& stopReason, int outputTokens)
{
    return event({ { "type", "message_delta" },
               { "delta",
                   QJsonObject {
                       { "stop_reason", stopReason }, { "stop_sequence", QJsonValue() } } },
               { "usage", QJsonObject { { "output_tokens", outputTokens } } } })
        + event({ { "type", "message_stop" } });
}

} // namespace AnthropicStream
