#pragma once

#include <QByteArray>

// Compressed bodies for the tests of decoding and of bounded decompression.

// `plain` compressed with zlib: a gzip member, or zlib-wrapped as HTTP's "deflate" is.
QByteArray compressed(const QByteArray& plain, bool gzip);

// A compression bomb: `mebibytes` MiB of zeros as one gzip member of about a thousandth of that
// size.
QByteArray gzipBomb(int mebibytes);
