#pragma once

#include "router/core/Result.h"
#include "router/upstream/UpstreamRequest.h"
#include "router/upstream/UpstreamTarget.h"

#include <QString>

#include <optional>

// The cheapest live check of a provider key: a request no provider charges for (a list of
// models, or OpenRouter's own key endpoint) and what its answer says about the key.
class KeyProbe
{
public:
    enum class Verdict {
        Works,
        Invalid, // the provider does not know the key
        NoAccess, // the key is known but may not do this (permissions, region, API not enabled)
        RateLimited,
        OutOfCredit,
        Unreachable, // no answer: DNS, connection, TLS, timeout
        Failed, // an answer that says nothing about the key (5xx, a wrong endpoint)
    };

    // The model whose tokens an express-mode Vertex key's probe counts (a service account lists
    // its project's endpoints instead): Google's current Flash model, which will need updating.
    static constexpr char vertexProbeModel[] = "gemini-2.5-flash";

    // The probe request for the key (a Vertex service account's with its access token in the
    // target: see GoogleTokenFetch); fails when Keyway cannot check this provider's keys yet
    // (Unsupported) or the key lacks what its provider needs (InvalidInput).
    static Result<UpstreamRequest> request(const UpstreamTarget& target);
    static Verdict verdict(int httpStatus, const QByteArray& body);
    // "works", "invalid", "no-access", "rate-limited", "out-of-credit", "unreachable", "failed".
    static QString verdictId(Verdict verdict);
};
