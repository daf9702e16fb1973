#include "tests/support/Compression.h"

#include <zlib.h>
#include <zstd.h>

namespace {

void appendLittleEndian(QByteArray& out, quint32 value, int bytes = 4)
{
    for (int shift = 0; shift < bytes * 8; shift += 8)
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

QByteArray zstdCompressed(const QByteArray& plain)
{
    ZSTD_CCtx* context = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(plain.size()))), Qt::Uninitialized);
    const size_t size = ZSTD_compress2(
        context, out.data(), size_t(out.size()), plain.constData(), size_t(plain.size()));
    ZSTD_freeCCtx(context);
    out.resize(ZSTD_isError(size) ? 0 : qsizetype(size));
    return out;
}

QByteArray zstdBomb(int mebibytes, int windowLog)
{
    // RFC 8878: the magic number; a frame header with no content size, checksum or dictionary,
    // so a window descriptor follows (exponent = windowLog - 10, no mantissa).
    QByteArray bomb("\x28\xb5\x2f\xfd\x00", 5);
    bomb.append(char((windowLog - 10) << 3));
    // Run-length blocks of the largest size (128 KiB): a 3-byte header (last-block flag, type
    // 1, the size) and the byte to repeat.
    constexpr quint32 blockBytes = 128 * 1024;
    const int blocks = mebibytes * int(1024 * 1024 / blockBytes);
    for (int i = 0; i < blocks; ++i) {
        const bool last = i == blocks - 1;
        appendLittleEndian(bomb, blockBytes << 3 | 1 << 1 | (last ? 1 : 0), 3);
        bomb.append('\0');
    }
    return bomb;
}
