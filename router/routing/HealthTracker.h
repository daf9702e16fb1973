#pragma once

#include "router/core/UpstreamOutcome.h"
#include "router/routing/KeyHealth.h"

#include <QHash>
#include <QMutex>

#include <functional>
#include <optional>

// Learns from every attempt how each key is doing (the "effect on the key" column of DESIGN.md
// section 2) and hands the planner a snapshot. Shared by the router's worker threads.
class HealthTracker
{
public:
    using Clock = KeyHealth::Clock;
    using Duration = std::chrono::milliseconds;

    static constexpr Duration firstBackoff { 1000 };
    static constexpr Duration longestBackoff { 60'000 };
    static constexpr Duration outOfCreditRest { 3'600'000 };
    static constexpr Duration modelUnusableRest { 600'000 };
    static constexpr int failuresToOpenCircuit = 3;
    static constexpr Duration firstProbeWait { 5000 };
    static constexpr Duration longestProbeWait { 60'000 };
    // A failed probe that cost its request less than this (a refusal, a reset, an error status
    // at once) cost the client nothing worth saving: the next probe comes after the first wait
    // again, so a provider back from an outage serves again within seconds. A costly one
    // (silence, a stall) doubles the wait, so an outage of that kind costs few clients time.
    static constexpr Duration cheapProbeFailure { 1000 };

    // `random` gives a number in [0, 1) for backoff jitter; tests pass a fixed one.
    explicit HealthTracker(std::function<double()> random = {});

    // `cooldown` is what the answer's headers asked for (see CooldownHeaders), if anything;
    // `took` how long the attempt took, when it is known.
    void record(qint64 keyId, const QString& upstreamModel, UpstreamOutcome outcome,
        std::optional<Duration> cooldown, Clock::time_point now,
        std::optional<Duration> took = std::nullopt);
    // The key was edited or re-tested: forget what was learnt.
    void forget(qint64 keyId);
    // A half-open circuit lets one request through at a time: true for the request that may
    // probe the key now, false while another one's probe is out. The probe ends with record()
    // or, for a probe that was abandoned, releaseProbe().
    bool claimProbe(qint64 keyId);
    void releaseProbe(qint64 keyId);
    HealthSnapshot snapshot() const;

private:
    struct Record
    {
        KeyHealth health;
        int rateLimitsInARow = 0;
        int failuresInARow = 0;
        Duration probeWait { 0 };
        bool probeOut = false;
    };

    Duration backoff(int attempt) const;
    void recordFailure(Record& record, Clock::time_point now, std::optional<Duration> took);

    mutable QMutex m_mutex;
    QHash<qint64, Record> m_records;
    std::function<double()> m_random;
};
