#pragma once

#include "router/upstream/UpstreamAdapter.h"

// What adapters share whose upstream format is reached by way of Anthropic's (Bedrock
// Converse, Gemini): OpenAI clients' calls are first translated to an Anthropic request, and
// the upstream's answers are translated to Anthropic's and, for OpenAI clients, on to OpenAI's.
// One mapping per upstream format then serves both client protocols.
class AnthropicBridge
{
public:
    // The chat request the call amounts to in Anthropic's format; what the translation dropped
    // is added to `dropped`. Fails (Unsupported) for calls that are not chats.
    static Result<QJsonObject> request(
        const ClientCall& call, const QString& providerName, QStringList* dropped);
    // An Anthropic message (or count_tokens answer) as the answer in the client's protocol, with
    // its usage; nothing when it cannot be read.
    static std::optional<ClientAnswer> answer(
        const ClientCall& call, const QByteArray& anthropicMessage, const QString& model);
    // `toAnthropic` (upstream events → Anthropic's), followed for OpenAI clients by Anthropic's
    // events → OpenAI chunks.
    static std::unique_ptr<StreamTranslator> stream(
        const ClientCall& call, std::unique_ptr<StreamTranslator> toAnthropic);
};
