#include "app/activity/UnkeptUse.h"

namespace {

// The same tests as the archive's usage query (ActivityArchive::usage).
bool answered(const AttemptRecord& attempt)
{
    return attempt.errorClass.isEmpty() && attempt.httpStatus >= 200 && attempt.httpStatus <= 299;
}

void addCost(std::optional<double>& sum, const std::optional<double>& cost)
{
    if (cost)
        sum = sum.value_or(0) + *cost;
}

} // namespace

void UnkeptUse::add(const RequestRecord& record)
{
    ++m_requests;
    Day& day = m_days[record.startedAt.toUTC().date()];
    ++day.requests;
    if (record.attempts.size() > 1)
        ++day.failedOver;
    for (qsizetype i = 0; i < record.attempts.size(); ++i) {
        const AttemptRecord& attempt = record.attempts.at(i);
        KeyDay& use = m_keyDays[{ attempt.startedAt.toUTC().date(), attempt.keyId }];
        use.keyLabel = attempt.keyLabel;
        ++use.attempts;
        if (answered(attempt)) {
            ++use.answered;
            addCost(use.cost, record.cost);
        }
        if (!attempt.errorClass.isEmpty() && i + 1 < record.attempts.size())
            ++use.failovers;
        if (attempt.errorClass == u"rate_limited")
            ++use.rateLimited;
        use.promptTokens += attempt.usage.prompt;
        use.completionTokens += attempt.usage.completion;
    }
}
