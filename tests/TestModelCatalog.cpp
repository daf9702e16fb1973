#include "app/catalog/BuiltinCatalog.h"
#include "router/catalog/ModelCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

namespace {

QByteArray catalogWith(const QJsonObject& model)
{
    return QJsonDocument(QJsonObject { { "models", QJsonArray { model } } }).toJson();
}

QJsonObject validModel()
{
    return { { "id", "acme/rocket-1" }, { "name", "Rocket 1" }, { "context_length", 32000 },
        { "aliases", QJsonArray { "rocket-1" } },
        { "pricing", QJsonObject { { "input", 1.5 }, { "output", 6 } } },
        { "native_ids", QJsonObject { { "openai-compatible", "rocket-1-0325" } } } };
}

} // namespace

class TestModelCatalog : public QObject
{
    Q_OBJECT

private slots:
    void theBuiltInCatalogIsCompleteAndUnambiguous()
    {
        const ModelCatalog& catalog = BuiltinCatalog::get();
        QVERIFY(catalog.entries().size() >= 25);
        // Each name a request may use leads to exactly one model.
        QHash<QString, QString> owners;
        for (const ModelCatalog::Entry& entry : catalog.entries()) {
            QVERIFY2(entry.price && entry.price->input > 0, qPrintable(entry.canonicalId));
            QVERIFY2(entry.contextLength > 0, qPrintable(entry.canonicalId));
            QVERIFY2(!entry.displayName.isEmpty(), qPrintable(entry.canonicalId));
            QVERIFY2(!entry.nativeIds.isEmpty(), qPrintable(entry.canonicalId));
            QSet<QString> names { entry.canonicalId.toLower() };
            for (const QString& name : entry.aliases + QStringList(entry.nativeIds.values()))
                names.insert(name.toLower());
            for (const QString& name : names) {
                QVERIFY2(!owners.contains(name),
                    qPrintable(name + QStringLiteral(" names ") + owners.value(name)
                        + QStringLiteral(" and ") + entry.canonicalId));
                owners.insert(name, entry.canonicalId);
            }
            QCOMPARE(catalog.find(entry.canonicalId), &entry);
        }
    }

    void claudeAndGeminiModelsReachEveryProviderThatHostsThem()
    {
        for (const ModelCatalog::Entry& entry : BuiltinCatalog::get().entries()) {
            QStringList expected;
            if (entry.canonicalId.startsWith(u"anthropic/"))
                expected = { "anthropic", "bedrock", "vertex" };
            else if (entry.canonicalId.startsWith(u"google/"))
                expected = { "gemini", "vertex" };
            for (const QString& provider : expected) {
                QVERIFY2(entry.nativeIds.contains(provider),
                    qPrintable(entry.canonicalId + QStringLiteral(" on ") + provider));
            }
            if (entry.nativeIds.contains(u"bedrock"_qs))
                QVERIFY(entry.nativeIds.value(u"bedrock"_qs).contains(u':'));
            if (entry.canonicalId.startsWith(u"anthropic/"))
                QVERIFY(entry.nativeIds.value(u"vertex"_qs).contains(u'@'));
        }
    }

    void findsByCanonicalIdAliasOrNativeIdInAnyCase()
    {
        const ModelCatalog& catalog = BuiltinCatalog::get();
        const ModelCatalog::Entry* sonnet = catalog.find(u"anthropic/claude-sonnet-4.5");
        QVERIFY(sonnet);
        QCOMPARE(catalog.find(u"claude-sonnet-4-5"), sonnet);
        QCOMPARE(catalog.find(u"CLAUDE-SONNET-4.5"), sonnet);
        QCOMPARE(catalog.find(u"anthropic.claude-sonnet-4-5-20250929-v1:0"), sonnet);
        QCOMPARE(catalog.find(u"claude-sonnet-4-5@20250929"), sonnet);
        QVERIFY(!catalog.find(u"claude-opus-4-8"));
    }

