#include "router/providers/ProviderAdapters.h"

#include "router/catalog/ProviderRegistry.h"
#include "router/providers/HubAdapter.h"
#include "router/providers/anthropic/AnthropicAdapter.h"
#include "router/providers/bedrock/BedrockAdapter.h"
#include "router/providers/google/GeminiAdapter.h"
#include "router/providers/google/VertexClaudeAdapter.h"
#include "router/providers/google/VertexGeminiAdapter.h"
#include "router/providers/openai/OpenAiAdapter.h"

namespace {

// An upstream format's adapter, and the hub in front of it for the client protocols it does not
// speak. Stateless, shared by every thread.
template <typename Adapter> struct AdapterPair
{
    Adapter native {};
    HubAdapter hub { native };
};

const AdapterPair<OpenAiAdapter> openAi;
const AdapterPair<AnthropicAdapter> anthropic;
const AdapterPair<BedrockAdapter> bedrock;
const AdapterPair<GeminiAdapter> gemini;
const AdapterPair<VertexGeminiAdapter> vertexGemini;
const AdapterPair<VertexClaudeAdapter> vertexClaude;

// Whether the adapter speaks the client's protocol itself: OpenAI's and Azure's keys the
// Responses API, Google's Gemini models the Gemini API. Chat completions and Messages every
// adapter speaks.
bool speaksNatively(
    const ProviderDescriptor& provider, QStringView upstreamModel, ClientProtocol protocol)
{
    switch (protocol) {
    case ClientProtocol::OpenAi:
    case ClientProtocol::Anthropic:
        return true;
    case ClientProtocol::Responses:
        return provider.id == u"openai" || provider.id == u"azure";
    case ClientProtocol::Gemini:
        return provider.wireFormat == WireFormat::GoogleGenerateContent
            && !upstreamModel.startsWith(u"claude");
    }
    return false;
}

template <typename Adapter>
const UpstreamAdapter* pick(const AdapterPair<Adapter>& pair, bool native)
{
    return native ? static_cast<const UpstreamAdapter*>(&pair.native) : &pair.hub;
}

} // namespace

const UpstreamAdapter* ProviderAdapters::forKey(
    QStringView providerId, QStringView upstreamModel, ClientProtocol protocol)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    if (!provider)
        return nullptr;
    const bool native = speaksNatively(*provider, upstreamModel, protocol);
    switch (provider->wireFormat) {
    case WireFormat::OpenAiChat:
        return pick(openAi, native);
    case WireFormat::AnthropicMessages:
        return pick(anthropic, native);
    case WireFormat::BedrockConverse:
        return pick(bedrock, native);
    case WireFormat::GoogleGenerateContent:
        if (provider->authScheme != AuthScheme::GoogleServiceAccount)
            return pick(gemini, native);
        // Vertex AI serves Anthropic's models in Anthropic's format.
        return upstreamModel.startsWith(u"claude") ? pick(vertexClaude, native)
                                                   : pick(vertexGemini, native);
    }
    return nullptr;
}
