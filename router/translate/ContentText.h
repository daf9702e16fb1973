#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

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

inline QJsonObject anthropicTextBlock(const QString& text)
{
    return { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), text } };
}

// An image given by URL (OpenAI's chat and Responses APIs) as an Anthropic image block: a data
// URL with base64 content, or a web address. Nothing for anything else (a file id: Keyway keeps
// no files).
inline std::optional<QJsonObject> anthropicImageBlock(const QString& url)
{
    QJsonObject source;
    if (url.startsWith(u"data:")) {
        // data:image/png;base64,AAAA
        const qsizetype comma = url.indexOf(u',');
        const QString header = url.mid(5, comma - 5);
        if (comma < 0 || !header.endsWith(u";base64"))
            return std::nullopt;
        source = { { QStringLiteral("type"), QStringLiteral("base64") },
            { QStringLiteral("media_type"), header.chopped(7) },
            { QStringLiteral("data"), url.mid(comma + 1) } };
    } else if (url.startsWith(u"https://") || url.startsWith(u"http://")) {
        source
            = { { QStringLiteral("type"), QStringLiteral("url") }, { QStringLiteral("url"), url } };
    } else {
        return std::nullopt;
    }
    return QJsonObject { { QStringLiteral("type"), QStringLiteral("image") },
        { QStringLiteral("source"), source } };
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
