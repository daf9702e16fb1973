#pragma once

#include "router/core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// An OpenAI chat-completions request as an Anthropic Messages request, and the answer back:
// system and developer messages, turns (merged where Anthropic needs roles to alternate),
// images, tools, tool calls and their results, stop sequences and reasons, usage. What the
// Messages API cannot express is left out and named in droppedFields (penalties, seed,
// logprobs, response_format...); what it cannot carry refuses the request with a reason.
class OpenAiToAnthropic
{
public:
    // Anthropic requires max_tokens; a request that names none gets this many.
    static constexpr int defaultMaxTokens = 4096;

    struct Request
    {
        QJsonObject body; // without model: the adapter sets the upstream's id
        QStringList droppedFields;
    };

    // Fails (Unsupported) when the request holds what the Messages API cannot carry.
    static Result<Request> request(const QJsonObject& openAi);
    // A whole Anthropic message as a chat completion; nothing when it cannot be read.
    static std::optional<QByteArray> answer(const QByteArray& anthropicBody);
    // An Anthropic error answer in OpenAI's shape.
    static QByteArray error(const QByteArray& anthropicBody);

    // "stop", "length", "tool_calls", "content_filter" for an Anthropic stop_reason.
    static QString finishReason(const QString& stopReason);
    // An OpenAI usage object from token counts.
    static QJsonObject usage(qint64 prompt, qint64 completion, qint64 cached);
};
