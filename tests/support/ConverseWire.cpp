#include "tests/support/ConverseWire.h"

#include "tests/support/EventStreamEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray whole(const QJsonArray& content, const char* stopReason, const QJsonObject& usage)
{
    const QJsonObject body {
        { "output",
            QJsonObject {
                { "message", QJsonObject { { "role", "assistant" }, { "content", content } } } } },
        { "stopReason", stopReason }, { "usage", usage },
        { "metrics", QJsonObject { { "latencyMs", 12 } } }
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray event(const char* type, const QJsonObject& payload)
{
    return EventStreamEncoder::event(type, QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

QByteArray textDelta(const char* text)
{
    return event("contentBlockDelta",
        { { "contentBlockIndex", 0 }, { "delta", QJsonObject { { "text", text } } } });
}

QByteArray blockStop(int index)
{
    return event("contentBlockStop", { { "contentBlockIndex", index } });
}

QByteArray metadata(const QJsonObject& usage)
{
    return event(
        "metadata", { { "usage", usage }, { "metrics", QJsonObject { { "latencyMs", 12 } } } });
}

const QJsonObject textUsage { { "inputTokens", 5 }, { "outputTokens", 4 }, { "totalTokens", 9 },
    { "cacheReadInputTokens", 2 } };

} // namespace

QByteArray ConverseWire::answer()
{
    return whole({ QJsonObject { { "text", "Hello from the fake." } } }, "end_turn", textUsage);
}

QList<QByteArray> ConverseWire::events()
{
    return { event("messageStart", { { "role", "assistant" } }), textDelta("Hello from"),
        textDelta(" the fake."), blockStop(0),
        event("messageStop", { { "stopReason", "end_turn" } }), metadata(textUsage) };
}

QByteArray ConverseWire::toolCallAnswer(const FakeToolCall& call)
{
    const QJsonArray content { QJsonObject { { "text", "Checking." } },
        QJsonObject { { "toolUse",
            QJsonObject { { "toolUseId", "tooluse_fake1" }, { "name", call.name },
                { "input", call.arguments } } } } };
    return whole(content, "tool_use",
        { { "inputTokens", 20 }, { "outputTokens", 9 }, { "totalTokens", 29 } });
}

QList<QByteArray> ConverseWire::toolCallEvents(const FakeToolCall& call)
{
    QList<QByteArray> events { event("messageStart", { { "role", "assistant" } }),
        textDelta("Checking."), blockStop(0),
        event("contentBlockStart",
            { { "contentBlockIndex", 1 },
                { "start",
                    QJsonObject { { "toolUse",
                        QJsonObject {
                            { "toolUseId", "tooluse_fake1" }, { "name", call.name } } } } } }) };
    for (const QString& piece : call.argumentPieces()) {
        events += event("contentBlockDelta",
            { { "contentBlockIndex", 1 },
                { "delta", QJsonObject { { "toolUse", QJsonObject { { "input", piece } } } } } });
    }
    return events
        + QList<QByteArray> { blockStop(1), event("messageStop", { { "stopReason", "tool_use" } }),
              metadata({ { "inputTokens", 20 }, { "outputTokens", 9 } }) };
}

bool ConverseWire::isConverse(const QByteArray& path)
{
    return path.startsWith("/model/")
        && (path.endsWith("/converse") || path.endsWith("/converse-stream"));
}

QString ConverseWire::modelOf(const QByteArray& path)
{
    const QByteArray encoded = path.mid(7, path.lastIndexOf('/') - 7);
    return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
}
