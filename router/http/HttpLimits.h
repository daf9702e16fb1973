#pragma once

#include <QtGlobal>

#include <chrono>

// The bounds a client must stay within (DESIGN.md section 3).
struct HttpLimits
{
    qsizetype maxBodyBytes = 32 * 1024 * 1024; // beyond: 413
    qsizetype maxHeaderBytes = 64 * 1024; // beyond: 431
    std::chrono::milliseconds headerTimeout { 10'000 }; // a request's headers must arrive in this
    std::chrono::milliseconds idleTimeout { 60'000 }; // keep-alive connections idle longer close
    // Once its headers are in, a request's body must arrive within bodyTimeout, or, when it is
    // large, at minBodyBytesPerSecond on average (32 MiB: 128 s) — beyond: 408 and the connection
    // closed, so a client sending a byte a minute cannot hold a connection for ever.
    std::chrono::milliseconds bodyTimeout { 30'000 };
    qint64 minBodyBytesPerSecond = 256 * 1024;
    // Beyond this many open connections a new one makes room by closing the one furthest behind
    // (ConnectionRoster); only when every one is answering a request is it refused with 503.
    int maxConnections = 4096;

    // The pipelining depth D: what one connection holds for a client that sends requests without
    // waiting for the answers. One request is parsed and answered at a time (the next is parsed
    // only after it is answered, so answers go out in order and the stack never grows with the
    // queue); the requests behind it wait as unparsed bytes, at most readBufferBytes read by the
    // connection plus readBufferBytes in the socket's buffer; and answers the client has not
    // taken yet hold the next request back once they pass maxUnsentBytes. Beyond D the connection
    // stops reading, so the kernel's buffers fill and TCP pushes back on the client.
    qsizetype readBufferBytes = 64 * 1024;
    qsizetype maxUnsentBytes = 256 * 1024;
    // Requests one connection answers in one turn of its thread's event loop before it lets the
    // thread's other connections go (a client pipelining without end must not starve them).
    int requestsPerTurn = 32;
};
