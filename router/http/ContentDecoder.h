#pragma once

#include <QByteArray>

#include <memory>

struct z_stream_s;

// Undoes a response's Content-Encoding (gzip or deflate, with zlib) piece by piece, as the bytes
// arrive. The router asks providers for plain bytes; this is for those that compress anyway.
class ContentDecoder
{
public:
    // A decoder for the encoding named by a Content-Encoding header; none when the encoding is
    // identity (or empty). `supported` is false for an encoding no decoder exists for.
    static std::unique_ptr<ContentDecoder> forEncoding(const QByteArray& encoding, bool* supported);

    ~ContentDecoder();
    ContentDecoder(const ContentDecoder&) = delete;
    ContentDecoder& operator=(const ContentDecoder&) = delete;

    // The plain bytes of the next piece; false when the piece is not valid compressed data.
    bool decode(const QByteArray& piece, QByteArray* plain);
    // Whether the compressed data has come to its end (the body is whole).
    bool isComplete() const { return m_ended; }

private:
    ContentDecoder();

    std::unique_ptr<z_stream_s> m_stream;
    bool m_ended = false;
};
