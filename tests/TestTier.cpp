#include "router/core/Tier.h"
#include "router/routing/SharedCapacityPolicy.h"

#include <QTest>

// The identifiers of tiers and shared-capacity policies: what the CLI accepts and the database
// stores must round-trip.
class TestTier : public QObject
{
    Q_OBJECT

private slots:
    void tierIdsRoundTrip()
    {
        for (Tier tier : allTiers) {
            QCOMPARE(tierFromId(tierId(tier)), tier);
            QCOMPARE(tierFromStoredValue(static_cast<int>(tier)), tier);
        }
    }

    void tierOrderIsTheTryOrder()
    {
        QVERIFY(static_cast<int>(Tier::Prioritized) < static_cast<int>(Tier::SharedCapacity));
        QVERIFY(static_cast<int>(Tier::SharedCapacity) < static_cast<int>(Tier::Fallback));
    }

    void tierSpellings()
    {
        QCOMPARE(tierFromId(u"Shared-Capacity"), Tier::SharedCapacity);
        QCOMPARE(tierFromId(u"shared_capacity"), Tier::SharedCapacity);
        QCOMPARE(tierFromId(u" FALLBACK "), Tier::Fallback);
        QCOMPARE(tierFromId(u"prioritised"), Tier::Prioritized);
        QVERIFY(!tierFromId(u"first"));
        QVERIFY(!tierFromStoredValue(3));
        QVERIFY(!tierFromStoredValue(-1));
    }

    void policyIdsRoundTrip()
    {
        for (auto policy :
            { SharedCapacityPolicy::Allow, SharedCapacityPolicy::NeverForMatchingModels,
                SharedCapacityPolicy::NeverForProvider }) {
            QCOMPARE(sharedCapacityPolicyFromId(sharedCapacityPolicyId(policy)), policy);
            QCOMPARE(sharedCapacityPolicyFromStoredValue(static_cast<int>(policy)), policy);
        }
        QVERIFY(!sharedCapacityPolicyFromId(u"sometimes"));
        QVERIFY(!sharedCapacityPolicyFromStoredValue(7));
    }
};

QTEST_GUILESS_MAIN(TestTier)
#include "TestTier.moc"
