#include "router/upstream/CooldownHeaders.h"

#include <QLocale>
#include <QRegularExpression>

namespace {

using std::chrono::milliseconds;

std::optional<QByteArray> header(const CooldownHeaders::Headers& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return std::nullopt;
}

std::optional<milliseconds> untilTime(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return std::nullopt;
    return milliseconds(std::max<qint64>(0, now.msecsTo(when)));
}

std::optional<milliseconds> retryAfter(const QByteArray& value, const QDateTime& now)
{
    bool isNumber = false;
    const double seconds = value.toDouble(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional(milliseconds(qint64(seconds * 1000))) : std::nullopt;
    // An HTTP date (RFC 9110 IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime date = QLocale::c().toDateTime(
        QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    date.setTimeSpec(Qt::UTC);
    return untilTime(date, now);
}

// A reset header counts only when its limit is used up.
std::optional<milliseconds> exhaustedLimitReset(const CooldownHeaders::Headers& headers,
    const QDateTime& now, QByteArrayView remainingName, QByteArrayView resetName)
{
    const auto remaining = header(headers, remainingName);
    const auto reset = header(headers, resetName);
    if (!remaining || !reset || remaining->toLongLong() > 0)
        return std::nullopt;
    if (auto duration = CooldownHeaders::parseGoDuration(*reset))
        return duration;
    return untilTime(QDateTime::fromString(QString::fromLatin1(*reset), Qt::ISODateWithMs), now);
}

} // namespace

std::optional<milliseconds> CooldownHeaders::parseGoDuration(QByteArrayView text)
{
    static const QRegularExpression part(QStringLiteral("([0-9]+(?:\\.[0-9]+)?)(ms|h|m|s)"));
    const QString input = QString::fromLatin1(text.trimmed());
    if (input.isEmpty())
        return std::nullopt;
    double total = 0;
    qsizetype consumed = 0;
    for (auto it = part.globalMatch(input); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedStart() != consumed)
            return std::nullopt;
        consumed = match.capturedEnd();
        const double amount = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        total += unit == u"h" ? amount * 3'600'000
            : unit == u"m"    ? amount * 60'000
            : unit == u"s"    ? amount * 1000
                              : amount;
    }
    if (consumed != input.size())
        return std::nullopt;
    return milliseconds(qint64(total));
}

std::optional<milliseconds> CooldownHeaders::cooldown(const Headers& headers, const QDateTime& now)
{
    if (const auto ms = header(headers, "retry-after-ms")) {
        bool ok = false;
        const double value = ms->toDouble(&ok);
        if (ok && value >= 0)
            return milliseconds(qint64(value));
    }
    if (const auto value = header(headers, "retry-after")) {
        if (auto wait = retryAfter(*value, now))
            return wait;
    }
    // The longest of the exhausted limits: resting less would only hit the other one.
    std::optional<milliseconds> longest;
    for (const auto& [remaining, reset] :
        { std::pair { "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests" },
            std::pair { "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens" },
            std::pair {
                "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset" },
            std::pair {
                "anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-reset" },
            std::pair { "anthropic-ratelimit-input-tokens-remaining",
                "anthropic-ratelimit-input-tokens-reset" },
            std::pair { "anthropic-ratelimit-output-tokens-remaining",
                "anthropic-ratelimit-output-tokens-reset" } }) {
        const auto wait = exhaustedLimitReset(headers, now, remaining, reset);
        if (wait && (!longest || *wait > *longest))
            longest = wait;
    }
    return longest;
}
