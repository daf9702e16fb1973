#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// The text of a message's content: a string as it is, or the "text" parts of a list of parts
// (OpenAI) or blocks (Anthropic), which have the same shape, joined by line breaks.
inline QString contentText(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue& part : content.toArray()) {
        if (part.toObject().value(QStringLiteral("type")).toString() == u"text")
            parts.append(part.toObject().value(QStringLiteral("text")).toString());
    }
    return parts.join(u'\n');
}

// An Anthropic tool_use block as an OpenAI tool call: its input becomes the JSON string of the
// function's arguments.
inline QJsonObject openAiToolCall(const QJsonObject& toolUse)
{
    return { { QStringLiteral("id"), toolUse.value(QStringLiteral("id")) },
        { QStringLiteral("type"), QStringLiteral("function") },
        { QStringLiteral("function"),
            QJsonObject { { QStringLiteral("name"), toolUse.value(QStringLiteral("name")) },
                { QStringLiteral("arguments"),
                    QString::fromUtf8(
                        QJsonDocument(toolUse.value(QStringLiteral("input")).toObject())
                            .toJson(QJsonDocument::Compact)) } } } };
}

// Adds Anthropic content blocks as a turn of `role`, merged into the last turn when that has
// the same role: Anthropic wants user and assistant to alternate, and tool results are the
// user's.
inline void appendAnthropicTurn(QJsonArray& turns, const QString& role, const QJsonArray& blocks)
{
    if (blocks.isEmpty())
        return;
    if (!turns.isEmpty() && turns.last().toObject().value(QStringLiteral("role")) == role) {
        QJsonObject last = turns.last().toObject();
        QJsonArray merged = last.value(QStringLiteral("content")).toArray();
        for (const QJsonValue& block : blocks)
            merged.append(block);
        last.insert(QStringLiteral("content"), merged);
        turns.replace(turns.size() - 1, last);
        return;
    }
    turns.append(
        QJsonObject { { QStringLiteral("role"), role }, { QStringLiteral("content"), blocks } });
}
