#include "router/translate/AnthropicSseReader.h"
#include "router/translate/AnthropicStreamTranslator.h"
#include "router/translate/AnthropicToOpenAiStream.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

// What every translator of an Anthropic Messages stream reads from it, in one place: ids, model,
// usage (message_start, then cumulative message_delta), when the answer is complete and finished,
// and an error event. Checked through both readers the router has: the pass-through to Anthropic
// clients and the translation to OpenAI chunks.
class TestAnthropicSseReader : public QObject
{
    Q_OBJECT

private:
    enum class Reader { PassThrough, ToOpenAi };

    static std::unique_ptr<AnthropicSseReader> make(Reader reader)
    {
        if (reader == Reader::PassThrough)
            return std::make_unique<AnthropicStreamTranslator>();
        return std::make_unique<AnthropicToOpenAiStream>(false);
    }

    static QByteArray event(const char* type, const char* json)
    {
        return QByteArray("event: ") + type + "\ndata: " + json + "\n\n";
    }

    static QByteArray messageStart()
    {
        return event("message_start",
            R"({"type":"message_start","message":{"id":"msg_7","model":"claude-x",)"
            R"("usage":{"input_tokens":10,"cache_read_input_tokens":30,)"
            R"("cache_creation_input_tokens":5,"output_tokens":1}}})");
    }

    static void addReaders()
    {
        QTest::addColumn<Reader>("reader");
        QTest::newRow("pass-through") << Reader::PassThrough;
        QTest::newRow("to-openai") << Reader::ToOpenAi;
    }

private slots:
    void usageCountsEveryInputTokenAsPrompt()
    {
        const TokenUsage usage = AnthropicSseReader::usageFrom(
            { { "input_tokens", 10 }, { "cache_read_input_tokens", 30 },
                { "cache_creation_input_tokens", 5 }, { "output_tokens", 7 } });
        QCOMPARE(usage.prompt, 45);
        QCOMPARE(usage.cached, 30);
        QCOMPARE(usage.completion, 7);
        QCOMPARE(usage.reasoning, 0);
    }

    void usageOfMissingOrWrongFieldsIsZero()
    {
        QCOMPARE(AnthropicSseReader::usageFrom({}), TokenUsage {});
        const TokenUsage usage = AnthropicSseReader::usageFrom(
            { { "input_tokens", "many" }, { "output_tokens", QJsonValue() } });
        QCOMPARE(usage, TokenUsage {});
    }

    void readsTheMessageStart_data() { addReaders(); }
    void readsTheMessageStart()
    {
        QFETCH(Reader, reader);
        auto stream = make(reader);
        stream->feed(messageStart());
        QCOMPARE(stream->servedModel(), QStringLiteral("claude-x"));
        QCOMPARE(stream->usage(), (TokenUsage { 45, 1, 30, 0 }));
        QVERIFY(!stream->hasStarted()); // nothing said yet: the answer can still fail over
        QVERIFY(!stream->isComplete());
        QVERIFY(!stream->isFinished());
        QVERIFY(!stream->upstreamError());
        QCOMPARE(stream->malformedEvents(), 0);
    }

    void messageDeltaUpdatesTheOutputCount_data() { addReaders(); }
    void messageDeltaUpdatesTheOutputCount()
    {
        QFETCH(Reader, reader);
        auto stream = make(reader);
        stream->feed(messageStart());
        stream->feed(event("message_delta",
            R"({"type":"message_delta","delta":{"stop_reason":null},"usage":{"output_tokens":4}})"));
        // The prompt counts of message_start stay; only the output changed.
        QCOMPARE(stream->usage(), (TokenUsage { 45, 4, 30, 0 }));
        QVERIFY(!stream->isComplete()); // a null stop reason does not end the answer
        stream->feed(event("message_delta",
            R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}})"));
        QCOMPARE(stream->usage(), (TokenUsage { 45, 9, 30, 0 }));
        QVERIFY(stream->isComplete());
        QVERIFY(!stream->isFinished()); // message_stop has not come
    }

    void messageDeltaWithInputCountsReplacesTheUsage_data() { addReaders(); }
    void messageDeltaWithInputCountsReplacesTheUsage()
    {
        QFETCH(Reader, reader);
        auto stream = make(reader);
        stream->feed(messageStart());
        stream->feed(event("message_delta",
            R"({"type":"message_delta","delta":{"stop_reason":"max_tokens"},)"
            R"("usage":{"input_tokens":12,"cache_read_input_tokens":8,"output_tokens":20}})"));
        QCOMPARE(stream->usage(), (TokenUsage { 20, 20, 8, 0 }));
        QVERIFY(stream->isComplete());
    }

    void messageStopFinishesAndNothingIsReadAfter_data() { addReaders(); }
    void messageStopFinishesAndNothingIsReadAfter()
    {
        QFETCH(Reader, reader);
        auto stream = make(reader);
        stream->feed(messageStart() + event("message_stop", R"({"type":"message_stop"})"));
        QVERIFY(stream->isComplete());
        QVERIFY(stream->isFinished());
        stream->takeClientBytes();
        stream->feed(event("message_delta",
            R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":99}})"));
        QCOMPARE(stream->usage().completion, 1);
        QVERIFY(stream->takeClientBytes().isEmpty());
    }

    void keepsTheErrorEventAndStopsThere_data() { addReaders(); }
    void keepsTheErrorEventAndStopsThere()
    {
        QFETCH(Reader, reader);
        auto stream = make(reader);
        stream->feed(messageStart()
            + event("error",
                R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})")
            + event("message_stop", R"({"type":"message_stop"})"));
        QVERIFY(stream->upstreamError());
        QCOMPARE(
            stream->upstreamError()->value("type").toString(), QStringLiteral("overloaded_error"));
        QCOMPARE(
            stream->upstreamError()->value("message").toString(), QStringLiteral("Overloaded"));
        QVERIFY(!stream->isFinished()); // the message_stop after the error was not read
        QVERIFY(!stream->takeClientBytes().contains("Overloaded")); // the router answers it
    }

    void countsEventsThatAreNoJsonObject_data() { addReaders(); }
    void countsEventsThatAreNoJsonObject()
    {
        QFETCH(Reader, reader);
        auto stream = make(reader);
        stream->feed(event("message_start", "{not json") + event("ping", "[1,2]")
            + event("ping", "{}") + messageStart());
        QCOMPARE(stream->malformedEvents(), 3);
        QCOMPARE(stream->servedModel(), QStringLiteral("claude-x")); // the stream goes on
    }

    void readsEventsCutAnywhere_data() { addReaders(); }
    void readsEventsCutAnywhere()
    {
        QFETCH(Reader, reader);
        auto stream = make(reader);
        const QByteArray all = messageStart()
            + event("message_delta",
                R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":3}})")
            + event("message_stop", R"({"type":"message_stop"})");
        for (qsizetype at = 0; at < all.size(); at += 3)
            stream->feed(QByteArrayView(all).sliced(at, qMin<qsizetype>(3, all.size() - at)));
        QCOMPARE(stream->usage(), (TokenUsage { 45, 3, 30, 0 }));
        QVERIFY(stream->isFinished());
        QCOMPARE(stream->malformedEvents(), 0);
    }

    void theOpenAiChunksCarryTheMessageId()
    {
        AnthropicToOpenAiStream stream(false);
        stream.feed(messageStart()
            + event("content_block_delta",
                R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}})"));
        QVERIFY(stream.takeClientBytes().contains(R"("id":"chatcmpl-msg_7")"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicSseReader)
#include "TestAnthropicSseReader.moc"
