#include "ui/keys/KeyBoard.h"
#include "ui/keys/TierListModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

ProviderKey key(qint64 id, const QString& label, Tier tier, int position,
    const QString& provider = QStringLiteral("openai"))
{
    ProviderKey k;
    k.id = id;
    k.label = label;
    k.tier = tier;
    k.position = position;
    k.providerId = provider;
    k.secretHint = QStringLiteral("sk-…%1").arg(id);
    return k;
}

} // namespace

// The tier board's lists as the views use them: drag and drop through mimeData and
// dropMimeData, with the order the app layer is asked to store after each move.
class TestTierListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KeyBoard> m_board;
    std::vector<std::unique_ptr<TierListModel>> m_models;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    TierListModel& model(Tier tier) { return *m_models.at(static_cast<size_t>(tier)); }

    QStringList labels(Tier tier)
    {
        QStringList shown;
        for (int row = 0; row < model(tier).rowCount(); ++row)
            shown.append(model(tier).index(row).data().toString());
        return shown;
    }

    std::unique_ptr<QMimeData> drag(Tier tier, int row)
    {
        return std::unique_ptr<QMimeData>(model(tier).mimeData({ model(tier).index(row) }));
    }

    bool drop(const QMimeData& data, Tier tier, int row)
    {
        return model(tier).canDropMimeData(&data, Qt::MoveAction, row, 0, {})
            && model(tier).dropMimeData(&data, Qt::MoveAction, row, 0, {});
    }

