#include "app/domain/TierRules.h"

#include <QTest>

// Where a provider key may sit: a key that forbids shared capacity stays in Prioritized, as on
// OpenRouter; any other key may go to any tier.
class TestTierRules : public QObject
{
    Q_OBJECT

private:
    static ProviderKey key(SharedCapacityPolicy policy, Tier tier = Tier::Prioritized)
    {
        ProviderKey key;
        key.id = 1;
        key.providerId = QStringLiteral("openai");
        key.label = QStringLiteral("Team key");
        key.tier = tier;
        key.sharedCapacity = policy;
        return key;
    }

private slots:
    void aKeyThatAllowsSharedCapacityMovesAnywhere()
    {
        for (Tier from : allTiers) {
            for (Tier to : allTiers)
                QVERIFY(!TierRules::refusalToMove(key(SharedCapacityPolicy::Allow, from), to));
        }
    }

    void aKeyThatForbidsSharedCapacityStaysPrioritized_data()
    {
        QTest::addColumn<SharedCapacityPolicy>("policy");
        QTest::newRow("never for its models") << SharedCapacityPolicy::NeverForMatchingModels;
        QTest::newRow("never for its provider") << SharedCapacityPolicy::NeverForProvider;
    }
    void aKeyThatForbidsSharedCapacityStaysPrioritized()
    {
        QFETCH(SharedCapacityPolicy, policy);
        QVERIFY(!TierRules::refusalToMove(key(policy), Tier::Prioritized));
        for (Tier to : { Tier::SharedCapacity, Tier::Fallback }) {
            const std::optional<QString> refusal = TierRules::refusalToMove(key(policy), to);
            QVERIFY(refusal);
            // It names the key and says what to change.
            QVERIFY2(refusal->contains("\"Team key\""), qPrintable(*refusal));
            QVERIFY2(refusal->contains("shared-capacity option"), qPrintable(*refusal));
        }
    }

    void aKeyAlreadyOutsidePrioritizedMayStillGoBack()
    {
        // A key stored in the wrong tier before the rule existed may always be put right.
        const ProviderKey misplaced = key(SharedCapacityPolicy::NeverForProvider, Tier::Fallback);
        QVERIFY(!TierRules::refusalToMove(misplaced, Tier::Prioritized));
        QVERIFY(TierRules::refusalToMove(misplaced, Tier::Fallback));
    }
};

QTEST_GUILESS_MAIN(TestTierRules)
#include "TestTierRules.moc"
