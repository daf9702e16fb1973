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
