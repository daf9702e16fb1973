#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

// Google's JSON front end reads each field of a request under its lowerCamel name and under
// its proto name in snake_case ("systemInstruction" or "system_instruction"), and clients send
// both: the SDKs lowerCamel, the REST documentation's samples snake_case.

// "inline_data" as "inlineData"; a lowerCamel name as it is.
inline QString camelCaseOf(const QString& name)
{
    QString camel;
    camel.reserve(name.size());
    bool upper = false;
    for (const QChar c : name) {
        if (c == u'_' && !camel.isEmpty()) {
            upper = true;
            continue;
        }
        camel.append(upper ? c.toUpper() : c);
        upper = false;
    }
    return camel;
}

// The field `camel` of a Google request object, under either of its names.
inline QJsonValue googleField(const QJsonObject& object, const char* camel)
{
    const QLatin1StringView name(camel);
    if (const auto it = object.constFind(name); it != object.constEnd())
        return *it;
    QString snake;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z') {
            snake.append(u'_');
            snake.append(QLatin1Char(char(c - 'A' + 'a')));
        } else {
            snake.append(QLatin1Char(c));
        }
    }
    return object.value(snake);
}
