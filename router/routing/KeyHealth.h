#pragma once

#include <QHash>
#include <QString>

#include <chrono>

// What the router has learnt about a key from its answers. The planner reads a snapshot of it;
// the health tracker (with the failover engine) writes it.
struct KeyHealth
{
    using Clock = std::chrono::steady_clock;

    enum class State {
        Ready,
        CoolingDown, // rate-limited or backing off until `until`
        Invalid, // 401: until the key is edited or re-tested
        OutOfCredit, // 402 and billing errors: until `until`
        CircuitOpen, // repeated failures: a probe is allowed from `until`
    };

    State state = State::Ready;
    Clock::time_point until {};
    // Models this key may not serve for now (403, 404), with when that ends.
    QHash<QString, Clock::time_point> unusableModels;
};

using HealthSnapshot = QHash<qint64, KeyHealth>; // by key id; a key not in it is ready
