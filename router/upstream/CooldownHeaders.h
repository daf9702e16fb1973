#pragma once

#include "router/http/HttpHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <chrono>
#include <optional>
#include <utility>

// How long a rate-limited key should rest, as the provider's answer says:
// retry-after-ms; Retry-After in seconds or as an HTTP date; and, when a limit's remaining count
// is 0, its reset header — OpenAI's Go-style durations ("6m0s", "20ms") or Anthropic's RFC 3339
// times. Nothing when the answer says nothing usable; the caller then backs off on its own.
class CooldownHeaders
{
public:
    using Headers = HttpHeaders;

    static std::optional<std::chrono::milliseconds> cooldown(
        const Headers& headers, const QDateTime& now);

    // "1h2m3.5s", "6m0s", "20ms", "1.5s"; nothing when it is not one.
    static std::optional<std::chrono::milliseconds> parseGoDuration(QByteArrayView text);
};
