#include "router/upstream/OutcomeClassifier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {

// The error's code and type, from either provider's error shape; lower case.
QStringList errorMarkers(const QByteArray& body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject error = root.value(QStringLiteral("error")).toObject();
    QStringList markers;
    for (const QJsonValue& value :
        { error.value(QStringLiteral("code")), error.value(QStringLiteral("type")) }) {
        if (value.isString())
            markers.append(value.toString().toLower());
    }
    return markers;
}

bool hasMarker(const QStringList& markers, std::initializer_list<const char*> wanted)
{
    for (const char* w : wanted) {
        if (markers.contains(QLatin1StringView(w)))
            return true;
    }
    return false;
}

} // namespace

UpstreamOutcome OutcomeClassifier::classify(int httpStatus, const QByteArray& body)
{
    if (httpStatus >= 200 && httpStatus < 300)
        return UpstreamOutcome::Success;
    const QStringList markers = errorMarkers(body);
    if (hasMarker(markers,
            { "insufficient_quota", "billing_not_active", "billing_hard_limit_reached",
                "enforced_spend_limit_reached" }))
        return UpstreamOutcome::OutOfCredit;
    if (hasMarker(markers, { "invalid_api_key", "authentication_error" }))
        return UpstreamOutcome::InvalidKey;
    switch (httpStatus) {
    case 429:
    case 529:
        return UpstreamOutcome::RateLimited;
    case 401:
        return UpstreamOutcome::InvalidKey;
    case 402:
        return UpstreamOutcome::OutOfCredit;
    case 403:
    case 404:
        return UpstreamOutcome::ModelUnusable;
    case 400:
    case 422:
        return UpstreamOutcome::ClientError;
    default:
        break;
    }
    if (httpStatus >= 500)
        return UpstreamOutcome::ServerFailure;
    // Other 4xx (405, 408, 409, 413...) describe this request, not the key.
    return UpstreamOutcome::ClientError;
}
