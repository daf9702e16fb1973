#include "router/http/ContentDecoder.h"

#include <zlib.h>

std::unique_ptr<ContentDecoder> ContentDecoder::forEncoding(
    const QByteArray& encoding, bool* supported)
{
    const QByteArray name = encoding.trimmed().toLower();
    *supported = true;
    if (name.isEmpty() || name == "identity")
        return nullptr;
    if (name != "gzip" && name != "x-gzip" && name != "deflate") {
        *supported = false;
        return nullptr;
    }
    std::unique_ptr<ContentDecoder> decoder(new ContentDecoder);
    // 15 window bits + 32: zlib recognises a gzip or a zlib header by itself.
    if (inflateInit2(decoder->m_stream.get(), 15 + 32) != Z_OK) {
        *supported = false;
        return nullptr;
    }
    return decoder;
}

ContentDecoder::ContentDecoder()
    : m_stream(std::make_unique<z_stream_s>())
{ }

ContentDecoder::~ContentDecoder()
{
    inflateEnd(m_stream.get());
}

bool ContentDecoder::decode(const QByteArray& piece, QByteArray* plain)
{
    plain->clear();
    if (m_ended)
        return piece.isEmpty(); // nothing may follow the end of the compressed data
    m_stream->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.constData()));
    m_stream->avail_in = uInt(piece.size());
    char buffer[16 * 1024];
    // inflate() takes all the input it can; a full output buffer means there may be more.
    do {
        m_stream->next_out = reinterpret_cast<Bytef*>(buffer);
        m_stream->avail_out = sizeof(buffer);
        const int result = inflate(m_stream.get(), Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR)
            return false;
        plain->append(buffer, qsizetype(sizeof(buffer) - m_stream->avail_out));
        if (result == Z_STREAM_END) {
            m_ended = true;
            return m_stream->avail_in == 0;
        }
    } while (m_stream->avail_out == 0);
    return true;
}
