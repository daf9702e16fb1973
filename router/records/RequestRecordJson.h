#pragma once

#include "router/records/RequestRecord.h"

#include <QJsonObject>

// Request records as JSON: the body of GET /api/v1/generation (OpenRouter's shape, with
// `provider_responses`), `keyway log tail --json` and exports. Never carries a secret: records
// hold none.
class RequestRecordJson
{
public:
    static QJsonObject toJson(const RequestRecord& record);
    static QJsonObject attemptToJson(const AttemptRecord& attempt);
    // OpenRouter's {provider_name, key_label, tier, status, latency, error} per attempt.
    static QJsonArray providerResponses(const QList<AttemptRecord>& attempts);
};
