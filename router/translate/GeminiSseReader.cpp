#include "router/translate/GeminiSseReader.h"

#include "router/translate/AnthropicToGemini.h"

QJsonObject GeminiSseReader::candidateOf(const QJsonObject& chunk)
{
    return chunk.value(QStringLiteral("candidates"))[0].toObject();
}

QJsonArray GeminiSseReader::partsOf(const QJsonObject& candidate)
{
    return candidate.value(QStringLiteral("content"))
        .toObject()
        .value(QStringLiteral("parts"))
        .toArray();
}

void GeminiSseReader::readChunk(const QJsonObject& chunk)
{
    if (const QString model = chunk.value(QStringLiteral("modelVersion")).toString();
        !model.isEmpty())
        m_servedModel = model;
    if (const QJsonObject usageMetadata = chunk.value(QStringLiteral("usageMetadata")).toObject();
        !usageMetadata.isEmpty())
        m_usage = AnthropicToGemini::usage(usageMetadata);
    if (!candidateOf(chunk).value(QStringLiteral("finishReason")).toString().isEmpty())
        m_complete = true;
}
