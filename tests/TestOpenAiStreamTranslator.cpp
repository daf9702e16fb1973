#include "router/translate/OpenAiStreamTranslator.h"

#include <QJsonDocument>
#include <QTest>

namespace {

QByteArray chunk(const char* json)
{
    return QByteArray("data: ") + json + "\n\n";
}

const char* content
    = R"({"id":"c1","model":"gpt-x","choices":[{"index":0,"delta":{"content":"Hi"}}]})";
const char* finish
    = R"({"id":"c1","model":"gpt-x","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})";
const char* usageOnly = R"({"id":"c1","model":"gpt-x","choices":[],"usage":{"prompt_tokens":7,)"
                        R"("completion_tokens":2,"prompt_tokens_details":{"cached_tokens":3},)"
                        R"("completion_tokens_details":{"reasoning_tokens":1}}})";

} // namespace

class TestOpenAiStreamTranslator : public QObject
{
    Q_OBJECT

private slots:
    void passesEventsThroughAndHoldsDone()
    {
        OpenAiStreamTranslator translator(false);
        translator.feed(chunk(content));
        QVERIFY(translator.hasStarted());
        QVERIFY(!translator.isComplete());
        QCOMPARE(translator.takeClientBytes(), chunk(content));
        translator.feed(chunk(finish) + "data: [DONE]\n\n");
        QVERIFY(translator.isComplete());
        QVERIFY(translator.isFinished());
        QCOMPARE(translator.takeClientBytes(), chunk(finish)); // [DONE] is the router's to send
        QCOMPARE(translator.closing(), QByteArray("data: [DONE]\n\n"));
        QCOMPARE(translator.servedModel(), QStringLiteral("gpt-x"));
    }

    void readsEventsSplitAnywhere()
    {
        OpenAiStreamTranslator translator(false);
        const QByteArray all = chunk(content) + chunk(finish);
        for (char c : all)
            translator.feed(QByteArray(1, c));
        QCOMPARE(translator.takeClientBytes(), all);
    }

    void keepsUsageForItselfUnlessAsked()
    {
        OpenAiStreamTranslator quiet(false);
        quiet.feed(chunk(usageOnly));
        QVERIFY(quiet.takeClientBytes().isEmpty());
        QCOMPARE(quiet.usage(), (TokenUsage { 7, 2, 3, 1 }));

        OpenAiStreamTranslator asked(true);
        asked.feed(chunk(usageOnly));
        QCOMPARE(asked.takeClientBytes(), chunk(usageOnly));

        // Usage riding on a content chunk is taken off it.
        OpenAiStreamTranslator mixed(false);
        mixed.feed(chunk(
            R"({"choices":[{"index":0,"delta":{"content":"a"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}})"));
        const QByteArray sent = mixed.takeClientBytes();
        QVERIFY(sent.contains("\"content\":\"a\""));
        QVERIFY(!sent.contains("usage"));
    }

    void azureFilterResultsDoNotStartTheAnswer()
    {
        OpenAiStreamTranslator translator(false);
        translator.feed(chunk(R"({"choices":[],"prompt_filter_results":[{"prompt_index":0}]})"));
        QVERIFY(!translator.hasStarted());
        QVERIFY(translator.takeClientBytes().contains("prompt_filter_results"));
    }

    void dropsAndCountsMalformedEvents()
    {
        OpenAiStreamTranslator translator(false);
        translator.feed("data: {\"choices\": [\n\n" + chunk("[1, 2]") + chunk(content));
        QCOMPARE(translator.malformedEvents(), 2);
        QCOMPARE(translator.takeClientBytes(), chunk(content));
    }

    void anErrorEventStopsTheStream()
    {
        OpenAiStreamTranslator translator(false);
        translator.feed(
            chunk(content) + chunk(R"({"error":{"message":"boom","code":500}})") + chunk(content));
        QVERIFY(translator.upstreamError().has_value());
        QCOMPARE(translator.upstreamError()->value("message").toString(), QStringLiteral("boom"));
        QCOMPARE(translator.takeClientBytes(), chunk(content)); // nothing after the error
    }

    void theErrorEventIsAChunkTheSdksRaise()
    {
        OpenAiStreamTranslator translator(false);
        translator.feed(chunk(content));
        const QByteArray event
            = translator.errorEvent(QStringLiteral("cut"), QStringLiteral("upstream_error"));
        QVERIFY(event.startsWith("data: ") && event.endsWith("\n\n"));
        const QJsonObject body = QJsonDocument::fromJson(event.mid(6)).object();
        QCOMPARE(body["id"].toString(), QStringLiteral("c1"));
        QCOMPARE(body["choices"][0]["finish_reason"].toString(), QStringLiteral("error"));
        QCOMPARE(body["error"]["message"].toString(), QStringLiteral("cut"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiStreamTranslator)
#include "TestOpenAiStreamTranslator.moc"
