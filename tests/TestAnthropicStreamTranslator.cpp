#include "router/codecs/SseParser.h"
#include "router/translate/AnthropicStreamTranslator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// An Anthropic stream for an Anthropic client: every event passes through as it came, read on
// the way (what it reads is TestAnthropicSseReader's). Pings pass but do not start the answer.
class TestAnthropicStreamTranslator : public QObject
{
    Q_OBJECT

private:
    static QByteArray event(const char* type, const char* json)
    {
        return QByteArray("event: ") + type + "\ndata: " + json + "\n\n";
    }

    static const char* messageStartJson()
    {
        return R"({"type":"message_start","message":{"id":"msg_1","model":"claude-x","usage":{"input_tokens":3,"output_tokens":1}}})";
    }

    static const char* textStartJson()
    {
        return R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})";
    }

    // The events a client's SSE reader would see in `bytes`.
    static QList<SseParser::Event> clientEvents(const QByteArray& bytes)
    {
        SseParser parser;
        QList<SseParser::Event> events = parser.feed(bytes);
        if (parser.hasPartialEvent())
            qWarning() << "an event was left unfinished:" << bytes;
        return events;
    }

private slots:
    void passesEventsThroughAsTheyCame()
    {
        AnthropicStreamTranslator stream;
        const QByteArray all = event("message_start", messageStartJson())
            + event("content_block_start", textStartJson())
            + event("content_block_delta",
                R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}})")
            + event("content_block_stop", R"({"type":"content_block_stop","index":0})")
            + event("message_delta",
                R"({"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}})")
            + event("message_stop", R"({"type":"message_stop"})");
        stream.feed(all);
        QCOMPARE(stream.takeClientBytes(), all);
        QVERIFY(stream.isFinished());
        QVERIFY(stream.closing().isEmpty()); // message_stop already ended the client's stream
    }

    void pingsPassButDoNotStartTheAnswer()
    {
        AnthropicStreamTranslator stream;
        stream.feed(
            event("message_start", messageStartJson()) + event("ping", R"({"type":"ping"})"));
        QVERIFY(!stream.hasStarted());
        QVERIFY(stream.takeClientBytes().endsWith(event("ping", R"({"type":"ping"})")));
        stream.feed(event("content_block_start", textStartJson()));
        QVERIFY(stream.hasStarted());
    }

    void writesEventsInOneLineEndingWhateverTheUpstreamUsed()
    {
        AnthropicStreamTranslator stream;
        stream.feed("event: ping\r\ndata: {\"type\":\"ping\"}\r\n\r\n: keep-alive comment\r\n\r\n");
        QCOMPARE(stream.takeClientBytes(), event("ping", R"({"type":"ping"})"));
    }

    void dropsEventsThatAreNoJson()
    {
        AnthropicStreamTranslator stream;
        stream.feed(
            event("content_block_delta", "{truncated") + event("ping", R"({"type":"ping"})"));
        QCOMPARE(stream.malformedEvents(), 1);
        QCOMPARE(stream.takeClientBytes(), event("ping", R"({"type":"ping"})"));
    }

    void anEventWithDataOnSeveralLinesStaysOneEvent()
    {
        // SSE allows data in several lines, joined with '\n'; passed on, it must still be one
        // event whose data is the same JSON.
        AnthropicStreamTranslator stream;
        stream.feed("event: ping\ndata: {\"type\":\ndata: \"ping\"}\n\n");
        QCOMPARE(stream.malformedEvents(), 0);
        const QList<SseParser::Event> events = clientEvents(stream.takeClientBytes());
        QCOMPARE(events.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(events.constFirst().data).object().value("type"),
            QJsonValue("ping"));
    }

    void anUpstreamErrorIsNotPassedOn()
    {
        AnthropicStreamTranslator stream;
        stream.feed(event("message_start", messageStartJson()));
        stream.takeClientBytes();
        stream.feed(event(
            "error", R"({"type":"error","error":{"type":"overloaded_error","message":"busy"}})"));
        QVERIFY(stream.takeClientBytes().isEmpty()); // the router decides what the client sees
        QVERIFY(stream.upstreamError());
    }

    void errorEventIsAnApiErrorAnthropicSdksKnow()
    {
        AnthropicStreamTranslator stream;
        const QList<SseParser::Event> events
            = clientEvents(stream.errorEvent(QStringLiteral("upstream went away"), "server_error"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.constFirst().type, QByteArray("error"));
        const QJsonObject data = QJsonDocument::fromJson(events.constFirst().data).object();
        QCOMPARE(data.value("type").toString(), QStringLiteral("error"));
        QCOMPARE(data.value("error")["type"].toString(), QStringLiteral("api_error"));
        QCOMPARE(data.value("error")["message"].toString(), QStringLiteral("upstream went away"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicStreamTranslator)
#include "TestAnthropicStreamTranslator.moc"
