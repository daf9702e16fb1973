#include "router/translate/AnthropicToGeminiStream.h"
#include "tests/support/AnthropicStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AnthropicStream;

// An Anthropic Messages stream as Gemini's streamGenerateContent answer, in both framings (SSE
// with alt=sse, the JSON array without), whatever the cuts between the bytes that arrive.
class TestAnthropicToGeminiStream : public QObject
{
    Q_OBJECT

private:
    using Framing = GeminiStreamFraming::Framing;

    static QByteArray textStream()
    {
        return messageStart() + blockStart(0, { { "type", "text" }, { "text", "" } })
            + AnthropicStream::event({ { "type", "ping" } }) + textDelta(0, "Hello")
            + textDelta(0, " world") + blockStop(0) + messageEnd("end_turn", 7);
    }

    static QByteArray thinkingStream()
    {
        return messageStart()
            + blockStart(0, { { "type", "thinking" }, { "thinking", "" }, { "signature", "" } })
            + delta(0, { { "type", "thinking_delta" }, { "thinking", "Let me " } })
            + delta(0, { { "type", "thinking_delta" }, { "thinking", "think." } })
            + delta(0, { { "type", "signature_delta" }, { "signature", "c2ln" } }) + blockStop(0)
            + blockStart(1, { { "type", "text" }, { "text", "" } }) + textDelta(1, "Done.")
            + blockStop(1) + messageEnd("max_tokens", 9);
    }

    static QByteArray toolStream(const QStringList& pieces)
    {
        QByteArray bytes = messageStart() + blockStart(0, { { "type", "text" }, { "text", "" } })
            + textDelta(0, "Looking.") + blockStop(0)
            + blockStart(1,
                { { "type", "tool_use" }, { "id", "toolu_01" }, { "name", "get_weather" },
                    { "input", QJsonObject() } });
        for (const QString& piece : pieces)
            bytes += delta(1, { { "type", "input_json_delta" }, { "partial_json", piece } });
        return bytes + blockStop(1) + messageEnd("tool_use", 20);
    }

    // The usage every chunk carries before message_delta: message_start's.
    static constexpr const char* startUsage
        = R"("usageMetadata":{"cachedContentTokenCount":30,"candidatesTokenCount":1,)"
          R"("promptTokenCount":45,"totalTokenCount":46})";

    static QByteArray chunk(const QByteArray& parts, const QByteArray& usage = startUsage)
    {
        return R"({"candidates":[{"content":{"parts":[)" + parts
            + R"(],"role":"model"},"index":0}],"modelVersion":"claude-x","responseId":"msg_1",)"
            + usage + "}";
    }

    // The last chunk: no parts, the finish reason and the final usage.
    static QByteArray lastChunk(const char* finishReason, int outputTokens)
    {
        return QByteArray(R"({"candidates":[{"content":{"role":"model"},"finishReason":"REASON",)"
                          R"("index":0}],"modelVersion":"claude-x","responseId":"msg_1",)"
                          R"("usageMetadata":{"cachedContentTokenCount":30,)"
                          R"("candidatesTokenCount":OUTPUT,"promptTokenCount":45,)"
                          R"("totalTokenCount":TOTAL}})")
            .replace("REASON", finishReason)
            .replace("OUTPUT", QByteArray::number(outputTokens))
            .replace("TOTAL", QByteArray::number(45 + outputTokens));
    }

    static QByteArray sse(const QList<QByteArray>& chunks)
    {
        QByteArray bytes;
        for (const QByteArray& each : chunks)
            bytes += "data: " + each + "\r\n\r\n";
        return bytes;
    }

    static QByteArray array(const QList<QByteArray>& chunks)
    {
        QByteArray bytes;
        for (const QByteArray& each : chunks)
            bytes += (bytes.isEmpty() ? "[" : ",\r\n") + each;
        return bytes;
    }

    // The client's bytes for the upstream's, fed in pieces of one size.
    static QByteArray translate(AnthropicToGeminiStream& stream, const QByteArray& bytes, int size)
    {
        QByteArray client;
        for (qsizetype at = 0; at < bytes.size(); at += size) {
            stream.feed(bytes.mid(at, size));
            client += stream.takeClientBytes();
        }
        return client;
    }

