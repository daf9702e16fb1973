#pragma once

#include "router/upstream/UpstreamAdapter.h"

// Which adapter calls a provider's keys.
namespace ProviderAdapters {

// The adapter for a provider's keys and the model to call (Vertex serves Gemini and Claude in
// their own formats), or nullptr when Keyway cannot call them yet. An AdapterLookup.
const UpstreamAdapter* forKey(QStringView providerId, QStringView upstreamModel);

} // namespace ProviderAdapters
