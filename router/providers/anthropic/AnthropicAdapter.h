#pragma once

#include "router/upstream/UpstreamAdapter.h"

// Anthropic's Messages API (api.anthropic.com, or a gateway or Azure AI Foundry's /anthropic
// endpoint as the key's base URL). For clients that speak it the request goes as the client
// wrote it, with the key's x-api-key and the client's anthropic-version and anthropic-beta;
// OpenAI-format chat completions are translated both ways (OpenAiToAnthropic).
class AnthropicAdapter : public UpstreamAdapter
{
public:
    // The version sent when the client names none.
    static QByteArray defaultVersion() { return "2023-06-01"; }

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
