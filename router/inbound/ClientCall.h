#pragma once

#include "router/http/HttpHeaders.h"

#include <QJsonObject>

#include <optional>

// The API a client called Keyway with; answers and errors go back in it. OpenAI's chat
// completions and Anthropic's Messages are what upstreams speak; the Responses and Gemini APIs
// reach the upstreams that do not speak them by way of Anthropic's format (HubAdapter).
enum class ClientProtocol { OpenAi, Anthropic, Responses, Gemini };

// What the client asked for. CountTokens and Embeddings serve Anthropic's and Gemini's clients
// as well as OpenAI's.
enum class ClientEndpoint {
    ChatCompletions,
    Embeddings,
    Messages,
    CountTokens,
    Responses,
    GenerateContent
};

// One client request as the adapters see it: what was asked, in the client's own terms.
struct ClientCall
{
    ClientProtocol protocol = ClientProtocol::OpenAi;
    ClientEndpoint endpoint = ClientEndpoint::ChatCompletions;
    QJsonObject body; // as the client sent it, without OpenRouter's `models` fallback list
    bool stream = false;
    // The client asked for usage in its stream (OpenAI stream_options.include_usage); the
    // router asks upstreams for it either way, and strips it when the client did not.
    bool wantsStreamUsage = false;
    // A Gemini client that streams without alt=sse reads the answer as one JSON array.
    bool jsonArrayStream = false;
    // The key that holds the state the call continues (the response a Responses call names in
    // previous_response_id): no other may serve it.
    std::optional<qint64> boundKeyId;
    // The client's headers an upstream of its own format gets too (anthropic-version,
    // anthropic-beta).
    HttpHeaders forwardedHeaders;
};
