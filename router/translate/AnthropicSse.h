#pragma once

#include <QByteArray>
#include <QJsonArray>
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

// The data of message_start, which opens every Anthropic stream: an empty assistant message.
// `usage` holds the input tokens as far as they are known when the stream starts.
inline QJsonObject messageStart(const QString& id, const QString& model, QJsonObject usage)
{
    if (!usage.contains(QStringLiteral("input_tokens")))
        usage.insert(QStringLiteral("input_tokens"), 0);
    usage.insert(QStringLiteral("output_tokens"), 0);
    return { { QStringLiteral("type"), QStringLiteral("message_start") },
        { QStringLiteral("message"),
            QJsonObject { { QStringLiteral("id"), id },
                { QStringLiteral("type"), QStringLiteral("message") },
                { QStringLiteral("role"), QStringLiteral("assistant") },
                { QStringLiteral("model"), model }, { QStringLiteral("content"), QJsonArray() },
                { QStringLiteral("stop_reason"), QJsonValue() },
                { QStringLiteral("stop_sequence"), QJsonValue() },
                { QStringLiteral("usage"), usage } } } };
}

// The error event that ends a broken stream: Anthropic's SDKs know their own error types, and a
// broken upstream is an api_error to them, unless the upstream's own error said more (an
// overload, a rate limit: AnthropicErrorType).
inline QByteArray errorEvent(
    const QString& message, const QString& type = QStringLiteral("api_error"))
{
    return event("error",
        { { QStringLiteral("type"), QStringLiteral("error") },
            { QStringLiteral("error"),
                QJsonObject {
                    { QStringLiteral("type"), type }, { QStringLiteral("message"), message } } } });
}

} // namespace AnthropicSse
