#include "router/http/ContentDecoder.h"

#include <zlib.h>
#include <zstd.h>

namespace {

// RFC 9659: a zstd content coding needs a window of at most 8 MiB, and a decoder may refuse
// more. Without this a frame of a few bytes could make the decoder allocate 128 MiB.
constexpr int zstdWindowLogMax = 23;

// The plain bytes one step of decoding may give before they are counted against the limit.
constexpr qsizetype bufferBytes = 16 * 1024;

} // namespace

std::unique_ptr<ContentDecoder> ContentDecoder::forEncoding(
    const QByteArray& encoding, bool* supported, qsizetype maxPlainBytes)
{
    const QByteArray name = encoding.trimmed().toLower();
    *supported = true;
    if (name.isEmpty() || name == "identity")
        return nullptr;
    std::unique_ptr<ContentDecoder> decoder(new ContentDecoder(maxPlainBytes));
    const bool zlib = name == "gzip" || name == "x-gzip" || name == "deflate";
    const bool started = zlib ? decoder->startZlib() : name == "zstd" && decoder->startZstd();
    if (!started) {
        *supported = false;
        return nullptr;
    }
    return decoder;
}

ContentDecoder::ContentDecoder(qsizetype maxPlainBytes)
    : m_maxPlainBytes(maxPlainBytes)
{ }

ContentDecoder::~ContentDecoder()
{
    if (m_zlib)
        inflateEnd(m_zlib.get());
}

void ContentDecoder::ZstdFree::operator()(ZSTD_DCtx_s* stream) const
{
    ZSTD_freeDStream(stream);
}

bool ContentDecoder::startZlib()
{
    auto stream = std::make_unique<z_stream_s>();
    // 15 window bits + 32: zlib recognises a gzip or a zlib header by itself.
    if (inflateInit2(stream.get(), 15 + 32) != Z_OK)
        return false;
    m_zlib = std::move(stream);
    return true;
}

bool ContentDecoder::startZstd()
{
    m_zstd.reset(ZSTD_createDStream());
    return m_zstd
        && !ZSTD_isError(
            ZSTD_DCtx_setParameter(m_zstd.get(), ZSTD_d_windowLogMax, zstdWindowLogMax));
}

bool ContentDecoder::decode(const QByteArray& piece, QByteArray* plain)
{
    plain->clear();
    if (m_error != Error::None)
        return false;
    if (piece.isEmpty())
        return true;
    // After its end a zlib stream may have nothing more; zstd frames may follow one another.
    if (m_ended && m_zlib) {
        m_error = Error::Corrupt;
        return false;
    }
    if (m_zlib ? inflatePiece(piece, plain) : unzstdPiece(piece, plain))
        return true;
    plain->clear(); // a caller never sees the part of a body that failed
    return false;
}

bool ContentDecoder::finish()
{
    if (m_error == Error::None && !m_ended)
        m_error = Error::Corrupt;
    return m_error == Error::None;
}

bool ContentDecoder::inflatePiece(const QByteArray& piece, QByteArray* plain)
{
    m_zlib->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.constData()));
    m_zlib->avail_in = uInt(piece.size());
    char buffer[bufferBytes];
    // inflate() takes all the input it can; a full output buffer means there may be more.
    do {
        m_zlib->next_out = reinterpret_cast<Bytef*>(buffer);
        m_zlib->avail_out = sizeof(buffer);
        const int result = inflate(m_zlib.get(), Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
            m_error = Error::Corrupt;
            return false;
        }
        if (!keep(buffer, qsizetype(sizeof(buffer) - m_zlib->avail_out), plain))
            return false;
        if (result == Z_STREAM_END) {
            m_ended = true;
            if (m_zlib->avail_in == 0)
                return true;
            m_error = Error::Corrupt;
            return false;
        }
    } while (m_zlib->avail_out == 0);
    return true;
}

bool ContentDecoder::unzstdPiece(const QByteArray& piece, QByteArray* plain)
{
    ZSTD_inBuffer in { piece.constData(), size_t(piece.size()), 0 };
    char buffer[bufferBytes];
    for (;;) {
        ZSTD_outBuffer out { buffer, sizeof(buffer), 0 };
        const size_t result = ZSTD_decompressStream(m_zstd.get(), &out, &in);
        if (ZSTD_isError(result)) {
            m_error = Error::Corrupt;
            return false;
        }
        if (!keep(buffer, qsizetype(out.pos), plain))
            return false;
        // 0: a frame has ended and all of it is out. The body may end here, or go on with the
        // next frame, which the same stream decodes when it is given more.
        m_ended = result == 0;
        if (in.pos == in.size && (m_ended || out.pos < out.size))
            return true;
    }
}

// Checked before the bytes are kept: one small piece can hold gigabytes.
bool ContentDecoder::keep(const char* bytes, qsizetype size, QByteArray* plain)
{
    if (size > m_maxPlainBytes - m_plainBytes) {
        m_error = Error::TooLarge;
        return false;
    }
    m_plainBytes += size;
    plain->append(bytes, size);
    return true;
}
