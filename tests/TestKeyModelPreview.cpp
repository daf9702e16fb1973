#include "app/keys/KeyModelPreview.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>

// The filter editor's preview: which catalog models a key would serve with the filters being
// edited, by the planner's own rules; who may use the key does not change what it serves.
class TestKeyModelPreview : public QObject
{
    Q_OBJECT

private:
    static ModelCatalog catalog()
    {
        ModelCatalog catalog;
        catalog.add({ .canonicalId = "openai/gpt-4.1",
            .displayName = "GPT-4.1",
            .nativeIds = { { "openai", "gpt-4.1" }, { "azure", "gpt-4.1" } } });
        catalog.add({ .canonicalId = "openai/gpt-4.1-mini",
            .displayName = "GPT-4.1 mini",
            .nativeIds = { { "openai", "gpt-4.1-mini" } } });
        catalog.add({ .canonicalId = "openai/o3",
            .displayName = "o3",
            .nativeIds = { { "openai", "o3" } } });
        catalog.add({ .canonicalId = "anthropic/claude-sonnet-4.5",
            .displayName = "Claude Sonnet 4.5",
            .aliases = { "claude-sonnet-4.5" },
            .nativeIds = { { "anthropic", "claude-sonnet-4-5" },
                { "bedrock", "anthropic.claude-sonnet-4-5-20250929-v1:0" } } });
        return catalog;
    }

    static ProviderKey key(const QString& providerId, QStringList patterns = {})
    {
        ProviderKey key;
        key.id = 1;
        key.providerId = providerId;
        key.label = QStringLiteral("Mine");
        key.filters.modelPatterns = std::move(patterns);
        return key;
    }

private slots:
    void aKeyWithoutFiltersServesItsProvidersModels()
    {
        QCOMPARE(KeyModelPreview::servedModels(key("openai"), catalog()),
            (QStringList { "openai/gpt-4.1", "openai/gpt-4.1-mini", "openai/o3" }));
        QCOMPARE(KeyModelPreview::servedModels(key("anthropic"), catalog()),
            QStringList { "anthropic/claude-sonnet-4.5" });
        QCOMPARE(KeyModelPreview::servedModels(key("bedrock"), catalog()),
            QStringList { "anthropic/claude-sonnet-4.5" });
    }

    void anAggregatorServesTheWholeCatalog()
    {
        QCOMPARE(KeyModelPreview::servedModels(key("openrouter"), catalog()),
            (QStringList { "anthropic/claude-sonnet-4.5", "openai/gpt-4.1", "openai/gpt-4.1-mini",
                "openai/o3" }));
    }

    void aGlobNarrowsTheModels()
    {
        QCOMPARE(KeyModelPreview::servedModels(key("openai", { "openai/gpt-*" }), catalog()),
            (QStringList { "openai/gpt-4.1", "openai/gpt-4.1-mini" }));
        // Globs match the provider's own ids too, whatever their case.
        QCOMPARE(KeyModelPreview::servedModels(key("openai", { "O?" }), catalog()),
            QStringList { "openai/o3" });
        QVERIFY(KeyModelPreview::servedModels(key("openai", { "claude-*" }), catalog()).isEmpty());
    }

    void anExactCanonicalIdServesThatModelOnly()
    {
        QCOMPARE(
            KeyModelPreview::servedModels(key("openrouter", { "openai/gpt-4.1-mini" }), catalog()),
            QStringList { "openai/gpt-4.1-mini" });
    }

    void anExactProviderIdShowsTheModelOnce()
    {
        const QStringList models
            = KeyModelPreview::servedModels(key("openai", { "gpt-4.1-mini" }), catalog());
        QVERIFY(models.contains("openai/gpt-4.1-mini"));
        QVERIFY(!models.contains("openai/gpt-4.1"));
        QCOMPARE(models, QStringList { "openai/gpt-4.1-mini" });
    }

    void whoMayUseTheKeyDoesNotChangeWhatItServes()
    {
        ProviderKey restricted = key("openai", { "openai/o3" });
        restricted.filters.memberIds = { 42 };
        restricted.filters.localKeyIds = { 7 };
        restricted.workspaceId = 3;
        QCOMPARE(KeyModelPreview::servedModels(restricted, catalog()), QStringList { "openai/o3" });
    }

    void aKeyTurnedOffOrWithoutItsSecretIsStillPreviewed()
    {
        ProviderKey off = key("anthropic");
        off.enabled = false;
        off.secretMissing = true;
        QCOMPARE(KeyModelPreview::servedModels(off, catalog()),
            QStringList { "anthropic/claude-sonnet-4.5" });
    }

    void aKeyWithItsOwnListServesThatList()
    {
        ProviderKey azure = key("azure");
        azure.settings.insert("deployments", QJsonArray { "gpt-4.1", "my-finetune" });
        const QStringList models = KeyModelPreview::servedModels(azure, catalog());
        // A deployment the catalog does not know keeps its own name; one it knows shows as
        // the catalog's model (that it shows twice is anExactProviderIdShowsTheModelOnce's).
        QVERIFY(models.contains("my-finetune"));
        QVERIFY(models.contains("openai/gpt-4.1"));
        QVERIFY(!models.contains("openai/gpt-4.1-mini"));
        QVERIFY(std::is_sorted(models.cbegin(), models.cend()));
    }

    void nothingForAProviderKeywayDoesNotKnow()
    {
        QVERIFY(KeyModelPreview::servedModels(key("mistral"), catalog()).isEmpty());
        QVERIFY(KeyModelPreview::servedModels(key("openai"), ModelCatalog()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeyModelPreview)
#include "TestKeyModelPreview.moc"
