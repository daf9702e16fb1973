#pragma once

#include "router/providers/google/GeminiAdapter.h"

// Google's models on Vertex AI: the Gemini API's format, at the key's project and region
// (VertexEndpoint), with a service account's access token or an express-mode API key.
class VertexGeminiAdapter : public GeminiAdapter
{
public:
protected:
    Result<void> address(UpstreamRequest& request, const UpstreamTarget& target,
        const QString& model, bool stream) const override;
};
