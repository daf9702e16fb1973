#include "router/http/ContentDecoder.h"

#include <zlib.h>

std::unique_ptr<ContentDecoder> ContentDecoder::forEncoding(
    const QByteArray& encoding, bool* supported, qsizetype maxPlainBytes)
{
    const QByteArray name = encoding.trimmed().toLower();
    *supported = true;
    if (name.isEmpty() || name == "identity")
        return nullptr;
    if (name != "gzip" && name != "x-gzip" && name != "deflate") {
        *supported = false;
        return nullptr;
    }
    std::unique_ptr<ContentDecoder> decoder(new ContentDecoder(maxPlainBytes));
    // 15 window bits + 32: zlib recognises a gzip or a zlib header by itself.
    if (inflateInit2(decoder->m_stream.get(), 15 + 32) != Z_OK) {
        *supported = false;
        return nullptr;
    }
    return decoder;
}

ContentDecoder::ContentDecoder(qsizetype maxPlainBytes)
    : m_stream(std::make_unique<z_stream_s>())
    , m_maxPlainBytes(maxPlainBytes)
{ }

ContentDecoder::~ContentDecoder()
{
    inflateEnd(m_stream.get());
}

bool ContentDecoder::decode(const QByteArray& piece, QByteArray* plain)
{
    plain->clear();
    if (m_error != Error::None)
        return false;
    if (m_ended) {
        if (piece.isEmpty())
            return true;
        m_error = Error::Corrupt; // nothing may follow the end of the compressed data
        return false;
    }
    m_stream->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.constData()));
    m_stream->avail_in = uInt(piece.size());
    if (inflatePiece(plain))
        return true;
    plain->clear(); // a caller never sees the part of a body that failed
    return false;
}

bool ContentDecoder::inflatePiece(QByteArray* plain)
{
    char buffer[16 * 1024];
    // inflate() takes all the input it can; a full output buffer means there may be more.
    do {
        m_stream->next_out = reinterpret_cast<Bytef*>(buffer);
        m_stream->avail_out = sizeof(buffer);
        const int result = inflate(m_stream.get(), Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
            m_error = Error::Corrupt;
            return false;
        }
        const qsizetype produced = qsizetype(sizeof(buffer) - m_stream->avail_out);
        // Checked before the bytes are kept: one small piece can hold gigabytes.
        if (produced > m_maxPlainBytes - m_plainBytes) {
            m_error = Error::TooLarge;
            return false;
        }
        m_plainBytes += produced;
        plain->append(buffer, produced);
        if (result == Z_STREAM_END) {
            m_ended = true;
            if (m_stream->avail_in == 0)
                return true;
            m_error = Error::Corrupt;
            return false;
        }
    } while (m_stream->avail_out == 0);
    return true;
}
