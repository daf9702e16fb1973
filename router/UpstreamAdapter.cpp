#include "UpstreamAdapter.h"

#include "AnthropicAdapter.h"
#include "BedrockAdapter.h"
#include "OpenAiAdapter.h"
#include "ProviderRegistry.h"

const UpstreamAdapter* UpstreamAdapter::forProvider(QStringView providerId)
{
    static const OpenAiAdapter openAi;
    static const AnthropicAdapter anthropic;
    static const BedrockAdapter bedrock;
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
        break;
    }
    return nullptr;
}
