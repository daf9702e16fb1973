#pragma once

#include "router/http/UpstreamLimits.h"

#include <QByteArray>

#include <memory>

struct z_stream_s;
struct ZSTD_DCtx_s;

// Undoes a body's Content-Encoding (gzip or deflate with zlib, zstd with libzstd) piece by piece,
// as the bytes arrive: a provider's answer that is compressed although the router asked for
// nothing, or a client's request (Codex CLI compresses its requests with zstd). The plain bytes
// are bounded in total: a small compressed body may inflate without end.
class ContentDecoder
{
public:
    enum class Error {
        None,
        Corrupt, // not valid compressed data, or bytes after its end
        TooLarge, // the plain bytes would pass maxPlainBytes()
    };

    // A decoder for the encoding named by a Content-Encoding header; none when the encoding is
    // identity (or empty). `supported` is false for an encoding no decoder exists for.
    // `maxPlainBytes` bounds the plain bytes of the whole body.
    static std::unique_ptr<ContentDecoder> forEncoding(const QByteArray& encoding, bool* supported,
        qsizetype maxPlainBytes = UpstreamLimits::maxBodyBytes);

    ~ContentDecoder();
    ContentDecoder(const ContentDecoder&) = delete;
    ContentDecoder& operator=(const ContentDecoder&) = delete;

    // The plain bytes of the next piece; false, with `plain` empty, when the piece is not valid
    // compressed data or its plain bytes would pass the limit (error() says which). Once it has
    // failed, every later piece fails too.
    bool decode(const QByteArray& piece, QByteArray* plain);
    // Whether the compressed data has come to its end (the body is whole).
    bool isComplete() const { return m_ended; }
    // The body has ended: false, with error() Corrupt, when its compressed data was cut short
    // (or had failed before).
    bool finish();
    Error error() const { return m_error; }
    qsizetype maxPlainBytes() const { return m_maxPlainBytes; }

private:
    struct ZstdFree
    {
        void operator()(ZSTD_DCtx_s* stream) const;
    };

    explicit ContentDecoder(qsizetype maxPlainBytes);
    bool startZlib();
    bool startZstd();
    bool inflatePiece(const QByteArray& piece, QByteArray* plain);
    bool unzstdPiece(const QByteArray& piece, QByteArray* plain);
    bool keep(const char* bytes, qsizetype size, QByteArray* plain);

    std::unique_ptr<z_stream_s> m_zlib; // gzip or deflate
    std::unique_ptr<ZSTD_DCtx_s, ZstdFree> m_zstd; // or zstd
    qsizetype m_maxPlainBytes;
    qsizetype m_plainBytes = 0; // of the whole body so far
    bool m_ended = false;
    Error m_error = Error::None;
};
