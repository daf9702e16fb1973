#pragma once

#include "router/translate/AnswerAssembler.h"

#include <QList>

// A Gemini GenerateContentResponse from the chunks of its stream (SSE framing): the first
// candidate's parts in order — a run of text parts of one kind (thoughts, or the answer) joined
// into one part, each thoughtSignature on the part it came with, function calls and Google's
// other parts whole — its last finishReason and what else it last said (finishMessage,
// safetyRatings), and the chunks' last usageMetadata, modelVersion, responseId and
// promptFeedback. No answer without a finishReason: Gemini's streams have no end marker, so
// that is the only sign that the answer is whole. An error chunk is never an answer either.
class GeminiAnswerAssembler : public AnswerAssembler
{
protected:
    void take(const QJsonObject& chunk, const QByteArray& eventType) override;
    std::optional<QJsonObject> assembled() const override;

private:
    void takeCandidate(const QJsonObject& candidate);
    void takePart(const QJsonObject& part);

    QJsonObject m_top; // usageMetadata, modelVersion, responseId... as the chunks last said
    QJsonObject m_candidate; // the first candidate's fields but its content, as last said
    QList<QJsonObject> m_parts;
    bool m_failed = false;
};
