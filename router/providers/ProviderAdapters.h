#pragma once

#include "router/upstream/UpstreamAdapter.h"

// Which adapter calls a provider's keys.
namespace ProviderAdapters {

// The adapter for a provider's keys, the model to call (Vertex serves Gemini and Claude in
// their own formats) and the client's protocol (the hub's for a protocol the provider does not
// speak), or nullptr when Keyway cannot call them yet. An AdapterLookup.
const UpstreamAdapter* forKey(QStringView providerId, QStringView upstreamModel,
    ClientProtocol protocol = ClientProtocol::OpenAi);

} // namespace ProviderAdapters
