#include "UpstreamAdapter.h"

#include "AnthropicAdapter.h"
#include "OpenAiAdapter.h"
#include "ProviderRegistry.h"

const UpstreamAdapter* UpstreamAdapter::forProvider(QStringView providerId)
{
    static const OpenAiAdapter openAi;
    static const AnthropicAdapter anthropic;
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    if (!provider)
        return nullptr;
    switch (provider->wireFormat) {
    case WireFormat::OpenAiChat:
        return &openAi;
    case WireFormat::AnthropicMessages:
        return &anthropic;
    case WireFormat::BedrockConverse:
    case WireFormat::GoogleGenerateContent:
        break;
    }
    return nullptr;
}
