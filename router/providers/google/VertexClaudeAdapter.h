#pragma once

#include "router/providers/anthropic/AnthropicAdapter.h"

// Anthropic's models on Vertex AI: the Messages API at the key's project and region through
// rawPredict and streamRawPredict, the model in the URL rather than the body, and
// `anthropic_version: vertex-2023-10-16` in the body. Vertex refuses betas it does not know, so
// only those it accepts are forwarded (the others are recorded as dropped, with the body fields
// that need them). Needs a service account: express mode serves no partner models.
class VertexClaudeAdapter : public AnthropicAdapter
{
public:
    Result<UpstreamRequest> buildRequest(const UpstreamTarget& target, const ClientCall& call,
        const QString& upstreamModel) const override;
    UpstreamOutcome classify(
        int httpStatus, const HttpHeaders& headers, const QByteArray& body) const override;
    std::optional<std::chrono::milliseconds> cooldown(
        const HttpHeaders& headers, const QByteArray& body) const override;

    static constexpr char vertexVersion[] = "vertex-2023-10-16";
    // The client's betas Vertex accepts, under the names it knows them by.
    static QList<QByteArray> acceptedBetas(const QByteArray& header, QStringList* dropped);
};
