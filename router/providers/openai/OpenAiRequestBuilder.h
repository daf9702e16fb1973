#pragma once

#include "router/core/Result.h"
#include "router/upstream/UpstreamRequest.h"
#include "router/upstream/UpstreamTarget.h"

#include <QJsonObject>

#include <optional>

// Builds the request to an upstream that speaks OpenAI's wire format: openai, openrouter,
// openai-compatible services and Azure AI Foundry. Only the key's own credentials are set; the
// client's headers are never copied.
class OpenAiRequestBuilder
{
public:
    enum class Endpoint { ChatCompletions, Embeddings, Models, Responses };

    // `body` is the client's JSON; its model is replaced by `upstreamModel`. A streamed chat asks
    // for usage (stream_options.include_usage) where the upstream accepts it. Fails when the
    // target lacks what its provider needs (the failure says what).
    static Result<UpstreamRequest> build(const UpstreamTarget& target, Endpoint endpoint,
        QJsonObject body, const QString& upstreamModel);
};
