#pragma once

#include "router/core/Result.h"
#include "router/inbound/ClientCall.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Errors the router itself answers with, in the caller's protocol (DESIGN.md section 3):
// OpenAI {"error":{"message","type","code"}} (the Responses API's too), Anthropic
// {"type":"error","error":{...}} or Google {"error":{"code","message","status"}}, with the
// attempts in error.metadata.provider_responses when there were any.
class ClientErrors
{
public:
    struct Error
    {
        int status = 500;
        QString message;
        QString type; // OpenAI's type ("invalid_request_error", "rate_limit_error"...)
        QString code; // a machine-readable code ("model_not_found"); may be empty
        QJsonObject metadata; // provider_responses, key states...
        // When a retry may succeed (every key is resting): Google's clients read it from the
        // body (RetryInfo), the others from the Retry-After header.
        std::optional<int> retryAfterSeconds = {};
    };

    static QByteArray body(ClientProtocol protocol, const Error& error);
    // Google's shape, for callers of the Gemini API: {"error":{"code","message","status"}}
    // (google.rpc.Status), the status being the canonical name of the HTTP status
    // ("INVALID_ARGUMENT", "RESOURCE_EXHAUSTED"), and the metadata as in the other shapes.
    static QByteArray googleBody(const Error& error);
    static Error badRequest(const QString& message);
    // Anthropic's error type for an HTTP status ("rate_limit_error" for 429...), "api_error"
    // for a status it has no type of its own for.
    static QString anthropicType(int status);
    // The one mapping of a router failure to the client's answer: what the client sent or
    // asked for is a 400, anything else the router's own 500.
    static Error fromFailure(const Failure& failure);
    static Error unauthorized(const QString& message);
};