    // The same bytes out whatever the cuts: in pieces of many sizes and cut once anywhere.
    static void compareAtAnyCut(const QByteArray& upstream, const QByteArray& expected,
        bool includeThoughts, Framing framing = Framing::Sse)
    {
        for (int size : { 1, 2, 3, 5, 7, 13, 64, 100000 }) {
            AnthropicToGeminiStream stream(includeThoughts, framing);
            QCOMPARE(translate(stream, upstream, size), expected);
            QVERIFY(stream.isComplete());
            QVERIFY(stream.isFinished());
        }
        for (qsizetype cut = 1; cut < upstream.size(); ++cut) {
            AnthropicToGeminiStream stream(includeThoughts, framing);
            stream.feed(upstream.left(cut));
            QByteArray client = stream.takeClientBytes();
            stream.feed(upstream.mid(cut));
            client += stream.takeClientBytes();
            QCOMPARE(client, expected);
        }
    }

private slots:
    void textAsTextParts()
    {
        const QByteArray expected = sse(
            { chunk(R"({"text":"Hello"})"), chunk(R"({"text":" world"})"), lastChunk("STOP", 7) });
        compareAtAnyCut(textStream(), expected, false);

        AnthropicToGeminiStream stream(false);
        stream.feed(messageStart());
        QVERIFY(!stream.hasStarted()); // nothing for the client yet: it can still fail over
        QVERIFY(stream.takeClientBytes().isEmpty());
        stream.feed(textStream().mid(messageStart().size()));
        QVERIFY(stream.hasStarted());
        QCOMPARE(stream.servedModel(), QStringLiteral("claude-x"));
        QCOMPARE(stream.usage(), (TokenUsage { .prompt = 45, .completion = 7, .cached = 30 }));
        QCOMPARE(stream.closing(), QByteArray()); // no [DONE]: Gemini clients choke on it
        QCOMPARE(stream.malformedEvents(), 0);
        // Exactly one data line and a blank line per chunk, nothing else.
        const QByteArray client = stream.takeClientBytes();
        QVERIFY(!client.contains("event:"));
        for (const QByteArray& each : client.chopped(1).split('\n')) {
            QVERIFY2(each.startsWith("data: {") || each == "\r", each.constData());
        }
    }

    void thoughtsOnlyWhenAsked()
    {
        compareAtAnyCut(thinkingStream(),
            sse({ chunk(R"({"text":"Let me ","thought":true})"),
                chunk(R"({"text":"think.","thought":true})"), chunk(R"({"text":"Done."})"),
                lastChunk("MAX_TOKENS", 9) }),
            true);
        compareAtAnyCut(thinkingStream(),
            sse({ chunk(R"({"text":"Done."})"), lastChunk("MAX_TOKENS", 9) }), false);

        // Hidden thoughts write nothing, but the answer has begun: no failover from here.
        AnthropicToGeminiStream hidden(false);
        hidden.feed(thinkingStream().left(thinkingStream().indexOf("think.")));
        QVERIFY(hidden.hasStarted());
        QVERIFY(hidden.takeClientBytes().isEmpty());
    }

    void toolUseAsOneWholeFunctionCall()
    {
        const QByteArray upstream = toolStream(
            { QStringLiteral("{\"ci"), QStringLiteral("ty\": \"Par"), QStringLiteral("is\"}") });
        compareAtAnyCut(upstream,
            sse({ chunk(R"({"text":"Looking."})"),
                chunk(R"({"functionCall":{"args":{"city":"Paris"},"id":"toolu_01",)"
                      R"("name":"get_weather"}})"),
                lastChunk("STOP", 20) }),
            false);
    }

    void toolUseWithoutArguments()
    {
        compareAtAnyCut(toolStream({}),
            sse({ chunk(R"({"text":"Looking."})"),
                chunk(R"({"functionCall":{"args":{},"id":"toolu_01","name":"get_weather"}})"),
                lastChunk("STOP", 20) }),
            false);
    }

    void argumentsThatAreNotJsonAreAMalformedCall()
    {
        AnthropicToGeminiStream stream(false);
        stream.feed(toolStream({ QStringLiteral("{\"city\": ") }));
        QCOMPARE(stream.takeClientBytes(),
            sse({ chunk(R"({"text":"Looking."})"), lastChunk("MALFORMED_FUNCTION_CALL", 20) }));
        QCOMPARE(stream.malformedEvents(), 1);
    }

