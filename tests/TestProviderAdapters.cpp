#include "router/catalog/ProviderRegistry.h"
#include "router/providers/ProviderAdapters.h"
#include "router/providers/anthropic/AnthropicAdapter.h"
#include "router/providers/bedrock/BedrockAdapter.h"
#include "router/providers/google/GeminiAdapter.h"
#include "router/providers/google/VertexClaudeAdapter.h"
#include "router/providers/google/VertexGeminiAdapter.h"
#include "router/providers/openai/OpenAiAdapter.h"

#include <QTest>

#include <typeinfo>

// Which adapter calls a provider's keys: one per wire format, and on Vertex AI one per model
// family, since Vertex serves Claude in Anthropic's format.
class TestProviderAdapters : public QObject
{
    Q_OBJECT

private:
    static QByteArray nameOf(const UpstreamAdapter* adapter)
    {
        return adapter ? QByteArray(typeid(*adapter).name()) : QByteArray("nullptr");
    }
    template <typename Adapter> static QByteArray nameOf()
    {
        return QByteArray(typeid(Adapter).name());
    }

private slots:
    void picksTheAdapterOfTheProvidersWireFormat_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QByteArray>("adapter");
        const QByteArray openAi = nameOf<OpenAiAdapter>();
        QTest::newRow("openai") << "openai"
                                << "gpt-4.1" << openAi;
        QTest::newRow("azure") << "azure"
                               << "gpt-4.1" << openAi;
        QTest::newRow("openrouter") << "openrouter"
                                    << "anthropic/claude-sonnet-4" << openAi;
        QTest::newRow("openai-compatible") << "openai-compatible"
                                           << "llama-3" << openAi;
        QTest::newRow("anthropic") << "anthropic"
                                   << "claude-sonnet-4-5" << nameOf<AnthropicAdapter>();
        QTest::newRow("bedrock claude")
            << "bedrock"
            << "anthropic.claude-sonnet-4-5-v1:0" << nameOf<BedrockAdapter>();
        QTest::newRow("bedrock other") << "bedrock"
                                       << "amazon.nova-pro-v1:0" << nameOf<BedrockAdapter>();
        // Gemini's own API never serves Claude: it stays the Gemini adapter.
        QTest::newRow("gemini") << "gemini"
                                << "gemini-2.5-pro" << nameOf<GeminiAdapter>();
        QTest::newRow("gemini named claude") << "gemini"
                                             << "claude-sonnet-4" << nameOf<GeminiAdapter>();
        QTest::newRow("vertex gemini") << "vertex"
                                       << "gemini-2.5-flash" << nameOf<VertexGeminiAdapter>();
        QTest::newRow("vertex claude")
            << "vertex"
            << "claude-sonnet-4@20250514" << nameOf<VertexClaudeAdapter>();
        QTest::newRow("provider id in capitals") << "OpenAI"
                                                 << "gpt-4.1" << nameOf<OpenAiAdapter>();
    }
    void picksTheAdapterOfTheProvidersWireFormat()
    {
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(QByteArray, adapter);
        const UpstreamAdapter* found = ProviderAdapters::forKey(provider, model);
        QVERIFY2(found, "no adapter");
        QCOMPARE(nameOf(found), adapter);
    }

    void noAdapterForAProviderKeywayDoesNotKnow()
    {
        QVERIFY(!ProviderAdapters::forKey(u"mistral", u"mistral-large"));
        QVERIFY(!ProviderAdapters::forKey(u"", u"gpt-4.1"));
    }

    void everyKnownProviderCanBeCalled()
    {
        for (const QString& id : ProviderRegistry::ids())
            QVERIFY2(ProviderAdapters::forKey(id, u"some-model"), qPrintable(id));
    }

    void adaptersAreSharedNotMadePerCall()
    {
        // Stateless and shared by all threads: the same instance every time.
        QCOMPARE(
            ProviderAdapters::forKey(u"openai", u"a"), ProviderAdapters::forKey(u"azure", u"b"));
        QCOMPARE(ProviderAdapters::forKey(u"vertex", u"claude-opus-4"),
            ProviderAdapters::forKey(u"vertex", u"claude-haiku-4"));
        QVERIFY(ProviderAdapters::forKey(u"vertex", u"claude-opus-4")
            != ProviderAdapters::forKey(u"anthropic", u"claude-opus-4"));
    }
};

QTEST_GUILESS_MAIN(TestProviderAdapters)
#include "TestProviderAdapters.moc"
