#include "UpstreamAdapter.h"

#include "OpenAiAdapter.h"
#include "ProviderRegistry.h"

const UpstreamAdapter* UpstreamAdapter::forProvider(QStringView providerId)
{
    static const OpenAiAdapter openAi;
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    if (provider && provider->wireFormat == WireFormat::OpenAiChat)
        return &openAi;
    return nullptr;
}
