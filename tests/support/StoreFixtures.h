#pragma once

#include "app/domain/ProviderKey.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

// What the store's tests share: a fresh database file for each test function, and a provider
// key ready to insert.
namespace StoreFixtures {

inline QString freshDatabase(const QTemporaryDir& dir)
{
    return dir.filePath(QStringLiteral("t%1.db").arg(QRandomGenerator::global()->generate()));
}

inline ProviderKey draftKey(
    const QString& label, Tier tier, SharedCapacityPolicy policy = SharedCapacityPolicy::Allow)
{
    ProviderKey key;
    key.secretRef = QStringLiteral("provider-key/") + label;
    key.providerId = QStringLiteral("openai");
    key.label = label;
    key.secretHint = QStringLiteral("sk-…abcd");
    key.tier = tier;
    key.sharedCapacity = policy;
    return key;
}

} // namespace StoreFixtures
