#include "ui/keys/KeySummary.h"

#include <QFile>
#include <QTest>

// How a key is described on the board: its provider's name and icon, a one-line summary of its
// filters, and a tooltip with the rest (rich text, so what the user typed is escaped).
class TestKeySummary : public QObject
{
    Q_OBJECT

private:
    static ProviderKey key()
    {
        ProviderKey k;
        k.id = 7;
        k.providerId = QStringLiteral("openai");
        k.label = QStringLiteral("Work OpenAI");
        k.secretHint = QStringLiteral("sk-…AbCd");
        return k;
    }

    static QImage rendered(const QIcon& icon)
    {
        return icon.pixmap(QSize(32, 32)).toImage().convertToFormat(QImage::Format_ARGB32);
    }

private slots:
    void providersAreNamedByTheRegistry()
    {
        QCOMPARE(KeySummary::providerName(QStringLiteral("openai")), QStringLiteral("OpenAI"));
        QCOMPARE(
            KeySummary::providerName(QStringLiteral("bedrock")), QStringLiteral("Amazon Bedrock"));
        QCOMPARE(
            KeySummary::providerName(QStringLiteral("vertex")), QStringLiteral("Google Vertex AI"));
        // A provider this version does not know keeps its id.
        QCOMPARE(
            KeySummary::providerName(QStringLiteral("future-ai")), QStringLiteral("future-ai"));
        QCOMPARE(KeySummary::providerName(QString()), QString());
    }

    void eachProviderHasItsIconAndOthersTheGenericOne()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/icons/providers/generic.svg")));
        const QImage generic = rendered(QIcon(QStringLiteral(":/icons/providers/generic.svg")));
        QVERIFY(!generic.isNull());
        const QImage openAi = rendered(KeySummary::providerIcon(QStringLiteral("openai")));
        QVERIFY(!openAi.isNull());
        QCOMPARE(openAi, rendered(QIcon(QStringLiteral(":/icons/providers/openai.svg"))));
        QVERIFY(openAi != generic);
        QCOMPARE(rendered(KeySummary::providerIcon(QStringLiteral("future-ai"))), generic);
        // Once made, the same icon for every row.
        QCOMPARE(KeySummary::providerIcon(QStringLiteral("openai")).cacheKey(),
            KeySummary::providerIcon(QStringLiteral("openai")).cacheKey());
    }

    void aKeyWithoutFiltersServesAllModels()
    {
        QCOMPARE(KeySummary::filters(key()), QStringLiteral("all models"));
    }

    void oneOrTwoModelPatternsAreListed()
    {
        ProviderKey k = key();
        k.filters.modelPatterns = { QStringLiteral("openai/gpt-4.1") };
        QCOMPARE(KeySummary::filters(k), QStringLiteral("openai/gpt-4.1"));
        k.filters.modelPatterns.append(QStringLiteral("openai/o*"));
        QCOMPARE(KeySummary::filters(k), QStringLiteral("openai/gpt-4.1, openai/o*"));
    }

    void moreModelPatternsAreCounted()
    {
        ProviderKey k = key();
        k.filters.modelPatterns
            = { QStringLiteral("a/one"), QStringLiteral("b/two"), QStringLiteral("c/three") };
        QCOMPARE(KeySummary::filters(k), QStringLiteral("a/one and 2 more"));
        k.filters.modelPatterns.append(QStringLiteral("d/four"));
        QCOMPARE(KeySummary::filters(k), QStringLiteral("a/one and 3 more"));
    }

    void membersLocalKeysAndTheDisabledStateAreSummed()
    {
        ProviderKey k = key();
        k.filters.memberIds = { 1, 2 };
        QCOMPARE(KeySummary::filters(k), QStringLiteral("all models · 2 member(s)"));
        k.filters.localKeyIds = { 9 };
        QCOMPARE(
            KeySummary::filters(k), QStringLiteral("all models · 2 member(s) · 1 local key(s)"));
        k.enabled = false;
        k.filters.modelPatterns = { QStringLiteral("anthropic/claude-*") };
        QCOMPARE(KeySummary::filters(k),
            QStringLiteral("disabled · anthropic/claude-* · 2 member(s) · 1 local key(s)"));
        k.filters = {};
        QCOMPARE(KeySummary::filters(k), QStringLiteral("disabled · all models"));
    }

    void theTooltipNamesTheKeyAndItsUse()
    {
        QCOMPARE(KeySummary::tooltip(key()),
            QStringLiteral("<b>Work OpenAI</b><br>OpenAI key sk-…AbCd<br>Used for: all models"));
    }

    void theTooltipAddsWhatIsSpecial()
    {
        ProviderKey k = key();
        k.providerId = QStringLiteral("openai-compatible");
        k.baseUrl = QStringLiteral("https://gateway.example/v1");
        k.sharedCapacity = SharedCapacityPolicy::NeverForMatchingModels;
        k.secretMissing = true;
        const QStringList lines = KeySummary::tooltip(k).split(QStringLiteral("<br>"));
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[1],
            KeySummary::providerName(QStringLiteral("openai-compatible"))
                + QStringLiteral(" key sk-…AbCd"));
        QCOMPARE(lines[3], QStringLiteral("Endpoint: https://gateway.example/v1"));
        QCOMPARE(lines[4], QStringLiteral("Forbids shared capacity: stays in Prioritized"));
        QCOMPARE(lines[5], QStringLiteral("The keychain no longer has this key's secret"));
        k.sharedCapacity = SharedCapacityPolicy::NeverForProvider;
        k.secretMissing = false;
        k.baseUrl.clear();
        QCOMPARE(KeySummary::tooltip(k).split(QStringLiteral("<br>")).size(), 4);
    }

    void theTooltipSaysWhyAPlainHttpEndpointIsNotUsed()
    {
        ProviderKey k = key();
        k.providerId = QStringLiteral("openai-compatible");
        k.baseUrl = QStringLiteral("http://203.0.113.5/v1");
        const QStringList lines = KeySummary::tooltip(k).split(QStringLiteral("<br>"));
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines[4].startsWith(QStringLiteral("Not used until its endpoint is edited: "))
                && lines[4].contains(QStringLiteral("203.0.113.5 is a public address")),
            qPrintable(lines[4]));
        k.baseUrl = QStringLiteral("http://192.168.1.20:11434/v1");
        QCOMPARE(KeySummary::tooltip(k).split(QStringLiteral("<br>")).size(), 4);
    }

    void theTooltipEscapesWhatTheUserTyped()
    {
        ProviderKey k = key();
        k.label = QStringLiteral("<i>Team</i> & Co");
        k.secretHint = QStringLiteral("<sk>");
        k.baseUrl = QStringLiteral("https://gw.example/v1?a=1&b=<2>");
        const QString tooltip = KeySummary::tooltip(k);
        QVERIFY2(tooltip.startsWith(QStringLiteral("<b>&lt;i&gt;Team&lt;/i&gt; &amp; Co</b><br>")),
            qPrintable(tooltip));
        QVERIFY(tooltip.contains(QStringLiteral("OpenAI key &lt;sk&gt;")));
        QVERIFY(tooltip.contains(
            QStringLiteral("Endpoint: https://gw.example/v1?a=1&amp;b=&lt;2&gt;")));
        QVERIFY(!tooltip.contains(QStringLiteral("<i>")));
    }
};

QTEST_MAIN(TestKeySummary)
#include "TestKeySummary.moc"