    void usageOnEveryChunkAsItGrows()
    {
        AnthropicToGeminiStream stream(false);
        stream.feed(messageStart() + blockStart(0, { { "type", "text" }, { "text", "" } })
            + textDelta(0, "a")
            + AnthropicStream::event({ { "type", "message_delta" }, { "delta", QJsonObject() },
                { "usage", QJsonObject { { "output_tokens", 4 } } } })
            + textDelta(0, "b"));
        QCOMPARE(stream.takeClientBytes(),
            sse({ chunk(R"({"text":"a"})"),
                chunk(R"({"text":"b"})",
                    R"("usageMetadata":{"cachedContentTokenCount":30,"candidatesTokenCount":4,)"
                    R"("promptTokenCount":45,"totalTokenCount":49})") }));
        QVERIFY(!stream.isComplete());
    }

    void errorMidStreamEndsWithGooglesErrorObject()
    {
        const QByteArray upstream = messageStart()
            + blockStart(0, { { "type", "text" }, { "text", "" } }) + textDelta(0, "Hel")
            + AnthropicStream::event({ { "type", "error" },
                { "error",
                    QJsonObject { { "type", "overloaded_error" }, { "message", "Overloaded" } } } })
            + textDelta(0, "lo");
        for (int size : { 1, 4, 100000 }) {
            AnthropicToGeminiStream stream(false);
            QCOMPARE(translate(stream, upstream, size), sse({ chunk(R"({"text":"Hel"})") }));
            QVERIFY(stream.upstreamError());
            QVERIFY(!stream.isComplete());
            // Raw and pretty-printed outside the SSE framing, as Google writes it: the Gemini
            // SDK raises it, and retries a 503.
            const QByteArray error
                = stream.errorEvent(QStringLiteral("Overloaded"), QStringLiteral("upstream_error"));
            QVERIFY(!error.startsWith("data:"));
            QVERIFY(error.contains('\n'));
            QCOMPARE(QJsonDocument::fromJson(error).toJson(QJsonDocument::Compact),
                QByteArray(
                    R"({"error":{"code":503,"message":"Overloaded","status":"UNAVAILABLE"}})"));
        }
    }

    void routersOwnErrorIsAServerError()
    {
        AnthropicToGeminiStream stream(false);
        stream.feed(messageStart() + blockStart(0, { { "type", "text" }, { "text", "" } })
            + textDelta(0, "Hel"));
        const QByteArray error = stream.errorEvent(
            QStringLiteral("The stream stalled"), QStringLiteral("upstream_error"));
        QCOMPARE(QJsonDocument::fromJson(error).toJson(QJsonDocument::Compact),
            QByteArray(
                R"({"error":{"code":500,"message":"The stream stalled","status":"INTERNAL"}})"));
    }

    void jsonArrayFraming()
    {
        const QByteArray expected = array(
            { chunk(R"({"text":"Hello"})"), chunk(R"({"text":" world"})"), lastChunk("STOP", 7) });
        compareAtAnyCut(textStream(), expected, false, Framing::JsonArray);

        AnthropicToGeminiStream stream(false, Framing::JsonArray);
        stream.feed(textStream());
        const QByteArray whole = stream.takeClientBytes() + stream.closing();
        QCOMPARE(whole, expected + "]");
        QJsonParseError parseError {};
        const QJsonArray elements = QJsonDocument::fromJson(whole, &parseError).array();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(elements.size(), 3);
    }

    void jsonArrayEndsWithTheErrorAsItsLastElement()
    {
        AnthropicToGeminiStream stream(false, Framing::JsonArray);
        stream.feed(messageStart() + blockStart(0, { { "type", "text" }, { "text", "" } })
            + textDelta(0, "Hel")
            + AnthropicStream::event({ { "type", "error" },
                { "error",
                    QJsonObject { { "type", "api_error" }, { "message", "Internal error" } } } }));
        const QByteArray whole = stream.takeClientBytes()
            + stream.errorEvent(QStringLiteral("Internal error"), QStringLiteral("upstream_error"));
        QCOMPARE(whole,
            array({ chunk(R"({"text":"Hel"})"),
                R"({"error":{"code":500,"message":"Internal error","status":"INTERNAL"}})" })
                + "]");
    }

    void jsonArrayWithoutChunks()
    {
        AnthropicToGeminiStream stream(false, Framing::JsonArray);
        QCOMPARE(stream.closing(), QByteArray("[]"));
        QCOMPARE(stream.errorEvent(QStringLiteral("Gone"), QStringLiteral("upstream_error")),
            QByteArray(R"([{"error":{"code":500,"message":"Gone","status":"INTERNAL"}}])"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicToGeminiStream)
#include "TestAnthropicToGeminiStream.moc"
