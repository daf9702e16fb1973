#include "router/translate/AnthropicErrorType.h"

#include "router/inbound/ClientErrors.h"

#include <QHash>
#include <QSet>

QString AnthropicErrorType::of(const QJsonObject& upstreamError)
{
    const QString type = upstreamError.value(QStringLiteral("type")).toString();
    static const QSet<QString> anthropic { QStringLiteral("invalid_request_error"),
        QStringLiteral("authentication_error"), QStringLiteral("billing_error"),
        QStringLiteral("permission_error"), QStringLiteral("not_found_error"),
        QStringLiteral("request_too_large"), QStringLiteral("rate_limit_error"),
        QStringLiteral("api_error"), QStringLiteral("overloaded_error"),
        QStringLiteral("timeout_error") };
    if (anthropic.contains(type))
        return type;
    // ConverseToAnthropicStream keeps the name of the exception Bedrock sent.
    static const QHash<QString, QString> bedrock {
        { QStringLiteral("throttlingException"), QStringLiteral("rate_limit_error") },
        { QStringLiteral("serviceUnavailableException"), QStringLiteral("overloaded_error") },
        { QStringLiteral("modelNotReadyException"), QStringLiteral("overloaded_error") },
        { QStringLiteral("validationException"), QStringLiteral("invalid_request_error") },
        { QStringLiteral("modelTimeoutException"), QStringLiteral("timeout_error") },
    };
    if (const auto found = bedrock.constFind(type); found != bedrock.cend())
        return *found;
    // OpenAI names a rate limit in its code, or in its type ("requests", "tokens").
    const QJsonValue code = upstreamError.value(QStringLiteral("code"));
    if (code.toString() == u"rate_limit_exceeded" || type == u"requests" || type == u"tokens")
        return QStringLiteral("rate_limit_error");
    // Google's errors, and some gateways', carry the HTTP status they stand for.
    return ofStatus(code.toInt());
}

QString AnthropicErrorType::ofStatus(int status)
{
    // What the router's own errors never are: an upstream that is overloaded or timed out.
    if (status == 503)
        return QStringLiteral("overloaded_error");
    if (status == 504)
        return QStringLiteral("timeout_error");
    return ClientErrors::anthropicType(status);
}
