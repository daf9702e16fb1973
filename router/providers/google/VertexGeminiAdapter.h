#pragma once

#include "router/providers/google/GeminiAdapter.h"

// Google's models on Vertex AI: the Gemini API's format, at the key's project and region
// (VertexEndpoint), with a service account's access token or an express-mode API key. Vertex
// embeds with another method (predict): Gemini clients' embedding calls go to Gemini API keys.
class VertexGeminiAdapter : public GeminiAdapter
{
public:
    Result<UpstreamRequest> buildRequest(const UpstreamTarget& target, const ClientCall& call,
        const QString& upstreamModel) const override;

protected:
    Result<void> address(UpstreamRequest& request, const UpstreamTarget& target,
        const QString& model, const QString& method) const override;
};
