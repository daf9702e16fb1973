#include "router/codecs/SseParser.h"
#include "router/translate/ConverseToAnthropicStream.h"
#include "tests/support/EventStreamEncoder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Bedrock's ConverseStream (binary event-stream frames) as an Anthropic Messages stream.
class TestConverseToAnthropicStream : public QObject
{
    Q_OBJECT

private:
    struct Seen
    {
        QByteArray type;
        QJsonObject data;
    };

    static QList<Seen> events(const QByteArray& sse)
    {
        SseParser parser;
        QList<Seen> seen;
        for (const SseParser::Event& event : parser.feed(sse))
            seen.append({ event.type, QJsonDocument::fromJson(event.data).object() });
        if (parser.hasPartialEvent())
            qWarning() << "an event was left unfinished:" << sse;
        return seen;
    }

    static QList<QByteArray> typesOf(const QList<Seen>& seen)
    {
        QList<QByteArray> types;
        for (const Seen& event : seen)
            types.append(event.type);
        return types;
    }

    static QByteArray textAnswer()
    {
        return EventStreamEncoder::event("messageStart", R"({"role":"assistant"})")
            + EventStreamEncoder::event(
                "contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"Hel"}})")
            + EventStreamEncoder::event(
                "contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"lo"}})")
            + EventStreamEncoder::event("contentBlockStop", R"({"contentBlockIndex":0})")
            + EventStreamEncoder::event("messageStop", R"({"stopReason":"end_turn"})")
            + EventStreamEncoder::event("metadata",
                R"({"usage":{"inputTokens":10,"outputTokens":4,"cacheReadInputTokens":6,)"
                R"("cacheWriteInputTokens":2,"totalTokens":22},"metrics":{"latencyMs":300}})");
    }

    // A piece of a tool call's input: JSON text inside a JSON string.
    static QByteArray toolInputDelta(int index, const QString& partialJson)
    {
        const QJsonObject data { { "contentBlockIndex", index },
            { "delta", QJsonObject { { "toolUse", QJsonObject { { "input", partialJson } } } } } };
        return EventStreamEncoder::event(
            "contentBlockDelta", QJsonDocument(data).toJson(QJsonDocument::Compact));
    }

private slots:
    void translatesATextAnswer()
    {
        ConverseToAnthropicStream stream(QStringLiteral("anthropic.claude-x"));
        stream.feed(textAnswer());
        QVERIFY(stream.hasStarted());
        QVERIFY(stream.isComplete());
        QVERIFY(stream.isFinished());
        QCOMPARE(stream.servedModel(), QStringLiteral("anthropic.claude-x"));
        QCOMPARE(stream.usage(), (TokenUsage { 18, 4, 6, 0 }));
        const QList<Seen> seen = events(stream.takeClientBytes() + stream.closing());
        QCOMPARE(typesOf(seen),
            (QList<QByteArray> { "message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop" }));
        QCOMPARE(seen[0].data.value("message")["model"].toString(),
            QStringLiteral("anthropic.claude-x"));
        QCOMPARE(seen[1].data.value("content_block")["type"].toString(), QStringLiteral("text"));
        QCOMPARE(seen[2].data.value("delta")["text"].toString(), QStringLiteral("Hel"));
        QCOMPARE(seen[3].data.value("delta")["text"].toString(), QStringLiteral("lo"));
        QCOMPARE(seen[4].data.value("index").toInt(), 0);
        const QJsonObject delta = seen[5].data;
        QCOMPARE(delta.value("delta")["stop_reason"].toString(), QStringLiteral("end_turn"));
        QCOMPARE(delta.value("usage")["input_tokens"].toInt(), 10);
        QCOMPARE(delta.value("usage")["output_tokens"].toInt(), 4);
        QCOMPARE(delta.value("usage")["cache_read_input_tokens"].toInt(), 6);
        QCOMPARE(delta.value("usage")["cache_creation_input_tokens"].toInt(), 2);
    }

