#pragma once

#include "router/core/UpstreamOutcome.h"

#include <QByteArray>

// Sorts an upstream's answer into an UpstreamOutcome from its status and, where the status is
// ambiguous, the error body (OpenAI's {"error":{"code","type"}} and Anthropic's
// {"type":"error","error":{"type"}}). A 429 that says insufficient_quota is out of credit, not
// a rate limit.
class OutcomeClassifier
{
public:
    // A request that got no HTTP answer at all (refused, reset, TLS failure, timeout) is a
    // ServerFailure; there is nothing to classify.
    static UpstreamOutcome classify(int httpStatus, const QByteArray& body);
};
