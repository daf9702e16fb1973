#include "router/routing/HealthTracker.h"

#include <QRandomGenerator>

#include <cmath>

HealthTracker::HealthTracker(std::function<double()> random)
    : m_random(
        random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); })
{ }

HealthTracker::Duration HealthTracker::backoff(int attempt) const
{
    // 1 s, 2 s, 4 s ... up to 60 s, and "equal jitter": half fixed, half random, so keys that
    // failed together do not all come back in the same instant.
    const double exponential
        = double(firstBackoff.count()) * std::pow(2.0, std::max(0, attempt - 1));
    const double capped = std::min(exponential, double(longestBackoff.count()));
    return Duration(qint64(capped / 2 + m_random() * capped / 2));
}

void HealthTracker::recordFailure(
    Record& record, Clock::time_point now, std::optional<Duration> took)
{
    ++record.failuresInARow;
    const bool probeFailed = record.health.state == KeyHealth::State::CircuitOpen;
    if (!probeFailed && record.failuresInARow < failuresToOpenCircuit)
        return;
    const bool cheap = took && *took < cheapProbeFailure;
    record.probeWait
        = probeFailed && !cheap ? std::min(record.probeWait * 2, longestProbeWait) : firstProbeWait;
    record.health.state = KeyHealth::State::CircuitOpen;
    record.health.until = now + record.probeWait;
}

void HealthTracker::record(qint64 keyId, const QString& upstreamModel, UpstreamOutcome outcome,
    std::optional<Duration> cooldown, Clock::time_point now, std::optional<Duration> took)
{
    QMutexLocker lock(&m_mutex);
    if (outcome == UpstreamOutcome::ClientError) {
        // The request was at fault, not the key; a probe that met one still ends.
        if (const auto it = m_records.find(keyId); it != m_records.end())
            it->probeOut = false;
        return;
    }
    Record& record = m_records[keyId];
    record.probeOut = false;
    KeyHealth& health = record.health;
    switch (outcome) {
    case UpstreamOutcome::Success:
        health.state = KeyHealth::State::Ready;
        health.unusableModels.remove(upstreamModel);
        record.rateLimitsInARow = 0;
        record.failuresInARow = 0;
        record.probeWait = Duration(0);
        break;
    case UpstreamOutcome::RateLimited:
        ++record.rateLimitsInARow;
        health.state = KeyHealth::State::CoolingDown;
        health.until = now + cooldown.value_or(backoff(record.rateLimitsInARow));
        break;
    case UpstreamOutcome::InvalidKey:
        health.state = KeyHealth::State::Invalid;
        break;
    case UpstreamOutcome::OutOfCredit:
        health.state = KeyHealth::State::OutOfCredit;
        health.until = now + outOfCreditRest;
        break;
    case UpstreamOutcome::ModelUnusable:
        health.unusableModels.insert(upstreamModel, now + modelUnusableRest);
        break;
    case UpstreamOutcome::ServerFailure:
        recordFailure(record, now, took);
        break;
    case UpstreamOutcome::Silent:
        // Strong evidence: one silence is worth the failures that open the circuit.
        record.failuresInARow = std::max(record.failuresInARow, failuresToOpenCircuit - 1);
        recordFailure(record, now, std::nullopt); // never cheap: it waited out a deadline
        break;
    case UpstreamOutcome::ClientError:
        break; // handled above
    }
}

void HealthTracker::forget(qint64 keyId)
{
    QMutexLocker lock(&m_mutex);
    m_records.remove(keyId);
}

bool HealthTracker::claimProbe(qint64 keyId)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_records.find(keyId);
    if (it == m_records.end() || it->health.state != KeyHealth::State::CircuitOpen)
        return true;
    if (it->probeOut)
        return false;
    it->probeOut = true;
    return true;
}

void HealthTracker::releaseProbe(qint64 keyId)
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_records.find(keyId); it != m_records.end())
        it->probeOut = false;
}

HealthSnapshot HealthTracker::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    HealthSnapshot snapshot;
    for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
        snapshot.insert(it.key(), it->health);
    return snapshot;
}
