#pragma once

#include "router/records/RequestRecord.h"

// What a model costs, in US dollars per million tokens, as its provider lists it.
struct ModelPrice
{
    double input = 0;
    double output = 0;
    double cachedInput = 0; // prompt tokens read from the provider's cache

    // The estimated cost of an answer that used `usage`, in US dollars. Cached prompt tokens
    // are part of the prompt count and cost the cached price instead of the full one.
    double costOf(const TokenUsage& usage) const
    {
        const qint64 cached = qBound<qint64>(0, usage.cached, usage.prompt);
        const double perToken = 1e-6;
        return (double(usage.prompt - cached) * input + double(cached) * cachedInput
                   + double(usage.completion) * output)
            * perToken;
    }
    friend bool operator==(const ModelPrice&, const ModelPrice&) = default;
};
