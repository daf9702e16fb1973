#pragma once

// What one attempt on one key came to, as the failover engine and the health tracker see it
// (the rows of the outcome table in DESIGN.md section 2).
enum class UpstreamOutcome {
    Success, // 2xx
    RateLimited, // 429, 529, throttling, RESOURCE_EXHAUSTED
    InvalidKey, // 401, invalid_api_key, authentication_error
    OutOfCredit, // 402, insufficient_quota, billing errors
    ModelUnusable, // 403 permission, 404 model or deployment not found
    ServerFailure, // 5xx, refused or reset connection, TLS error, a stalled or broken answer
    Silent, // connected (or not) and no answer's headers before the deadline: the circuit opens
    ClientError, // 400, 422: the request itself is at fault; no retry, no mark on the key
};
