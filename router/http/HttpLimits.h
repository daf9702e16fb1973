#pragma once

#include <chrono>

// The bounds a client must stay within (DESIGN.md section 3).
struct HttpLimits
{
    qsizetype maxBodyBytes = 32 * 1024 * 1024; // beyond: 413
    qsizetype maxHeaderBytes = 64 * 1024; // beyond: 431
    std::chrono::milliseconds headerTimeout { 10'000 }; // a request's headers must arrive in this
    std::chrono::milliseconds idleTimeout { 60'000 }; // keep-alive connections idle longer close
    int maxConnections = 4096;
};
