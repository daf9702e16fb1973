#include "app/domain/TierRules.h"

std::optional<QString> TierRules::refusalToMove(const ProviderKey& key, Tier tier)
{
    // As on OpenRouter: a key that forbids shared capacity is one's own first choice.
    if (tier != Tier::Prioritized && key.sharedCapacity != SharedCapacityPolicy::Allow) {
        return tr("\"%1\" forbids shared capacity, so it must stay in Prioritized. Change its "
                  "shared-capacity option first.")
            .arg(key.label);
    }
    return std::nullopt;
}
