#pragma once

#include "router/translate/GeminiSseReader.h"
#include "router/translate/GeminiStreamFraming.h"

// A Gemini or Vertex AI stream (streamGenerateContent?alt=sse) passed through to a Gemini
// client: each chunk goes on as it came, in the client's framing (SSE or the JSON array), with
// its thoughtSignatures — bound to the Google account that made them, and this client's next
// request goes to an upstream of the same kind. The answer has begun with the first part of it:
// text, a thought (a long thinking is an answer under way, not a silent upstream), a function
// call, or the data of Google's other parts (an image made, code run), but not an empty text
// part that carries only a signature. A chunk with a finishReason makes it complete. Malformed
// chunks are dropped and counted; an error chunk is the upstream's error.
class GeminiStreamTranslator : public GeminiSseReader
{
public:
    explicit GeminiStreamTranslator(GeminiStreamFraming::Framing framing);

    QByteArray closing() const override;
    // Google's error object with the upstream's code when it sent one (a 503 Gemini clients
    // retry), otherwise the router's own 500.
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    void take(const SseParser::Event& event) override;
    static bool beginsAnswer(const QJsonArray& parts);

    GeminiStreamFraming m_framing;
};