    void readsAnEntry()
    {
        const auto catalog = ModelCatalog::fromJson(catalogWith(validModel()));
        QVERIFY(catalog);
        const ModelCatalog::Entry* entry = catalog->find(u"rocket-1-0325");
        QVERIFY(entry);
        QCOMPARE(entry->canonicalId, QStringLiteral("acme/rocket-1"));
        QCOMPARE(entry->displayName, QStringLiteral("Rocket 1"));
        QCOMPARE(entry->contextLength, 32000);
        QCOMPARE(entry->aliases, QStringList { "rocket-1" });
        // Without a cached price, cached tokens cost what other prompt tokens do.
        QCOMPARE(entry->price, (ModelPrice { .input = 1.5, .output = 6, .cachedInput = 1.5 }));
        // And back to the same JSON.
        const auto again = ModelCatalog::entryFromJson(ModelCatalog::entryToJson(*entry));
        QVERIFY(again);
        QCOMPARE(again->price, entry->price);
        QCOMPARE(again->nativeIds, entry->nativeIds);
        QCOMPARE(again->aliases, entry->aliases);
    }

    void refusesWhatIsNotACatalog_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("saying");
        QJsonObject glob = validModel();
        glob["id"] = "acme/*";
        QJsonObject negative = validModel();
        negative["pricing"] = QJsonObject { { "input", -1 } };
        QJsonObject textPrice = validModel();
        textPrice["pricing"] = QJsonObject { { "output", "cheap" } };
        QJsonObject noId = validModel();
        noId.remove("id");
        QJsonObject context = validModel();
        context["context_length"] = "large";
        QJsonObject badAlias = validModel();
        badAlias["aliases"] = QJsonArray { "rocket one" };
        QTest::newRow("not JSON") << QByteArray("{\"models\": [") << QString();
        QTest::newRow("no models") << QByteArray("{\"entries\": []}") << "\"models\"";
        QTest::newRow("wildcard id") << catalogWith(glob) << "acme/*";
        QTest::newRow("negative price") << catalogWith(negative) << "\"input\"";
        QTest::newRow("price as text") << catalogWith(textPrice) << "\"output\"";
        QTest::newRow("no id") << catalogWith(noId) << "empty";
        QTest::newRow("context as text") << catalogWith(context) << "context length";
        QTest::newRow("alias with a space") << catalogWith(badAlias) << "rocket-1";
    }
    void refusesWhatIsNotACatalog()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, saying);
        const auto catalog = ModelCatalog::fromJson(json);
        QVERIFY(!catalog);
        const QString error = catalog.failure().message;
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(saying), qPrintable(error));
    }

    void aLaterEntryReplacesOneWithTheSameId()
    {
        ModelCatalog catalog = BuiltinCatalog::get();
        const qsizetype size = catalog.entries().size();
        ModelCatalog::Entry own = *catalog.find(u"openai/gpt-4.1");
        own.price = ModelPrice { .input = 1, .output = 1, .cachedInput = 1 };
        catalog.add(own);
        QCOMPARE(catalog.entries().size(), size);
        QCOMPARE(catalog.find(u"gpt-4.1")->price->output, 1.0);
        QVERIFY(catalog.addAlias(QStringLiteral("house-model"), u"gpt-4.1"));
        QCOMPARE(catalog.find(u"house-model")->canonicalId, QStringLiteral("openai/gpt-4.1"));
        QVERIFY(!catalog.addAlias(QStringLiteral("other"), u"no-such-model"));
    }

    void priceOfTriesEachNameInTurn()
    {
        const ModelCatalog& catalog = BuiltinCatalog::get();
        QVERIFY(!catalog.priceOf({ "my-deployment", "gpt-4o-mini-2024-07-18" }));
        const auto price = catalog.priceOf({ "my-deployment", "gpt-4o-mini" });
        QVERIFY(price);
        QCOMPARE(price, catalog.find(u"openai/gpt-4o-mini")->price);
    }

    void costCountsCachedPromptTokensAtTheirOwnPrice()
    {
        const ModelPrice price { .input = 3, .output = 15, .cachedInput = 0.3 };
        const TokenUsage usage { .prompt = 1000, .completion = 100, .cached = 400, .reasoning = 0 };
        QCOMPARE(price.costOf(usage), (600 * 3 + 400 * 0.3 + 100 * 15) / 1e6);
        // A provider that reports more cached than prompt tokens is not charged below zero.
        QCOMPARE(price.costOf({ .prompt = 10, .completion = 0, .cached = 50, .reasoning = 0 }),
            10 * 0.3 / 1e6);
    }
};

QTEST_GUILESS_MAIN(TestModelCatalog)
#include "TestModelCatalog.moc"