    void readsFramesCutAnywhere()
    {
        const QByteArray all = textAnswer();
        for (qsizetype size : { 1, 7, 64 }) {
            ConverseToAnthropicStream whole(QStringLiteral("m"));
            whole.feed(all);
            ConverseToAnthropicStream pieces(QStringLiteral("m"));
            QByteArray client;
            for (qsizetype at = 0; at < all.size(); at += size) {
                pieces.feed(QByteArrayView(all).sliced(at, qMin(size, all.size() - at)));
                client += pieces.takeClientBytes();
            }
            QCOMPARE(client, whole.takeClientBytes());
            QVERIFY(pieces.isFinished());
            QCOMPARE(pieces.malformedEvents(), 0);
        }
    }

    void messageStartDoesNotStartTheAnswer()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        stream.feed(EventStreamEncoder::event("messageStart", R"({"role":"assistant"})"));
        QVERIFY(!stream.hasStarted()); // nothing said yet: still free to fail over
        QCOMPARE(typesOf(events(stream.takeClientBytes())), QList<QByteArray> { "message_start" });
    }

    void translatesAToolUse()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        stream.feed(EventStreamEncoder::event("messageStart", R"({"role":"assistant"})")
            + EventStreamEncoder::event("contentBlockStart",
                R"({"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"tooluse_1","name":"get_weather"}}})")
            + toolInputDelta(1, QStringLiteral("{\"city\":"))
            + toolInputDelta(1, QStringLiteral("\"Paris\"}"))
            + EventStreamEncoder::event("contentBlockStop", R"({"contentBlockIndex":1})")
            + EventStreamEncoder::event("messageStop", R"({"stopReason":"tool_use"})"));
        QVERIFY(stream.isComplete());
        QVERIFY(!stream.isFinished()); // the metadata with the usage has not come
        const QList<Seen> seen = events(stream.takeClientBytes() + stream.closing());
        QCOMPARE(typesOf(seen),
            (QList<QByteArray> { "message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop" }));
        const QJsonObject block = seen[1].data.value("content_block").toObject();
        QCOMPARE(seen[1].data.value("index").toInt(), 1);
        QCOMPARE(block.value("type").toString(), QStringLiteral("tool_use"));
        QCOMPARE(block.value("id").toString(), QStringLiteral("tooluse_1"));
        QCOMPARE(block.value("name").toString(), QStringLiteral("get_weather"));
        QCOMPARE(
            seen[2].data.value("delta")["type"].toString(), QStringLiteral("input_json_delta"));
        QCOMPARE(seen[2].data.value("delta")["partial_json"].toString()
                + seen[3].data.value("delta")["partial_json"].toString(),
            QStringLiteral("{\"city\":\"Paris\"}"));
        QCOMPARE(seen[5].data.value("delta")["stop_reason"].toString(), QStringLiteral("tool_use"));
        QCOMPARE(seen[5].data.value("usage")["output_tokens"].toInt(), 0);
    }

    void mapsConverseStopReasons_data()
    {
        QTest::addColumn<QByteArray>("converse");
        QTest::addColumn<QString>("anthropic");
        QTest::newRow("end_turn") << QByteArray("end_turn") << "end_turn";
        QTest::newRow("max_tokens") << QByteArray("max_tokens") << "max_tokens";
        QTest::newRow("stop_sequence") << QByteArray("stop_sequence") << "stop_sequence";
        QTest::newRow("guardrail") << QByteArray("guardrail_intervened") << "refusal";
        QTest::newRow("filtered") << QByteArray("content_filtered") << "refusal";
        QTest::newRow("unknown") << QByteArray("something_new") << "end_turn";
    }
    void mapsConverseStopReasons()
    {
        QFETCH(QByteArray, converse);
        QFETCH(QString, anthropic);
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        stream.feed(
            EventStreamEncoder::event("messageStop", "{\"stopReason\":\"" + converse + "\"}"));
        const QList<Seen> seen = events(stream.closing());
        QCOMPARE(seen.first().type, QByteArray("message_delta"));
        QCOMPARE(seen.first().data.value("delta")["stop_reason"].toString(), anthropic);
    }

    void closesBlocksTheUpstreamLeftOpen()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        stream.feed(EventStreamEncoder::event("messageStart", R"({"role":"assistant"})")
            + EventStreamEncoder::event(
                "contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"cut"}})"));
        stream.takeClientBytes();
        const QList<Seen> seen = events(stream.closing());
        QCOMPARE(typesOf(seen),
            (QList<QByteArray> { "content_block_stop", "message_delta", "message_stop" }));
        QCOMPARE(seen[0].data.value("index").toInt(), 0);
    }

    void skipsDeltasItCannotPassOn()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        stream.feed(EventStreamEncoder::event("contentBlockDelta",
            R"({"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"hmm"}}})"));
        QVERIFY(!stream.hasStarted());
        QVERIFY(stream.takeClientBytes().isEmpty());
        QCOMPARE(stream.malformedEvents(), 0);
    }

    void anExceptionFrameIsTheUpstreamsError()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        stream.feed(EventStreamEncoder::event("messageStart", R"({"role":"assistant"})")
            + EventStreamEncoder::exception("throttlingException", R"({"message":"Too many"})")
            + EventStreamEncoder::event(
                "contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"late"}})"));
        QVERIFY(stream.upstreamError());
        QCOMPARE(stream.upstreamError()->value("type").toString(),
            QStringLiteral("throttlingException"));
        QCOMPARE(stream.upstreamError()->value("message").toString(), QStringLiteral("Too many"));
        QVERIFY(!stream.takeClientBytes().contains("late")); // nothing is read after the error
        QVERIFY(!stream.hasStarted());
    }

    void anErrorFrameNamesItsCodeAndMessage()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        stream.feed(EventStreamEncoder()
                        .addString(":message-type", "error")
                        .addString(":error-code", "InternalFailure")
                        .addString(":error-message", "it broke")
                        .message(""));
        QVERIFY(stream.upstreamError());
        QCOMPARE(
            stream.upstreamError()->value("type").toString(), QStringLiteral("InternalFailure"));
        QCOMPARE(stream.upstreamError()->value("message").toString(), QStringLiteral("it broke"));
    }

    void aCorruptFrameEndsTheStreamWithAnError()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        QByteArray frame = EventStreamEncoder::event(
            "contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"Hi"}})");
        frame[frame.size() - 10] = char(frame.at(frame.size() - 10) ^ 0x01); // payload bit flip
        stream.feed(EventStreamEncoder::event("messageStart", R"({"role":"assistant"})") + frame);
        QCOMPARE(stream.malformedEvents(), 1);
        QVERIFY(stream.upstreamError());
        QCOMPARE(stream.upstreamError()->value("type").toString(), QStringLiteral("api_error"));
        QVERIFY(!stream.upstreamError()->value("message").toString().isEmpty());
        QVERIFY(!stream.hasStarted());
        // Later bytes change nothing.
        stream.feed(EventStreamEncoder::event("metadata", R"({"usage":{"inputTokens":1}})"));
        QVERIFY(!stream.isFinished());
        QCOMPARE(stream.malformedEvents(), 1);
    }

    void errorEventIsAnAnthropicApiError()
    {
        ConverseToAnthropicStream stream(QStringLiteral("m"));
        const QList<Seen> seen = events(stream.errorEvent(QStringLiteral("gone"), "server_error"));
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen[0].type, QByteArray("error"));
        QCOMPARE(seen[0].data.value("error")["type"].toString(), QStringLiteral("api_error"));
        QCOMPARE(seen[0].data.value("error")["message"].toString(), QStringLiteral("gone"));
    }
};

QTEST_GUILESS_MAIN(TestConverseToAnthropicStream)
#include "TestConverseToAnthropicStream.moc"
