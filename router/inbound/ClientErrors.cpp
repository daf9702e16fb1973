#include "router/inbound/ClientErrors.h"

#include <QJsonDocument>

namespace {

// google.rpc.Code's name for an HTTP status, as Google's APIs pair them. Gemini CLI retries
// 429 and 5xx and gives up on the rest, so the number matters more than the name.
QString googleStatus(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("INVALID_ARGUMENT");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 409:
        return QStringLiteral("ABORTED");
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 499:
        return QStringLiteral("CANCELLED");
    case 501:
        return QStringLiteral("UNIMPLEMENTED");
    case 503:
    case 529: // Anthropic's "overloaded"
        return QStringLiteral("UNAVAILABLE");
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    default:
        return status < 500 ? QStringLiteral("FAILED_PRECONDITION") : QStringLiteral("INTERNAL");
    }
}

} // namespace

QByteArray ClientErrors::body(ClientProtocol protocol, const Error& error)
{
    if (protocol == ClientProtocol::Gemini)
        return googleBody(error);
    QJsonObject inner { { QStringLiteral("message"), error.message } };
    if (!error.metadata.isEmpty())
        inner.insert(QStringLiteral("metadata"), error.metadata);
    QJsonObject root;
    if (protocol == ClientProtocol::Anthropic) {
        inner.insert(QStringLiteral("type"), anthropicType(error.status));
        root = { { QStringLiteral("type"), QStringLiteral("error") },
            { QStringLiteral("error"), inner } };
    } else {
        inner.insert(QStringLiteral("type"), error.type);
        inner.insert(QStringLiteral("code"),
            error.code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error.code));
        root = { { QStringLiteral("error"), inner } };
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QString ClientErrors::anthropicType(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("invalid_request_error");
    case 401:
        return QStringLiteral("authentication_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 413:
        return QStringLiteral("request_too_large");
    case 429:
        return QStringLiteral("rate_limit_error");
    case 529:
        return QStringLiteral("overloaded_error");
    default:
        return QStringLiteral("api_error");
    }
}

QByteArray ClientErrors::googleBody(const Error& error)
{
    QJsonObject inner { { QStringLiteral("code"), error.status },
        { QStringLiteral("message"), error.message },
        { QStringLiteral("status"), googleStatus(error.status) } };
    if (!error.metadata.isEmpty())
        inner.insert(QStringLiteral("metadata"), error.metadata);
    if (error.retryAfterSeconds) {
        // Gemini CLI waits as long as RetryInfo says before it tries again.
        inner.insert(QStringLiteral("details"),
            QJsonArray {
                QJsonObject { { QStringLiteral("@type"),
                                  QStringLiteral("type.googleapis.com/google.rpc.RetryInfo") },
                    { QStringLiteral("retryDelay"),
                        QStringLiteral("%1s").arg(*error.retryAfterSeconds) } } });
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("error"), inner } })
        .toJson(QJsonDocument::Compact);
}

ClientErrors::Error ClientErrors::badRequest(const QString& message)
{
    return { 400, message, QStringLiteral("invalid_request_error"), {}, {} };
}

ClientErrors::Error ClientErrors::fromFailure(const Failure& failure)
{
    switch (failure.kind) {
    case FailureKind::InvalidInput:
    case FailureKind::Unsupported:
    case FailureKind::NotFound:
    case FailureKind::Conflict:
        return badRequest(failure.message);
    case FailureKind::Database:
    case FailureKind::Keychain:
    case FailureKind::Network:
        break;
    }
    return { 500, failure.message, QStringLiteral("api_error"), {}, {} };
}

ClientErrors::Error ClientErrors::unauthorized(const QString& message)
{
    return { 401, message, QStringLiteral("invalid_request_error"),
        QStringLiteral("invalid_api_key"), {} };
}
