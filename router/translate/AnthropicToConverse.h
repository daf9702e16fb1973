#pragma once

#include "router/core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// An Anthropic Messages request as an Amazon Bedrock Converse request, and Converse's answer as
// an Anthropic message. OpenAI clients reach Bedrock through OpenAiToAnthropic first, so one
// mapping serves both. Converse carries system prompts, turns, images, tools, tool results,
// stop sequences and usage; extended thinking goes to the model as an additional field; what
// it cannot carry refuses the request with a reason.
class AnthropicToConverse
{
public:
    struct Request
    {
        QJsonObject body;
        QStringList droppedFields;
    };

    // Fails (Unsupported) when the request holds what Converse cannot carry.
    static Result<Request> request(const QJsonObject& anthropic);
    // Nothing when the answer cannot be read.
    static std::optional<QByteArray> answer(const QByteArray& converseBody, const QString& model);

    // "end_turn", "tool_use", "max_tokens", "stop_sequence" or "refusal" for Converse's reason.
    static QString stopReason(const QString& converseReason);
    // An Anthropic usage object from Converse's.
    static QJsonObject usage(const QJsonObject& converseUsage);
};
