#pragma once

#include "router/core/UpstreamOutcome.h"
#include "router/http/HttpHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <optional>

// Google's error answers ({"error": {code, message, status, details}}, google.rpc.Status) as
// the router's outcome classes, and the rest a rate-limited key should take from them.
class GoogleErrors
{
public:
    // RESOURCE_EXHAUSTED is a rate limit; API_KEY_INVALID (which Google sends as a 400) an
    // invalid key; BILLING_DISABLED no credit; SERVICE_DISABLED, PERMISSION_DENIED and an
    // unsupported location a model the key cannot use. Anything else by its HTTP status.
    static UpstreamOutcome classify(int httpStatus, const QByteArray& body);
    // A quota that counts per day rests the key until the quota resets (midnight Pacific
    // time); otherwise RetryInfo's retryDelay ("33s", "1.5s"), or what the headers say.
    // Nothing when the answer says nothing usable.
    static std::optional<std::chrono::milliseconds> cooldown(
        const HttpHeaders& headers, const QByteArray& body, const QDateTime& now);
    // The error object of an answer, also when it came as a one-element array (in a stream).
    static QJsonObject errorOf(const QByteArray& body);
    // The first midnight in Pacific time after `now`, when Google's daily quotas reset.
    static QDateTime nextQuotaReset(const QDateTime& now);
};
