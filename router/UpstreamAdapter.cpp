#include "UpstreamAdapter.h"

#include "AnthropicAdapter.h"
#include "BedrockAdapter.h"
#include "CooldownHeaders.h"
#include "GeminiAdapter.h"
#include "OpenAiAdapter.h"
#include "ProviderRegistry.h"
#include "google/VertexClaudeAdapter.h"
#include "google/VertexGeminiAdapter.h"

const UpstreamAdapter* UpstreamAdapter::forKey(QStringView providerId, QStringView upstreamModel)
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

std::optional<std::chrono::milliseconds> UpstreamAdapter::cooldown(
    const HttpHeaders& headers, const QByteArray& /*body*/) const
{
    return CooldownHeaders::cooldown(headers, QDateTime::currentDateTimeUtc());
}

std::optional<GoogleServiceAccount> UpstreamAdapter::serviceAccount(
    const UpstreamTarget& /*target*/) const
{
    return std::nullopt;
}
