#include "router/records/RequestRecordJson.h"

#include <QJsonArray>

namespace {

QString iso(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

QJsonArray RequestRecordJson::providerResponses(const QList<AttemptRecord>& attempts)
{
    QJsonArray responses;
    for (const AttemptRecord& attempt : attempts) {
        responses.append(QJsonObject {
            { QStringLiteral("provider_name"), attempt.providerId },
            { QStringLiteral("key_label"), attempt.keyLabel },
            { QStringLiteral("tier"), tierId(attempt.tier) },
            { QStringLiteral("status"), attempt.httpStatus },
            { QStringLiteral("latency"), attempt.latencyMs },
            { QStringLiteral("error"), orNull(attempt.errorClass) },
        });
    }
    return responses;
}

QJsonObject RequestRecordJson::attemptToJson(const AttemptRecord& attempt)
{
    QJsonObject rateLimits;
    for (const auto& [name, value] : attempt.rateLimitHeaders)
        rateLimits.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return {
        { QStringLiteral("number"), attempt.number },
        { QStringLiteral("key_id"), attempt.keyId },
        { QStringLiteral("key_label"), attempt.keyLabel },
        { QStringLiteral("provider_name"), attempt.providerId },
        { QStringLiteral("tier"), tierId(attempt.tier) },
        { QStringLiteral("model"), attempt.model },
        { QStringLiteral("started_at"), iso(attempt.startedAt) },
        { QStringLiteral("latency"), attempt.latencyMs },
        { QStringLiteral("status"), attempt.httpStatus },
        { QStringLiteral("error"), orNull(attempt.errorClass) },
        { QStringLiteral("message"), orNull(attempt.errorMessage) },
        { QStringLiteral("rate_limit_headers"), rateLimits },
        { QStringLiteral("bytes"), attempt.bytes },
        { QStringLiteral("tokens_prompt"), attempt.usage.prompt },
        { QStringLiteral("tokens_completion"), attempt.usage.completion },
        { QStringLiteral("dropped_fields"), QJsonArray::fromStringList(attempt.droppedFields) },
        { QStringLiteral("malformed_events"), attempt.malformedEvents },
    };
}

QJsonObject RequestRecordJson::toJson(const RequestRecord& record)
{
    QJsonArray attempts;
    for (const AttemptRecord& attempt : record.attempts)
        attempts.append(attemptToJson(attempt));
    return {
        { QStringLiteral("id"), record.id },
        { QStringLiteral("created_at"), iso(record.startedAt) },
        { QStringLiteral("endpoint"), record.endpoint },
        { QStringLiteral("model"), orNull(record.servedModel) },
        { QStringLiteral("requested_model"), record.requestedModel },
        { QStringLiteral("streamed"), record.stream },
        { QStringLiteral("status"), record.status },
        { QStringLiteral("error"), orNull(record.errorMessage) },
        { QStringLiteral("latency"), record.latencyMs },
        { QStringLiteral("key_label"), orNull(record.keyLabel) },
        { QStringLiteral("provider_name"),
            record.attempts.isEmpty() || record.keyLabel.isEmpty()
                ? QJsonValue()
                : QJsonValue(record.attempts.constLast().providerId) },
        { QStringLiteral("member_id"), record.memberId },
        { QStringLiteral("local_key_id"), record.localKeyId },
        { QStringLiteral("workspace_id"), record.workspaceId },
        { QStringLiteral("tokens_prompt"), record.usage.prompt },
        { QStringLiteral("tokens_completion"), record.usage.completion },
        { QStringLiteral("native_tokens_cached"), record.usage.cached },
        { QStringLiteral("native_tokens_reasoning"), record.usage.reasoning },
        // OpenRouter's field; null rather than a made-up 0 when the catalog has no price.
        { QStringLiteral("total_cost"), record.cost ? QJsonValue(*record.cost) : QJsonValue() },
        { QStringLiteral("provider_responses"), providerResponses(record.attempts) },
        { QStringLiteral("attempts"), attempts },
    };
}
