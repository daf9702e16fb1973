#pragma once

#include <QByteArray>

// How a Gemini client reads streamGenerateContent, as Google writes it. With alt=sse each chunk
// is `data: <compact JSON>` and a blank line (CRLF), with no event lines and no end marker;
// without it the answer is one JSON array written element by element. A failure after the
// first chunk ends the answer with Google's error object: raw and pretty-printed, outside the
// SSE framing (what Google writes and the Gemini SDK recognises — an SSE-framed error it
// ignores), or as the array's last element. Shared by the translators that write to a Gemini
// client, whatever the upstream.
class GeminiStreamFraming
{
public:
    enum class Framing {
        Sse, // ?alt=sse
        JsonArray, // no alt, or alt=json
    };

    explicit GeminiStreamFraming(Framing framing)
        : m_framing(framing)
    { }

    // One GenerateContentResponse, single-line JSON, as the client's next chunk.
    QByteArray chunk(const QByteArray& json);
    // What ends a whole answer: nothing for SSE, the array's "]" (or "[]" when it is empty).
    QByteArray closing() const;
    // Google's error object ({"error":{...}}, JSON) ending a broken answer.
    QByteArray error(const QByteArray& googleError) const;

private:
    // The bytes that put one more element after those written (the array's "[" or ",").
    QByteArray element(const QByteArray& json) const;

    Framing m_framing;
    int m_chunks = 0;
};
