#pragma once

#include <QByteArray>

// Compressed bodies for the tests of decoding and of bounded decompression.

// `plain` compressed with zlib: a gzip member, or zlib-wrapped as HTTP's "deflate" is.
QByteArray compressed(const QByteArray& plain, bool gzip);

// A compression bomb: `mebibytes` MiB of zeros as one gzip member of about a thousandth of that
// size.
QByteArray gzipBomb(int mebibytes);

// `plain` compressed with zstd as one frame, with a checksum as the zstd command writes it (so
// that corrupt data is always found out).
QByteArray zstdCompressed(const QByteArray& plain);

// A zstd compression bomb: `mebibytes` MiB of zeros as one frame of run-length blocks, 4 bytes
// for each 128 KiB, declaring a window of 2^`windowLog` bytes.
QByteArray zstdBomb(int mebibytes, int windowLog = 20);
