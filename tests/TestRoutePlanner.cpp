#include "router/routing/RoutePlanner.h"

#include <QTest>

using namespace std::chrono_literals;
using Clock = KeyHealth::Clock;

namespace {

RouteKey key(qint64 id, const char* provider, Tier tier = Tier::Prioritized)
{
    RouteKey k;
    k.id = id;
    k.label = QStringLiteral("key%1").arg(id);
    k.providerId = QString::fromLatin1(provider);
    k.tier = tier;
    k.workspaceId = 1;
    return k;
}

RouteRequest request(const char* model)
{
    return { QString::fromLatin1(model), 10, 20, 1 };
}

QList<qint64> idsOf(const RoutePlan& plan)
{
    QList<qint64> ids;
    for (const PlannedAttempt& attempt : plan.attempts)
        ids.append(attempt.keyId);
    return ids;
}

ExclusionReason reasonFor(const RoutePlan& plan, qint64 id)
{
    for (const ExcludedKey& excluded : plan.excluded) {
        if (excluded.keyId == id)
            return excluded.reason;
    }
    qWarning() << "key" << id << "is not excluded";
    return ExclusionReason::Disabled;
}

ModelCatalog sampleCatalog()
{
    ModelCatalog catalog;
    catalog.add({ .canonicalId = QStringLiteral("anthropic/claude-sonnet-4.5"),
        .aliases = { QStringLiteral("claude-sonnet-4.5") },
        .nativeIds = { { QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5") },
            { QStringLiteral("bedrock"),
                QStringLiteral("anthropic.claude-sonnet-4-5-20250929-v1:0") },
            { QStringLiteral("vertex"), QStringLiteral("claude-sonnet-4-5@20250929") } } });
    catalog.add({ .canonicalId = QStringLiteral("openai/gpt-4.1"),
        .aliases = { QStringLiteral("gpt-4.1") },
        .nativeIds = { { QStringLiteral("openai"), QStringLiteral("gpt-4.1") } } });
    return catalog;
}

} // namespace

class TestRoutePlanner : public QObject
{
    Q_OBJECT

private:
    const Clock::time_point m_now = Clock::now();
    const ModelCatalog m_catalog = sampleCatalog();

private slots:
    void catalogModelsGoToEveryProviderThatServesThem()
    {
        const QList<RouteKey> keys { key(1, "anthropic"), key(2, "bedrock"), key(3, "openai"),
            key(4, "vertex", Tier::Fallback), key(5, "openrouter", Tier::SharedCapacity) };
        const RoutePlan plan
            = RoutePlanner::plan(request("claude-sonnet-4.5"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 1, 2, 4, 5 }));
        QCOMPARE(plan.attempts.at(0).upstreamModel, QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(plan.attempts.at(1).upstreamModel,
            QStringLiteral("anthropic.claude-sonnet-4-5-20250929-v1:0"));
        QCOMPARE(plan.attempts.at(3).upstreamModel, QStringLiteral("anthropic/claude-sonnet-4.5"));
        QCOMPARE(reasonFor(plan, 3), ExclusionReason::CannotServeModel);
        // A native id names the same model.
        const RoutePlan byNative
            = RoutePlanner::plan(request("claude-sonnet-4-5@20250929"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(byNative), (QList<qint64> { 1, 2, 4, 5 }));
    }

    void unknownModelsFollowTheirPrefix()
    {
        RouteKey groq = key(4, "openai-compatible");
        RouteKey listed = key(5, "openai-compatible");
        listed.servedModels = { QStringLiteral("llama-3.3-70b") };
        const QList<RouteKey> keys { key(1, "openai"), key(2, "anthropic"), key(3, "azure"), groq,
            listed, key(6, "openrouter", Tier::SharedCapacity) };
        RoutePlan plan = RoutePlanner::plan(request("gpt-7-preview"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 1, 4, 6 }));
        plan = RoutePlanner::plan(request("anthropic/claude-opus-9"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 2, 4, 6 }));
        QCOMPARE(plan.attempts.at(0).upstreamModel, QStringLiteral("claude-opus-9"));
        QCOMPARE(plan.attempts.at(1).upstreamModel, QStringLiteral("anthropic/claude-opus-9"));
        plan = RoutePlanner::plan(request("llama-3.3-70b"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 4, 5, 6 }));
    }

    void filtersAndWorkspacesExcludeWithReasons()
    {
        RouteKey disabled = key(1, "openai");
        disabled.enabled = false;
        RouteKey elsewhere = key(2, "openai");
        elsewhere.workspaceId = 2;
        RouteKey everywhere = key(3, "openai");
        everywhere.workspaceId.reset();
        RouteKey onlyMini = key(4, "openai");
        onlyMini.modelFilter = { *ModelPattern::parse(QStringLiteral("gpt-4.1-mini*")) };
        RouteKey globbed = key(5, "openai");
        globbed.modelFilter = { *ModelPattern::parse(QStringLiteral("openai/gpt-4*")) };
        RouteKey forBot = key(6, "openai");
        forBot.memberFilter = { 99 };
        RouteKey forToken = key(7, "openai");
        forToken.localKeyFilter = { 20 };
        RouteKey lost = key(8, "openai");
        lost.secretMissing = true;
        RouteKey locked = key(9, "openai");
        locked.secretUnreadable = true;
        const QList<RouteKey> keys { disabled, elsewhere, everywhere, onlyMini, globbed, forBot,
            forToken, lost, locked };
        const RoutePlan plan = RoutePlanner::plan(request("gpt-4.1"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 3, 5, 7 })); // the glob matches the canonical id
        QCOMPARE(reasonFor(plan, 1), ExclusionReason::Disabled);
        QCOMPARE(reasonFor(plan, 2), ExclusionReason::OtherWorkspace);
        QCOMPARE(reasonFor(plan, 4), ExclusionReason::ModelFilter);
        QCOMPARE(reasonFor(plan, 6), ExclusionReason::MemberFilter);
        QCOMPARE(reasonFor(plan, 8), ExclusionReason::SecretMissing);
        QCOMPARE(reasonFor(plan, 9), ExclusionReason::SecretUnreadable);
        QCOMPARE(plan.excluded.size(), 6);
    }

    void aKeyWhoseEndpointIsRefusedIsSkippedWithTheReason()
    {
        RouteKey plainToPublic = key(1, "openai");
        plainToPublic.endpointRefusal = QStringLiteral("203.0.113.5 is a public address.");
        const QList<RouteKey> keys { plainToPublic, key(2, "openai") };
        const RoutePlan plan = RoutePlanner::plan(request("gpt-4.1"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), QList<qint64> { 2 });
        QCOMPARE(reasonFor(plan, 1), ExclusionReason::EndpointRefused);
        const QString described = RoutePlanner::describe(plan.excluded.constFirst(), m_now);
        QVERIFY2(described.contains(u"endpoint is refused")
                && described.contains(u"203.0.113.5 is a public address"),
            qPrintable(described));
        // Nor is it offered in the model list.
        QVERIFY(RoutePlanner::reachableModels(request(""), { plainToPublic }, m_catalog).isEmpty());
    }

    void prioritizedKeysCanForbidSharedCapacity()
    {
        RouteKey own = key(1, "openai");
        own.sharedCapacity = SharedCapacityPolicy::NeverForMatchingModels;
        own.modelFilter = { *ModelPattern::parse(QStringLiteral("gpt-4.1")) };
        const RouteKey shared = key(2, "openrouter", Tier::SharedCapacity);
        const RouteKey fallback = key(3, "anthropic", Tier::Fallback);
        const QList<RouteKey> keys { own, shared, fallback };

        RoutePlan plan = RoutePlanner::plan(request("gpt-4.1"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 1 }));
        QCOMPARE(reasonFor(plan, 2), ExclusionReason::SharedCapacityForbidden);
        QCOMPARE(plan.excluded.at(0).detail, QStringLiteral("key1"));
        // Not for a model the forbidding key does not apply to.
        plan = RoutePlanner::plan(request("claude-sonnet-4.5"), keys, m_catalog, {}, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 2, 3 }));

        // "Never for this provider" covers the provider's models beyond the key's filter, and
        // holds while the forbidding key itself is cooling down.
        own.sharedCapacity = SharedCapacityPolicy::NeverForProvider;
        HealthSnapshot health;
        health.insert(1, { KeyHealth::State::CoolingDown, m_now + 30s, {} });
        plan = RoutePlanner::plan(
            request("gpt-5-mini"), { own, shared, fallback }, m_catalog, health, m_now);
        QVERIFY(plan.attempts.isEmpty());
        QCOMPARE(reasonFor(plan, 1), ExclusionReason::ModelFilter);
        QCOMPARE(reasonFor(plan, 2), ExclusionReason::SharedCapacityForbidden);
    }

    void healthExcludesUntilItIsOver()
    {
        const QList<RouteKey> keys { key(1, "openai"), key(2, "openai"), key(3, "openai"),
            key(4, "openai"), key(5, "openai") };
        HealthSnapshot health;
        health.insert(1, { KeyHealth::State::CoolingDown, m_now + 23s, {} });
        health.insert(2, { KeyHealth::State::Invalid, {}, {} });
        health.insert(3, { KeyHealth::State::OutOfCredit, m_now + 1h, {} });
        health.insert(
            4, { KeyHealth::State::Ready, {}, { { QStringLiteral("gpt-4.1"), m_now + 10min } } });
        health.insert(5, { KeyHealth::State::CoolingDown, m_now - 1s, {} }); // over
        RoutePlan plan = RoutePlanner::plan(request("gpt-4.1"), keys, m_catalog, health, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 5 }));
        QCOMPARE(reasonFor(plan, 1), ExclusionReason::CoolingDown);
        QCOMPARE(reasonFor(plan, 2), ExclusionReason::Invalid);
        QCOMPARE(reasonFor(plan, 3), ExclusionReason::OutOfCredit);
        QCOMPARE(reasonFor(plan, 4), ExclusionReason::ModelUnusable);
        QCOMPARE(plan.earliestReturn, std::optional(m_now + 23s));
        QCOMPARE(RoutePlanner::describe(plan.excluded.at(0), m_now),
            QStringLiteral("cooling down for 23 s"));
        QCOMPARE(RoutePlanner::describe(plan.excluded.at(3), m_now),
            QStringLiteral("gpt-4.1 unusable on this key for 10 min"));
        // Another model on the same key is fine.
        plan = RoutePlanner::plan(request("gpt-4o"), { keys.at(3) }, m_catalog, health, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 4 }));
    }

    void anOpenCircuitLetsOneProbeThroughWhenItsWaitIsOver()
    {
        const QList<RouteKey> keys { key(1, "openai"), key(2, "openai") };
        HealthSnapshot health;
        health.insert(1, { KeyHealth::State::CircuitOpen, m_now + 5s, {} });
        RoutePlan plan = RoutePlanner::plan(request("gpt-4.1"), keys, m_catalog, health, m_now);
        QCOMPARE(idsOf(plan), (QList<qint64> { 2 }));
        QCOMPARE(reasonFor(plan, 1), ExclusionReason::CircuitOpen);
        plan = RoutePlanner::plan(request("gpt-4.1"), keys, m_catalog, health, m_now + 6s);
        QCOMPARE(idsOf(plan), (QList<qint64> { 1, 2 }));
        QVERIFY(plan.attempts.at(0).probe);
        QVERIFY(!plan.attempts.at(1).probe);
    }

    void everyKeyIsEitherPlannedOrExcluded()
    {
        QList<RouteKey> keys;
        for (int i = 0; i < 40; ++i) {
            RouteKey k = key(i + 1,
                i % 3 == 0       ? "openai"
                    : i % 3 == 1 ? "anthropic"
                                 : "openrouter",
                allTiers.at(static_cast<size_t>(i % 3)));
            k.enabled = i % 7 != 0;
            keys.append(k);
        }
        const RoutePlan plan = RoutePlanner::plan(request("gpt-4.1"), keys, m_catalog, {}, m_now);
        QCOMPARE(plan.attempts.size() + plan.excluded.size(), keys.size());
        // The plan keeps routing order.
        qint64 previous = 0;
        for (const PlannedAttempt& attempt : plan.attempts) {
            QVERIFY(attempt.keyId > previous);
            previous = attempt.keyId;
        }
    }
};

QTEST_GUILESS_MAIN(TestRoutePlanner)
#include "TestRoutePlanner.moc"
