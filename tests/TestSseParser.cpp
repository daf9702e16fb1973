#include "router/codecs/SseParser.h"

#include <QTest>

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parsesOpenAiChunks()
    {
        SseParser parser;
        const auto events = parser.feed("data: {\"a\":1}\n\ndata: [DONE]\n\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).data, QByteArray("{\"a\":1}"));
        QCOMPARE(events.at(0).type, QByteArray("message"));
        QCOMPARE(events.at(1).data, QByteArray("[DONE]"));
        QVERIFY(!parser.hasPartialEvent());
    }

    void parsesAnthropicNamedEventsAndComments()
    {
        SseParser parser;
        const auto events = parser.feed(": keep-alive\r\nevent: message_start\r\ndata: {}\r\n\r\n"
                                        "event: ping\r\ndata: {\"type\": \"ping\"}\r\n\r\n");
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).type, QByteArray("message_start"));
        QCOMPARE(events.at(1).type, QByteArray("ping"));
        QCOMPARE(events.at(1).data, QByteArray("{\"type\": \"ping\"}"));
    }

    void anySplitGivesTheSameEvents()
    {
        const QByteArray stream = "event: a\ndata: line one\ndata: line two\nid: 7\n\n"
                                  "data: x\r\rdata:no-space\r\n\r\n:comment\n\ndata\n\n";
        SseParser whole;
        const auto expected = whole.feed(stream);
        QCOMPARE(expected.size(), 4);
        QCOMPARE(expected.at(0).data, QByteArray("line one\nline two"));
        QCOMPARE(expected.at(0).id, QByteArray("7"));
        QCOMPARE(expected.at(2).data, QByteArray("no-space"));
        QCOMPARE(expected.at(3).data, QByteArray()); // "data" without a colon: empty data
        for (qsizetype split = 1; split < stream.size(); ++split) {
            SseParser parser;
            auto events = parser.feed(QByteArrayView(stream).first(split));
            events += parser.feed(QByteArrayView(stream).sliced(split));
            QCOMPARE(events.size(), expected.size());
            for (qsizetype i = 0; i < events.size(); ++i) {
                QCOMPARE(events.at(i).data, expected.at(i).data);
                QCOMPARE(events.at(i).type, expected.at(i).type);
            }
        }
    }

    void aCutStreamLeavesAPartialEvent()
    {
        SseParser parser;
        QVERIFY(parser.feed("data: {\"choices\":[{\"delta\":").isEmpty());
        QVERIFY(parser.hasPartialEvent());
        QVERIFY(parser.feed("{}}]}\n").isEmpty());
        QVERIFY(parser.hasPartialEvent()); // no blank line yet
        QCOMPARE(parser.feed("\n").size(), 1);
    }

    void dropsAnOversizedEvent()
    {
        SseParser parser;
        QByteArray huge = "data: " + QByteArray(SseParser::maximumEventBytes + 10, 'x') + "\n\n";
        QVERIFY(parser.feed(huge).isEmpty());
        QVERIFY(parser.overflowed());
        QCOMPARE(parser.feed("data: after\n\n").size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "TestSseParser.moc"
