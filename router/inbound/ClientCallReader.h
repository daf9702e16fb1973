#pragma once

#include "router/core/Result.h"
#include "router/http/HttpRequest.h"
#include "router/inbound/ClientCall.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

// Reads a client's request body into a ClientCall, one reader per inbound protocol. The checks
// are the protocol's own, so a client hears at once what the provider would have said; a
// request that does not fit fails as InvalidInput (ClientErrors::fromFailure answers it).
class ClientCallReader
{
public:
    struct Parsed
    {
        ClientCall call;
        QStringList models; // the model asked for, then OpenRouter's fallbacks in order
    };

    // An OpenAI chat-completions or embeddings request.
    static Result<Parsed> openAi(const QByteArray& body, ClientEndpoint endpoint);
    // An Anthropic Messages request (or a count_tokens one), with its forwarded headers.
    static Result<Parsed> anthropic(const HttpRequest& request, ClientEndpoint endpoint);
    // An OpenAI Responses request (POST /v1/responses).
    static Result<Parsed> responses(const QByteArray& body);

    // A Gemini API method path: /v1beta/models/{model}:{method}, also under /v1/ and /v1alpha/.
    struct GeminiMethod
    {
        QString model; // as the path names it, decoded
        QString method; // "generateContent", "streamGenerateContent", "countTokens"...
    };
    static std::optional<GeminiMethod> geminiMethod(QByteArrayView path);
    // A Gemini API request for `method` on the model its path names: generateContent,
    // streamGenerateContent (?alt=sse, or one JSON array without it), countTokens,
    // embedContent or batchEmbedContents. Fails (NotFound) for any other method.
    static Result<Parsed> gemini(const HttpRequest& request, const GeminiMethod& target);
};
