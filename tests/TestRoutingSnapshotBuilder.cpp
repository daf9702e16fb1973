#include "app/routing/RoutingSnapshotBuilder.h"

#include <QJsonArray>
#include <QTest>

// Stored provider keys turned into what the router decides on: every routing field carried over,
// in the same order, and a filter that no longer parses never widens what a key serves.
class TestRoutingSnapshotBuilder : public QObject
{
    Q_OBJECT

private:
    static ProviderKey key(qint64 id, const QString& providerId)
    {
        ProviderKey key;
        key.id = id;
        key.providerId = providerId;
        key.label = QStringLiteral("Key %1").arg(id);
        key.secretRef = QStringLiteral("keyway/provider-key/%1").arg(id);
        key.secretHint = QStringLiteral("sk-…AbCd");
        return key;
    }

private slots:
    void carriesEveryRoutingField()
    {
        ProviderKey stored = key(7, QStringLiteral("openai"));
        stored.tier = Tier::Fallback;
        stored.position = 3;
        stored.enabled = false;
        stored.secretMissing = true;
        stored.workspaceId = 5;
        stored.sharedCapacity = SharedCapacityPolicy::NeverForProvider;
        stored.filters.modelPatterns = { QStringLiteral("gpt-4.1"), QStringLiteral("openai/o*") };
        stored.filters.memberIds = { 1, 2 };
        stored.filters.localKeyIds = { 9 };

        const QList<RouteKey> keys = RoutingSnapshotBuilder::routeKeys({ stored });
        QCOMPARE(keys.size(), 1);
        const RouteKey& route = keys.constFirst();
        QCOMPARE(route.id, 7);
        QCOMPARE(route.label, QStringLiteral("Key 7"));
        QCOMPARE(route.providerId, QStringLiteral("openai"));
        QCOMPARE(route.tier, Tier::Fallback);
        QCOMPARE(route.position, 3);
        QCOMPARE(route.enabled, false);
        QCOMPARE(route.secretMissing, true);
        QCOMPARE(route.workspaceId, std::optional<qint64>(5));
        QCOMPARE(route.sharedCapacity, SharedCapacityPolicy::NeverForProvider);
        QCOMPARE(route.modelFilter.size(), 2);
        QCOMPARE(route.modelFilter[0].text(), QStringLiteral("gpt-4.1"));
        QVERIFY(!route.modelFilter[0].isGlob());
        QCOMPARE(route.modelFilter[1].text(), QStringLiteral("openai/o*"));
        QVERIFY(route.modelFilter[1].matches(u"OpenAI/o3-mini"));
        QCOMPARE(route.memberFilter, (QList<qint64> { 1, 2 }));
        QCOMPARE(route.localKeyFilter, (QList<qint64> { 9 }));
        QVERIFY(route.servedModels.isEmpty());
    }

    void marksAKeyWhosePlainHttpEndpointIsPublic()
    {
        ProviderKey stored = key(3, QStringLiteral("openai-compatible"));
        const auto refusalFor = [&](const QString& baseUrl) {
            stored.baseUrl = baseUrl;
            return RoutingSnapshotBuilder::routeKeys({ stored }).constFirst().endpointRefusal;
        };
        // Stored before the rule, or edited in the database.
        QVERIFY2(refusalFor(QStringLiteral("http://203.0.113.5/v1")).contains(u"203.0.113.5"),
            qPrintable(refusalFor(QStringLiteral("http://203.0.113.5/v1"))));
        QVERIFY(refusalFor(QStringLiteral("http://127.0.0.1:11434/v1")).isEmpty());
        QVERIFY(refusalFor(QStringLiteral("https://203.0.113.5/v1")).isEmpty());
        QVERIFY(refusalFor(QString()).isEmpty()); // the provider's own endpoint
        // A name is judged where the router connects: the snapshot does not look it up.
        QVERIFY(refusalFor(QStringLiteral("http://gateway.lan/v1")).isEmpty());
    }

    void aKeyForEveryWorkspaceStaysSo()
    {
        const QList<RouteKey> keys
            = RoutingSnapshotBuilder::routeKeys({ key(1, QStringLiteral("anthropic")) });
        QVERIFY(!keys.constFirst().workspaceId);
        QVERIFY(keys.constFirst().enabled);
        QVERIFY(keys.constFirst().modelFilter.isEmpty());
    }

    void keepsTheStoresOrder()
    {
        QList<ProviderKey> stored;
        for (qint64 id : { 4, 2, 9, 1 })
            stored.append(key(id, QStringLiteral("openai")));
        const QList<RouteKey> keys = RoutingSnapshotBuilder::routeKeys(stored);
        QList<qint64> ids;
        for (const RouteKey& route : keys)
            ids.append(route.id);
        QCOMPARE(ids, (QList<qint64> { 4, 2, 9, 1 }));
        QVERIFY(RoutingSnapshotBuilder::routeKeys({}).isEmpty());
    }

    void readsTheModelsAKeySaysItServes()
    {
        ProviderKey compatible = key(1, QStringLiteral("openai-compatible"));
        compatible.settings.insert(
            "served-models", QJsonArray { "llama-3.3-70b", "qwen-2.5-coder" });
        ProviderKey azure = key(2, QStringLiteral("azure"));
        azure.settings.insert("resource", "contoso");
        azure.settings.insert("deployments", QJsonArray { "gpt-4.1", "o4-mini" });
        const QList<RouteKey> keys = RoutingSnapshotBuilder::routeKeys({ compatible, azure });
        QCOMPARE(keys[0].servedModels, (QStringList { "llama-3.3-70b", "qwen-2.5-coder" }));
        QCOMPARE(keys[1].servedModels, (QStringList { "gpt-4.1", "o4-mini" }));
    }

    void aFilterThatNoLongerParsesTurnsTheKeyOff()
    {
        // Left in, the key would serve every model: wider than its owner allowed.
        ProviderKey stored = key(1, QStringLiteral("openai"));
        stored.filters.modelPatterns = { QStringLiteral("gpt-4.1"), QStringLiteral("not a model") };
        const QList<RouteKey> keys = RoutingSnapshotBuilder::routeKeys({ stored });
        QVERIFY(!keys.constFirst().enabled);
        QCOMPARE(keys.constFirst().modelFilter.size(), 1);

        stored.filters.modelPatterns = { QString() };
        QVERIFY(!RoutingSnapshotBuilder::routeKeys({ stored }).constFirst().enabled);
    }
};

QTEST_GUILESS_MAIN(TestRoutingSnapshotBuilder)
#include "TestRoutingSnapshotBuilder.moc"
