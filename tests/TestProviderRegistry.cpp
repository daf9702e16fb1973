#include "router/catalog/ProviderRegistry.h"

#include <QSet>
#include <QTest>

class TestProviderRegistry : public QObject
{
    Q_OBJECT

private slots:
    void knowsEveryProviderOfTheDesign()
    {
        const QStringList expected { "openai", "azure", "anthropic", "bedrock", "vertex", "gemini",
            "openrouter", "openai-compatible" };
        QCOMPARE(ProviderRegistry::ids(), expected);
    }

    void findIgnoresCase()
    {
        QVERIFY(ProviderRegistry::find(u"OpenRouter"));
        QCOMPARE(ProviderRegistry::find(u"OpenRouter")->id, QStringLiteral("openrouter"));
        QVERIFY(!ProviderRegistry::find(u"openai-compat"));
    }

    void defaultTiers()
    {
        for (const ProviderDescriptor& provider : ProviderRegistry::all()) {
            const Tier expected
                = provider.id == u"openrouter" ? Tier::SharedCapacity : Tier::Prioritized;
            QCOMPARE(provider.defaultTier, expected);
        }
    }

    void descriptorsAreComplete()
    {
        for (const ProviderDescriptor& provider : ProviderRegistry::all()) {
            QVERIFY2(!provider.displayName.isEmpty(), qPrintable(provider.id));
            QVERIFY2(provider.requiresBaseUrl != !provider.defaultBaseUrl.isEmpty(),
                qPrintable(provider.id));
            const bool hasSecret = std::any_of(provider.fields.cbegin(), provider.fields.cend(),
                [](const CredentialField& f) { return f.secret; });
            QVERIFY2(hasSecret, qPrintable(provider.id));
            QSet<QString> names;
            for (const CredentialField& field : provider.fields) {
                QVERIFY2(!names.contains(field.name), qPrintable(provider.id + u'.' + field.name));
                names.insert(field.name);
            }
        }
    }

    void authSchemes()
    {
        QCOMPARE(ProviderRegistry::find(u"azure")->authScheme, AuthScheme::ApiKeyHeader);
        QCOMPARE(ProviderRegistry::find(u"anthropic")->authScheme, AuthScheme::XApiKeyHeader);
        QCOMPARE(ProviderRegistry::find(u"gemini")->authScheme, AuthScheme::GoogApiKeyHeader);
        QCOMPARE(ProviderRegistry::find(u"bedrock")->authScheme, AuthScheme::AwsSignatureV4);
        QCOMPARE(
            ProviderRegistry::find(u"bedrock")->credentialKind, CredentialKind::AwsCredentials);
        QVERIFY(ProviderRegistry::find(u"openrouter")->isAggregator);
    }

    void settingNamesAreTheUnionOfNonSecretFields()
    {
        const QStringList names = ProviderRegistry::settingNames();
        for (const char* name : { "region", "project", "organization", "resource", "deployments",
                 "api-version", "served-models" })
            QVERIFY2(names.contains(QLatin1StringView(name)), name);
        QVERIFY(!names.contains(QStringLiteral("api_key")));
        QCOMPARE(names.count(QStringLiteral("region")), 1);
    }
};

QTEST_GUILESS_MAIN(TestProviderRegistry)
#include "TestProviderRegistry.moc"
