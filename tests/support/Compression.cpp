#include "tests/support/Compression.h"

#include <zlib.h>

namespace {

void appendLittleEndian(QByteArray& out, quint32 value)
{
    for (int shift = 0; shift < 32; shift += 8)
        out.append(char((value >> shift) & 0xff));
}

// What deflate makes of a piece of plain bytes with the given flush, raw (no header).
QByteArray deflated(z_stream& stream, const QByteArray& plain, int flush)
{
    QByteArray out(qsizetype(deflateBound(&stream, uLong(plain.size()))) + 64, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.constData()));
    stream.avail_in = uInt(plain.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, flush);
    out.resize(out.size() - qsizetype(stream.avail_out));
    return out;
}

} // namespace

QByteArray compressed(const QByteArray& plain, bool gzip)
{
    z_stream stream {};
    deflateInit2(
        &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip ? 15 + 16 : 15, 8, Z_DEFAULT_STRATEGY);
    QByteArray out = deflated(stream, plain, Z_FINISH);
    deflateEnd(&stream);
    return out;
}

QByteArray gzipBomb(int mebibytes)
{
    // Deflating a GiB takes seconds; after a full flush deflate starts afresh, so every MiB of
    // zeros compresses to the same bytes: compress one and repeat it.
    const QByteArray zeros(1024 * 1024, '\0');
    z_stream stream {};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    const QByteArray mebibyte = deflated(stream, zeros, Z_FULL_FLUSH);
    const QByteArray last = deflated(stream, {}, Z_FINISH);
    deflateEnd(&stream);

    // The gzip header (RFC 1952: no name, no time, unknown OS), the data and the trailer.
    QByteArray bomb("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff", 10);
    bomb.reserve(bomb.size() + mebibyte.size() * mebibytes + last.size() + 8);
    for (int i = 0; i < mebibytes; ++i)
        bomb += mebibyte;
    bomb += last;
    const uLong crcOfMebibyte
        = crc32(0, reinterpret_cast<const Bytef*>(zeros.constData()), uInt(zeros.size()));
    uLong crc = crc32(0, nullptr, 0);
    for (int i = 0; i < mebibytes; ++i)
        crc = crc32_combine(crc, crcOfMebibyte, z_off_t(zeros.size()));
    appendLittleEndian(bomb, quint32(crc));
    appendLittleEndian(bomb, quint32(quint64(mebibytes) * quint64(zeros.size())));
    return bomb;
}
