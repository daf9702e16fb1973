#include "router/providers/google/GoogleErrors.h"

#include "router/upstream/CooldownHeaders.h"
#include "router/upstream/OutcomeClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace {

// The details of one google.rpc type ("RetryInfo", "ErrorInfo", "QuotaFailure").
QList<QJsonObject> detailsOf(const QJsonObject& error, QStringView type)
{
    QList<QJsonObject> found;
    for (const QJsonValue& detail : error.value(QStringLiteral("details")).toArray()) {
        const QJsonObject object = detail.toObject();
        if (object.value(QStringLiteral("@type")).toString().endsWith(u'.' + type.toString()))
            found.append(object);
    }
    return found;
}

QStringList reasonsOf(const QJsonObject& error)
{
    QStringList reasons;
    for (const QJsonObject& info : detailsOf(error, u"ErrorInfo"))
        reasons.append(info.value(QStringLiteral("reason")).toString());
    return reasons;
}

bool isDailyQuota(const QJsonObject& error)
{
    for (const QJsonObject& failure : detailsOf(error, u"QuotaFailure")) {
        for (const QJsonValue& violation : failure.value(QStringLiteral("violations")).toArray()) {
            const QJsonObject v = violation.toObject();
            if (v.value(QStringLiteral("quotaId")).toString().contains(u"PerDay")
                || v.value(QStringLiteral("quotaMetric")).toString().contains(u"per_day"))
                return true;
        }
    }
    return false;
}

} // namespace

QJsonObject GoogleErrors::errorOf(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject root
        = document.isArray() ? document.array().at(0).toObject() : document.object();
    return root.value(QStringLiteral("error")).toObject();
}

UpstreamOutcome GoogleErrors::classify(int httpStatus, const QByteArray& body)
{
    if (httpStatus >= 200 && httpStatus < 300)
        return UpstreamOutcome::Success;
    const QJsonObject error = errorOf(body);
    const QString status = error.value(QStringLiteral("status")).toString();
    const QStringList reasons = reasonsOf(error);
    const auto hasReason = [&reasons](const char* reason) {
        return reasons.contains(QLatin1StringView(reason));
    };
    // The key itself: unknown, suspended, blocked for this API, or published and disabled.
    if (hasReason("API_KEY_INVALID") || hasReason("CONSUMER_SUSPENDED")
        || hasReason("API_KEY_SERVICE_BLOCKED") || hasReason("API_KEY_HTTP_REFERRER_BLOCKED")
        || hasReason("API_KEY_IP_ADDRESS_BLOCKED") || hasReason("ACCESS_TOKEN_EXPIRED")
        || status == u"UNAUTHENTICATED"
        || error.value(QStringLiteral("message")).toString().contains(u"reported as leaked"))
        return UpstreamOutcome::InvalidKey;
    if (hasReason("BILLING_DISABLED"))
        return UpstreamOutcome::OutOfCredit;
    if (status == u"RESOURCE_EXHAUSTED")
        return UpstreamOutcome::RateLimited;
    // "User location is not supported", "API not enabled", no access to the model or project.
    if (status == u"FAILED_PRECONDITION" || status == u"PERMISSION_DENIED"
        || hasReason("SERVICE_DISABLED"))
        return UpstreamOutcome::ModelUnusable;
    return OutcomeClassifier::classify(httpStatus, body);
}

std::optional<std::chrono::milliseconds> GoogleErrors::cooldown(
    const HttpHeaders& headers, const QByteArray& body, const QDateTime& now)
{
    const QJsonObject error = errorOf(body);
    if (isDailyQuota(error)) {
        return std::chrono::milliseconds(
            std::max<qint64>(now.msecsTo(nextQuotaReset(now)), 60'000));
    }
    for (const QJsonObject& retry : detailsOf(error, u"RetryInfo")) {
        // A protobuf Duration in JSON: seconds with an "s" ("33s", "0.5s").
        if (auto delay = CooldownHeaders::parseGoDuration(
                retry.value(QStringLiteral("retryDelay")).toString().toLatin1()))
            return delay;
    }
    return CooldownHeaders::cooldown(headers, now);
}

QDateTime GoogleErrors::nextQuotaReset(const QDateTime& now)
{
    QTimeZone pacific(QByteArrayLiteral("America/Los_Angeles"));
    if (!pacific.isValid()) // no time zone data: standard time is close enough
        pacific = QTimeZone(-8 * 3600);
    const QDateTime local = now.toTimeZone(pacific);
    return QDateTime(local.date().addDays(1), QTime(0, 0), pacific).toUTC();
}
