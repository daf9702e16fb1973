#pragma once

#include <QString>

#include <optional>

// Per prioritized key, mirroring OpenRouter's setting: may the router fall through to
// shared-capacity keys for the requests this key could serve? Stored as its numeric value.
enum class SharedCapacityPolicy {
    Allow = 0,
    NeverForMatchingModels = 1,
    NeverForProvider = 2,
};

// "allow", "never-for-models", "never-for-provider".
QString sharedCapacityPolicyId(SharedCapacityPolicy policy);
std::optional<SharedCapacityPolicy> sharedCapacityPolicyFromId(QStringView text);
std::optional<SharedCapacityPolicy> sharedCapacityPolicyFromStoredValue(int value);
