#pragma once

#include "tests/fuzz/FuzzInput.h"

#include <QByteArray>

// Turns fuzz bytes into application/vnd.amazon.eventstream messages with correct lengths and
// checksums, so the fuzzer gets past the CRCs into the header and payload decoding (and into
// Converse's events) instead of spending every run on a checksum it cannot guess. Each message
// takes a 2-byte headers length and a 2-byte payload length from the input, then those bytes;
// a byte of flags may break one checksum or length on purpose, so corruption is fuzzed too.
class EventStreamFraming
{
public:
    static QByteArray frame(FuzzInput& input);
};
