#pragma once

#include "router/translate/SseStreamTranslator.h"

#include <QJsonArray>

// The base of the translators that read Gemini's streamGenerateContent (alt=sse: each event a
// GenerateContentResponse chunk, no end marker). It reads what the router needs from every such
// stream, in one place: the model that answered (modelVersion), the cumulative usageMetadata
// every chunk repeats, and a finishReason, which makes the answer complete — Gemini sends
// nothing after it, so complete is as far as the stream itself goes. An error chunk is the
// upstream's error (chunkOf). The translator adds what its client needs.
class GeminiSseReader : public SseStreamTranslator
{
public:
    // The chunk's first candidate: the router asks for one.
    static QJsonObject candidateOf(const QJsonObject& chunk);
    // The candidate's new parts.
    static QJsonArray partsOf(const QJsonObject& candidate);

protected:
    // Reads one chunk for the answer as a whole.
    void readChunk(const QJsonObject& chunk);
};
