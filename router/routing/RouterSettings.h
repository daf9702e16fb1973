#pragma once

#include <chrono>

// The limits a request is routed within (DESIGN.md section 2). Part of every routing snapshot,
// so a change applies from the next request on.
//
// The deadlines tell a silent provider from a model that thinks for minutes. Chat calls go to
// providers streamed (for a client that wants a whole answer too, assembled by the router), so
// a live provider answers with its headers at once: a provider that sends none within
// headersTimeout is silent, its circuit opens and the next key is tried. Only when no other key
// is left does the attempt wait as long as a thinker may take (firstEventTimeout). After the
// headers, the first content event may take firstEventTimeout (a model reasoning before its
// first token), and silence between events after that is a stalled stream. Calls that cannot
// stream (embeddings, token counts) give the provider firstByteTimeout for its answer.
struct RouterSettings
{
    std::chrono::milliseconds connectTimeout { 10'000 };
    std::chrono::milliseconds headersTimeout { 10'000 };
    std::chrono::milliseconds firstEventTimeout { 300'000 };
    std::chrono::milliseconds firstByteTimeout { 60'000 };
    std::chrono::milliseconds streamIdleTimeout { 30'000 };
    // Long enough for a whole answer of several minutes; short enough that a request stuck on
    // keep-alive pings ends.
    std::chrono::milliseconds deadline { 600'000 };
    int attemptBudget = 8;
    std::chrono::milliseconds waitBudget { 10'000 };
};
