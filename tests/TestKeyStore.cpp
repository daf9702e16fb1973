#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/Store.h"
#include "tests/support/StoreFixtures.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using StoreFixtures::draftKey;

class TestKeyStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    // The order the store reports, per tier, checking that positions are dense on the way.
    static std::array<QList<qint64>, 3> orderOf(Store& store)
    {
        std::array<QList<qint64>, 3> order;
        const auto keys = store.keys().all();
        if (!keys)
            return order;
        for (const ProviderKey& key : *keys) {
            auto& tier = order.at(static_cast<size_t>(key.tier));
            if (key.position != tier.size())
                qWarning() << "position gap at key" << key.id << key.position << tier.size();
            tier.append(key.id);
        }
        return order;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = StoreFixtures::freshDatabase(m_dir);
    }

    void keepsFiltersAndSettings()
    {
        Store store;
        QVERIFY(store.open(m_path));
        auto member = store.access().insertMember(QStringLiteral("ci-bot"));
        QVERIFY(member);
        ProviderKey key = draftKey(QStringLiteral("filtered"), Tier::Prioritized);
        key.filters.modelPatterns = { QStringLiteral("llama-*"), QStringLiteral("openai/gpt-4.1") };
        key.filters.memberIds = { member->id };
        key.settings.insert(QStringLiteral("region"), QStringLiteral("eu-west-1"));
        key.baseUrl = QStringLiteral("https://example.test/v1");
        const auto inserted = store.keys().insert(key);
        QVERIFY(inserted);
        QCOMPARE(inserted->filters, key.filters);
        QCOMPARE(inserted->settings, key.settings);
        QCOMPARE(inserted->baseUrl, key.baseUrl);
        QVERIFY(inserted->workspaceId == std::nullopt);
        QVERIFY(inserted->createdAt.isValid());
    }

    void randomMovesKeepTheOrderDense()
    {
        Store store;
        QVERIFY(store.open(m_path));
        std::array<QList<qint64>, 3> model;
        QHash<qint64, bool> prioritizedOnly;
        auto* random = QRandomGenerator::global();
        const quint32 seed = random->generate();
        QRandomGenerator rng(seed);
        qInfo() << "seed" << seed;

        const auto addKey = [&](int n) {
            const Tier tier = allTiers.at(rng.bounded(3));
            const bool pinned = tier == Tier::Prioritized && rng.bounded(4) == 0;
            const auto inserted = store.keys().insert(draftKey(QStringLiteral("k%1").arg(n), tier,
                pinned ? SharedCapacityPolicy::NeverForProvider : SharedCapacityPolicy::Allow));
            QVERIFY(inserted);
            model.at(static_cast<size_t>(tier)).append(inserted->id);
            prioritizedOnly.insert(inserted->id, pinned);
        };
        for (int i = 0; i < 15; ++i)
            addKey(i);

        for (int step = 0; step < 1500; ++step) {
            const int action = static_cast<int>(rng.bounded(20));
            QList<qint64> all;
            for (const auto& tier : model)
                all += tier;
            if (action == 0 && !all.isEmpty()) {
                const qint64 id = all.at(rng.bounded(static_cast<int>(all.size())));
                QVERIFY(store.keys().remove(id));
                for (auto& tier : model)
                    tier.removeOne(id);
            } else if (action == 1 || all.isEmpty()) {
                addKey(1000 + step);
            } else {
                const qint64 id = all.at(rng.bounded(static_cast<int>(all.size())));
                const Tier tier = allTiers.at(rng.bounded(3));
                auto& target = model.at(static_cast<size_t>(tier));
                const int othersInTarget
                    = static_cast<int>(target.size() - (target.contains(id) ? 1 : 0));
                // Sometimes out of range (-1 or past the end), sometimes "the end".
                const int position = static_cast<int>(rng.bounded(othersInTarget + 3)) - 1;
                const bool atEnd = rng.bounded(5) == 0;
                const auto moved
                    = store.keys().move(id, tier, atEnd ? std::nullopt : std::optional(position));
                const bool forbidden = tier != Tier::Prioritized && prioritizedOnly.value(id);
                const bool outOfRange = !atEnd && (position < 0 || position > othersInTarget);
                QCOMPARE(moved.ok(), !forbidden && !outOfRange);
                if (moved) {
                    for (auto& t : model)
                        t.removeOne(id);
                    target.insert(atEnd ? target.size() : position, id);
                }
            }
            const auto stored = orderOf(store);
            QVERIFY2(stored == model,
                qPrintable(QStringLiteral("step %1, seed %2").arg(step).arg(seed)));
        }
        // Positions are dense: each tier's positions are exactly 0..n-1.
        const auto keys = store.keys().all();
        std::array<int, 3> expectedPosition {};
        for (const ProviderKey& key : *keys)
            QCOMPARE(key.position, expectedPosition.at(static_cast<size_t>(key.tier))++);
    }

    void movingEmitsChanged()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto a = store.keys().insert(draftKey(QStringLiteral("a"), Tier::Prioritized));
        QSignalSpy spy(&store, &Store::changed);
        QVERIFY(store.keys().move(a->id, Tier::Fallback, 0));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<Store::Areas>(), Store::Areas(Store::Area::Keys));
        QVERIFY(!store.keys().move(a->id, Tier::Fallback, 5));
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "TestKeyStore.moc"
