#pragma once

#include "router/core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// An Anthropic Messages request as an OpenAI chat-completions request, and the answer back:
// system prompt, turns, images, tools and tool results, stop sequences and reasons, usage.
// What OpenAI's format cannot express is mapped where there is an equivalent, otherwise left
// out and named in droppedFields (thinking, top_k, cache_control...); content it cannot carry
// (documents, images in tool results) refuses the request with a reason.
class AnthropicToOpenAi
{
public:
    struct Request
    {
        QJsonObject body; // without model: the request builder sets the upstream's id
        QStringList droppedFields;
    };

    // `maxTokensField` is "max_completion_tokens" for OpenAI and Azure, "max_tokens" elsewhere.
    // Fails (Unsupported) when the request holds what OpenAI's format cannot carry.
    static Result<Request> request(const QJsonObject& anthropic, const QString& maxTokensField);
    // A whole chat completion as an Anthropic message; nothing when it cannot be read.
    static std::optional<QByteArray> answer(const QByteArray& openAiBody);
    // An OpenAI error answer as Anthropic's error object (invalid_request_error: the router
    // passes on only the provider's refusals of the request itself).
    static QByteArray error(const QByteArray& openAiBody);

    // "end_turn", "max_tokens", "tool_use", "refusal" for an OpenAI finish_reason.
    static QString stopReason(const QString& finishReason);
    // An Anthropic usage object from an OpenAI one (the prompt without its cached part).
    static QJsonObject usage(const QJsonObject& openAiUsage);
};
