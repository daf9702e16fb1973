#pragma once

#include <QByteArray>

// A compression bomb for the tests of bounded decompression: `mebibytes` MiB of zeros as one
// gzip member of about a thousandth of that size.
QByteArray gzipBomb(int mebibytes);