private slots:
    void init()
    {
        m_board = std::make_unique<KeyBoard>();
        m_models.clear();
        m_testers.clear();
        for (Tier tier : allTiers) {
            m_models.push_back(std::make_unique<TierListModel>(*m_board, tier));
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m_models.back().get(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
        ProviderKey own = key(4, QStringLiteral("Own"), Tier::Prioritized, 3);
        own.sharedCapacity = SharedCapacityPolicy::NeverForProvider;
        // Out of order on purpose: the board sorts by tier and position.
        m_board->setKeys(
            { key(5, QStringLiteral("S"), Tier::SharedCapacity, 0, QStringLiteral("openrouter")),
                key(2, QStringLiteral("B"), Tier::Prioritized, 1),
                key(1, QStringLiteral("A"), Tier::Prioritized, 0),
                key(3, QStringLiteral("C"), Tier::Prioritized, 2, QStringLiteral("anthropic")), own,
                key(6, QStringLiteral("F"), Tier::Fallback, 0) });
    }

    void showsEachTierInOrder()
    {
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "A", "B", "C", "Own" }));
        QCOMPARE(labels(Tier::SharedCapacity), QStringList { "S" });
        QCOMPARE(labels(Tier::Fallback), QStringList { "F" });
        const QModelIndex b = model(Tier::Prioritized).index(1);
        QCOMPARE(b.data(TierListModel::KeyIdRole).toLongLong(), 2);
        QCOMPARE(b.data(TierListModel::SecretHintRole).toString(), QStringLiteral("sk-…2"));
        QCOMPARE(b.data(TierListModel::FilterSummaryRole).toString(), QStringLiteral("all models"));
        QVERIFY(!b.data(Qt::DecorationRole).value<QIcon>().isNull());
    }

    void reordersWithinATier()
    {
        QSignalSpy requested(m_board.get(), &KeyBoard::moveRequested);
        QVERIFY(drop(*drag(Tier::Prioritized, 2), Tier::Prioritized, 0)); // C before A
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "C", "A", "B", "Own" }));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toLongLong(), 3);
        QCOMPARE(requested.first().at(1).value<Tier>(), Tier::Prioritized);
        QCOMPARE(requested.first().at(2).toInt(), 0);

        QVERIFY(drop(*drag(Tier::Prioritized, 0), Tier::Prioritized, -1)); // C to the end
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "A", "B", "Own", "C" }));
        QCOMPARE(requested.last().at(2).toInt(), 3);
    }

    void movesBetweenTiers()
    {
        QSignalSpy requested(m_board.get(), &KeyBoard::moveRequested);
        QVERIFY(drop(*drag(Tier::Prioritized, 1), Tier::Fallback, 0)); // B before F
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "A", "C", "Own" }));
        QCOMPARE(labels(Tier::Fallback), (QStringList { "B", "F" }));
        QCOMPARE(requested.last().at(1).value<Tier>(), Tier::Fallback);
        QCOMPARE(requested.last().at(2).toInt(), 0);
        // Positions are dense again in both tiers.
        QCOMPARE(m_board->key(6)->position, 1);
        QCOMPARE(m_board->key(3)->position, 1);
    }

    void refusesAForbiddenDropAndSaysWhy()
    {
        QSignalSpy requested(m_board.get(), &KeyBoard::moveRequested);
        QSignalSpy refused(m_board.get(), &KeyBoard::refused);
        const auto own = drag(Tier::Prioritized, 3);
        QVERIFY(!model(Tier::Fallback).canDropMimeData(own.get(), Qt::MoveAction, 0, 0, {}));
        QVERIFY(!model(Tier::Fallback).dropMimeData(own.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.first().first().toString().contains(u"forbids shared capacity"),
            qPrintable(refused.first().first().toString()));
        QCOMPARE(requested.size(), 0);
        QCOMPARE(labels(Tier::Fallback), QStringList { "F" });
        // Within its own tier it moves freely.
        QVERIFY(drop(*own, Tier::Prioritized, 0));
        QCOMPARE(labels(Tier::Prioritized).first(), QStringLiteral("Own"));
    }

    void aFilteredBoardPlacesKeysAmongTheHiddenOnes()
    {
        m_board->setProviderFilter(QStringLiteral("openai"));
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "A", "B", "Own" })); // C is hidden
        QCOMPARE(labels(Tier::SharedCapacity), QStringList {});
        QSignalSpy requested(m_board.get(), &KeyBoard::moveRequested);
        QVERIFY(drop(*drag(Tier::Fallback, 0), Tier::Prioritized, 2)); // F before Own
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "A", "B", "F", "Own" }));
        QCOMPARE(requested.last().at(2).toInt(), 3); // after the hidden C
        m_board->setProviderFilter({});
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "A", "B", "C", "F", "Own" }));
    }

    void keyListsOlderThanAMoveWaitUntilItIsStored()
    {
        QList<ProviderKey> stale;
        for (Tier tier : allTiers) {
            for (const ProviderKey& k : m_board->shownKeys(tier))
                stale.append(k);
        }
        QVERIFY(drop(*drag(Tier::Prioritized, 0), Tier::Fallback, 0)); // A to Fallback
        QVERIFY(drop(*drag(Tier::Prioritized, 0), Tier::Fallback, 0)); // then B
        m_board->setKeys(stale); // the list as it was before the first move was stored
        QCOMPARE(labels(Tier::Fallback), (QStringList { "B", "A", "F" }));
        m_board->moveFinished();
        QCOMPARE(labels(Tier::Fallback), (QStringList { "B", "A", "F" }));
        QList<ProviderKey> current = stale;
        for (ProviderKey& k : current) {
            if (k.label == u"A" || k.label == u"B")
                k.tier = Tier::Fallback;
            if (k.label == u"B" || k.label == u"A")
                k.position = k.label == u"B" ? 0 : 1;
            if (k.label == u"F")
                k.position = 2;
        }
        m_board->setKeys(current);
        m_board->moveFinished(); // the last one: what came last is shown
        QCOMPARE(labels(Tier::Fallback), (QStringList { "B", "A", "F" }));
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "C", "Own" }));
        m_board->setKeys(stale); // nothing in flight: applied at once
        QCOMPARE(labels(Tier::Fallback), QStringList { "F" });
    }

    void showsEachKeysHealthWithACountdown()
    {
        const auto badge = [this](int row) {
            return model(Tier::Prioritized)
                .index(row)
                .data(TierListModel::HealthTextRole)
                .toString();
        };
        const auto level = [this](int row) {
            return static_cast<TierListModel::HealthLevel>(
                model(Tier::Prioritized).index(row).data(TierListModel::HealthLevelRole).toInt());
        };
        QCOMPARE(badge(0), QStringLiteral("ready"));
        QCOMPARE(level(0), TierListModel::HealthLevel::Ready);
        QSignalSpy changed(&model(Tier::Prioritized), &QAbstractItemModel::dataChanged);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_board->setStatuses({ { 1, { KeyHealth::State::CoolingDown, now.addSecs(23) } },
            { 2, { KeyHealth::State::Invalid, {} } },
            { 3, { KeyHealth::State::CircuitOpen, now.addSecs(300) } },
            { 4, { KeyHealth::State::CoolingDown, now.addSecs(-1) } } }); // its time is up
        QCOMPARE(changed.size(), 1); // rows stay, and so does the selection
        QVERIFY2(badge(0) == u"cooling down · 23 s" || badge(0) == u"cooling down · 22 s",
            qPrintable(badge(0)));
        QCOMPARE(level(0), TierListModel::HealthLevel::Waiting);
        QCOMPARE(badge(1), QStringLiteral("invalid"));
        QCOMPARE(level(1), TierListModel::HealthLevel::Broken);
        QCOMPARE(badge(2), QStringLiteral("failing · retry in 5 min"));
        QCOMPARE(badge(3), QStringLiteral("ready"));
        QVERIFY(m_board->hasCountdown());

        QList<ProviderKey> keys;
        for (Tier tier : allTiers)
            keys += m_board->shownKeys(tier);
        for (ProviderKey& key : keys)
            key.secretMissing = key.id == 5;
        m_board->setKeys(keys);
        QCOMPARE(
            model(Tier::SharedCapacity).index(0).data(TierListModel::HealthTextRole).toString(),
            QStringLiteral("secret missing"));

        // A key whose plain-HTTP endpoint is a public address is not used until it is edited.
        for (ProviderKey& key : keys) {
            key.secretMissing = false;
            if (key.id == 6)
                key.baseUrl = QStringLiteral("http://203.0.113.5/v1");
        }
        m_board->setKeys(keys);
        const QModelIndex fallback = model(Tier::Fallback).index(0);
        QCOMPARE(fallback.data(TierListModel::HealthTextRole).toString(),
            QStringLiteral("plain HTTP refused"));
        QCOMPARE(static_cast<TierListModel::HealthLevel>(
                     fallback.data(TierListModel::HealthLevelRole).toInt()),
            TierListModel::HealthLevel::Broken);
    }

    void showsEachKeysRequestsThisMonth()
    {
        const QModelIndex a = model(Tier::Prioritized).index(0);
        QVERIFY(a.data(TierListModel::UsageRole).toString().isEmpty());
        QSignalSpy changed(&model(Tier::Prioritized), &QAbstractItemModel::dataChanged);
        m_board->setAnsweredThisMonth({ { 1, 3 } });
        QCOMPARE(changed.size(), 1);
        QVERIFY2(a.data(TierListModel::UsageRole).toString().startsWith(u"3 request"),
            qPrintable(a.data(TierListModel::UsageRole).toString()));
        QVERIFY(
            model(Tier::Prioritized).index(1).data(TierListModel::UsageRole).toString().isEmpty());
        m_board->setAnsweredThisMonth({ { 1, 3 } }); // the same: nothing to repaint
        QCOMPARE(changed.size(), 1);
    }

    void dragsOneKeyAtATime()
    {
        TierListModel& prioritized = model(Tier::Prioritized);
        QCOMPARE(prioritized.mimeData({ prioritized.index(0), prioritized.index(1) }), nullptr);
        QMimeData foreign;
        foreign.setText(QStringLiteral("1"));
        QVERIFY(!prioritized.canDropMimeData(&foreign, Qt::MoveAction, 0, 0, {}));
        QVERIFY(!prioritized.dropMimeData(&foreign, Qt::MoveAction, 0, 0, {}));
        QVERIFY(!prioritized.canDropMimeData(
            drag(Tier::Prioritized, 0).get(), Qt::CopyAction, 0, 0, {}));
    }

    void aDropOntoItselfChangesNothing()
    {
        QSignalSpy requested(m_board.get(), &KeyBoard::moveRequested);
        QVERIFY(drop(*drag(Tier::Prioritized, 1), Tier::Prioritized, 1));
        QVERIFY(drop(*drag(Tier::Prioritized, 1), Tier::Prioritized, 2)); // before its neighbour
        QCOMPARE(requested.size(), 0);
        QCOMPARE(labels(Tier::Prioritized), (QStringList { "A", "B", "C", "Own" }));
    }
};

QTEST_MAIN(TestTierListModel)
#include "TestTierListModel.moc"
