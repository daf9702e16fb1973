#pragma once

#include "router/core/Result.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

// Gemini's embedContent and batchEmbedContents as OpenAI's embeddings, and the answer back: the
// text of each content's parts is one input, outputDimensionality is OpenAI's dimensions, and
// each embedding's floats come back as Gemini's values. taskType and title have no counterpart
// and are recorded as dropped.
class GeminiEmbeddings
{
public:
    struct Request
    {
        QJsonObject body; // without model: the adapter sets it
        QStringList droppedFields;
    };

    // Fails (Unsupported) for content that is not text.
    static Result<Request> request(const QJsonObject& gemini);
    // OpenAI's embeddings answer in the shape the request asked (one embedding, or a batch);
    // nothing when it cannot be read.
    static std::optional<QByteArray> answer(const QByteArray& openAiBody, bool batch);
    static bool isBatch(const QJsonObject& gemini)
    {
        return gemini.contains(QStringLiteral("requests"));
    }
};
