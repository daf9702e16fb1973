#pragma once

#include "router/upstream/UpstreamAdapter.h"

// Upstreams that speak OpenAI's wire format (openai, openrouter, azure, openai-compatible
// services), for clients of Keyway's OpenAI endpoints; Anthropic clients' calls are translated
// both ways, and OpenAI's and Azure's keys also take Responses API calls as they are.
class OpenAiAdapter : public UpstreamAdapter
{
public:
    Result<UpstreamRequest> buildRequest(const UpstreamTarget& target, const ClientCall& call,
        const QString& upstreamModel) const override;
    UpstreamOutcome classify(
        int httpStatus, const HttpHeaders& headers, const QByteArray& body) const override;
    QString errorMessage(const QByteArray& body) const override;
    std::optional<ClientAnswer> translateAnswer(
        const ClientCall& call, const QByteArray& body) const override;
    QByteArray translateError(const ClientCall& call, const QByteArray& body) const override;
    std::unique_ptr<StreamTranslator> streamTranslator(const ClientCall& call) const override;
};
