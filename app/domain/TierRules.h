#pragma once

#include "app/domain/ProviderKey.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// Where a provider key may sit. The store enforces it; the tier board asks before a drop so
// that it can say why one is refused.
class TierRules
{
    Q_DECLARE_TR_FUNCTIONS(TierRules)

public:
    // Why `key` may not move to `tier`, or nothing when it may.
    static std::optional<QString> refusalToMove(const ProviderKey& key, Tier tier);
};
