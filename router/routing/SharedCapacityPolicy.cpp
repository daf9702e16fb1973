#include "router/routing/SharedCapacityPolicy.h"

#include <array>

namespace {
constexpr std::array allPolicies { SharedCapacityPolicy::Allow,
    SharedCapacityPolicy::NeverForMatchingModels, SharedCapacityPolicy::NeverForProvider };
}

QString sharedCapacityPolicyId(SharedCapacityPolicy policy)
{
    switch (policy) {
    case SharedCapacityPolicy::Allow:
        return QStringLiteral("allow");
    case SharedCapacityPolicy::NeverForMatchingModels:
        return QStringLiteral("never-for-models");
    case SharedCapacityPolicy::NeverForProvider:
        return QStringLiteral("never-for-provider");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<SharedCapacityPolicy> sharedCapacityPolicyFromId(QStringView text)
{
    for (SharedCapacityPolicy policy : allPolicies) {
        if (text.trimmed().compare(sharedCapacityPolicyId(policy), Qt::CaseInsensitive) == 0)
            return policy;
    }
    return std::nullopt;
}

std::optional<SharedCapacityPolicy> sharedCapacityPolicyFromStoredValue(int value)
{
    for (SharedCapacityPolicy policy : allPolicies) {
        if (static_cast<int>(policy) == value)
            return policy;
    }
    return std::nullopt;
}
