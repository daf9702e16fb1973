#pragma once

#include "router/core/Result.h"
#include "router/http/HttpRequest.h"
#include "router/inbound/ClientCall.h"

#include <QByteArray>
#include <QStringList>

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
};
