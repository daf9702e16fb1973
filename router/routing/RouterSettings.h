#pragma once

#include <chrono>

// The limits a request is routed within (DESIGN.md section 2). Part of every routing snapshot,
// so a change applies from the next request on.
struct RouterSettings
{
    std::chrono::milliseconds connectTimeout { 10'000 };
    std::chrono::milliseconds firstByteTimeout { 60'000 };
    std::chrono::milliseconds streamIdleTimeout { 30'000 };
    std::chrono::milliseconds deadline { 120'000 };
    int attemptBudget = 8;
    std::chrono::milliseconds waitBudget { 10'000 };
};
