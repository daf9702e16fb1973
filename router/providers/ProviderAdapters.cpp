#include "router/providers/ProviderAdapters.h"

#include "router/catalog/ProviderRegistry.h"
#include "router/providers/anthropic/AnthropicAdapter.h"
#include "router/providers/bedrock/BedrockAdapter.h"
#include "router/providers/google/GeminiAdapter.h"
#include "router/providers/google/VertexClaudeAdapter.h"
#include "router/providers/google/VertexGeminiAdapter.h"
#include "router/providers/openai/OpenAiAdapter.h"

const UpstreamAdapter* ProviderAdapters::forKey(QStringView providerId, QStringView upstreamModel)
{
    static const OpenAiAdapter openAi;
    static const AnthropicAdapter anthropic;
    static const BedrockAdapter bedrock;
    static const GeminiAdapter gemini;
    static const VertexGeminiAdapter vertexGemini;
    static const VertexClaudeAdapter vertexClaude;
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    if (!provider)
        return nullptr;
    switch (provider->wireFormat) {
    case WireFormat::OpenAiChat:
        return &openAi;
    case WireFormat::AnthropicMessages:
        return &anthropic;
    case WireFormat::BedrockConverse:
        return &bedrock;
    case WireFormat::GoogleGenerateContent:
        if (provider->authScheme != AuthScheme::GoogleServiceAccount)
            return &gemini;
        // Vertex AI serves Anthropic's models in Anthropic's format.
        return upstreamModel.startsWith(u"claude")
            ? static_cast<const UpstreamAdapter*>(&vertexClaude)
            : &vertexGemini;
    }
    return nullptr;
}
