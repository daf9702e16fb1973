#include "router/translate/ResponsesEvents.h"

#include <QJsonDocument>

QByteArray ResponsesEvents::event(QJsonObject data, qint64 sequenceNumber)
{
    data.insert(QStringLiteral("sequence_number"), sequenceNumber);
    return "event: " + data.value(QStringLiteral("type")).toString().toUtf8()
        + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray ResponsesEvents::failure(QJsonObject response, const QString& code,
    const QString& message, const QString& type, qint64 sequenceNumber)
{
    const QJsonObject nested { { QStringLiteral("type"), type }, { QStringLiteral("code"), code },
        { QStringLiteral("message"), message }, { QStringLiteral("param"), QJsonValue() } };
    const QJsonObject error { { QStringLiteral("type"), QStringLiteral("error") },
        { QStringLiteral("code"), code }, { QStringLiteral("message"), message },
        { QStringLiteral("param"), QJsonValue() }, { QStringLiteral("error"), nested } };
    response.insert(QStringLiteral("status"), QStringLiteral("failed"));
    response.insert(QStringLiteral("error"),
        QJsonObject { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } });
    const QJsonObject failed { { QStringLiteral("type"), QStringLiteral("response.failed") },
        { QStringLiteral("response"), response } };
    return event(error, sequenceNumber) + event(failed, sequenceNumber + 1);
}

QString ResponsesEvents::errorCode(const std::optional<QJsonObject>& upstreamError)
{
    if (!upstreamError)
        return QStringLiteral("server_error");
    const QJsonValue code = upstreamError->value(QStringLiteral("code"));
    if (code.isString() && !code.toString().isEmpty())
        return code.toString();
    // An Anthropic overloaded_error stays a server error: Codex releases have taken
    // server_is_overloaded as final ("try a different model"); server_error they retry.
    if (upstreamError->value(QStringLiteral("type")).toString() == u"rate_limit_error")
        return QStringLiteral("rate_limit_exceeded");
    return QStringLiteral("server_error");
}

QJsonObject ResponsesEvents::usage(const TokenUsage& tokens)
{
    return { { QStringLiteral("input_tokens"), tokens.prompt },
        { QStringLiteral("input_tokens_details"),
            QJsonObject { { QStringLiteral("cached_tokens"), tokens.cached } } },
        { QStringLiteral("output_tokens"), tokens.completion },
        { QStringLiteral("output_tokens_details"),
            QJsonObject { { QStringLiteral("reasoning_tokens"), tokens.reasoning } } },
        { QStringLiteral("total_tokens"), tokens.prompt + tokens.completion } };
}

TokenUsage ResponsesEvents::usageFrom(const QJsonObject& usage)
{
    TokenUsage tokens;
    tokens.prompt = usage.value(QStringLiteral("input_tokens")).toInteger();
    tokens.completion = usage.value(QStringLiteral("output_tokens")).toInteger();
    tokens.cached = usage.value(QStringLiteral("input_tokens_details"))
                        .toObject()
                        .value(QStringLiteral("cached_tokens"))
                        .toInteger();
    tokens.reasoning = usage.value(QStringLiteral("output_tokens_details"))
                           .toObject()
                           .value(QStringLiteral("reasoning_tokens"))
                           .toInteger();
    return tokens;
}
