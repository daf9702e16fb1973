#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

// The server-sent events of Anthropic's Messages stream, as every translator that writes one
// sends them.
namespace AnthropicSse {

inline QByteArray event(const char* type, const QJsonObject& data)
{
    return "event: " + QByteArray(type)
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

// The error event that ends a broken stream: Anthropic's SDKs know their own error types, and a
// broken upstream is an api_error to them.
inline QByteArray errorEvent(const QString& message)
{
    return event("error",
        { { QStringLiteral("type"), QStringLiteral("error") },
            { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("api_error") },
                    { QStringLiteral("message"), message } } } });
}

} // namespace AnthropicSse
