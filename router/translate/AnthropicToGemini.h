#pragma once

#include "router/core/Result.h"
#include "router/records/RequestRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// An Anthropic Messages request as a Google Gemini generateContent request (the Gemini API's
// and Vertex AI's, which share the format), and Gemini's answer as an Anthropic message. OpenAI
// clients reach Gemini through OpenAiToAnthropic first, so one mapping serves both. Gemini
// carries system prompts, turns, images, PDFs, tools (their schemas cut to the subset it
// reads), tool results, sampling, thinking and usage; the model goes in the URL, not the body.
// What it cannot carry refuses the request with a reason.
class AnthropicToGemini
{
public:
    struct Request
    {
        QJsonObject body;
        QStringList droppedFields;
    };

    // Fails (Unsupported) when the request holds what Gemini cannot carry.
    static Result<Request> request(const QJsonObject& anthropic);
    // Nothing when the answer cannot be read.
    static std::optional<QByteArray> answer(const QByteArray& geminiBody, const QString& model);

    // "end_turn", "tool_use", "max_tokens" or "refusal" for Gemini's finish reason.
    static QString stopReason(const QString& finishReason, bool calledTools);
    static TokenUsage usage(const QJsonObject& usageMetadata);
    // An Anthropic usage object from Gemini's usageMetadata.
    static QJsonObject anthropicUsage(const QJsonObject& usageMetadata);
    // The Anthropic tool_use id of a Gemini functionCall: its own id when it has one.
    static QString toolUseId(const QJsonObject& functionCall);
    // "msg_" and the response's id, or a random one.
    static QString messageId(const QJsonObject& response);
};
