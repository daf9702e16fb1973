// A Gemini stream (alt=sse) passed through to a Gemini client in both of its framings, whatever
// the cuts between the bytes that arrive, and what the router learns from it. (Plain string
// literals: Qt 6.4's moc misreads raw ones full of quotes.)
#include "router/translate/AnswerAssembler.h"
#include "router/translate/GeminiStreamTranslator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

using Framing = GeminiStreamFraming::Framing;

// Chunks as Google writes them: one line, a space after each colon, its own key order. The
// pass-through must keep these bytes as they are.
QByteArray chunk(const QByteArray& parts, const QByteArray& candidateExtra = {},
    const QByteArray& usage = "\"promptTokenCount\": 5,\"candidatesTokenCount\": 2,"
                              "\"totalTokenCount\": 7")
{
    return "{\"candidates\": [{\"content\": {\"parts\": [" + parts + "],\"role\": \"model\"},"
        + candidateExtra + "\"index\": 0}],\"usageMetadata\": {" + usage
        + "},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"r1\"}";
}

const QByteArray hello = chunk("{\"text\": \"Hel\"}");
const QByteArray world
    = chunk("{\"text\": \"lo\"},{\"text\": \"\",\"thoughtSignature\": \"c2ln\"}");
const QByteArray last = chunk("{\"text\": \".\"}", "\"finishReason\": \"STOP\",",
    "\"promptTokenCount\": 5,\"candidatesTokenCount\": 9,\"totalTokenCount\": 118,"
    "\"thoughtsTokenCount\": 104,\"cachedContentTokenCount\": 3");

QByteArray upstream(const QList<QByteArray>& chunks, const QByteArray& delimiter = "\r\n\r\n")
{
    QByteArray bytes;
    for (const QByteArray& each : chunks)
        bytes += "data: " + each + delimiter;
    return bytes;
}

QByteArray array(const QList<QByteArray>& elements)
{
    QByteArray bytes;
    for (const QByteArray& each : elements)
        bytes += (bytes.isEmpty() ? "[" : ",\r\n") + each;
    return bytes;
}

QByteArray compact(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
}

QByteArray errorChunk(int code, const char* message, const char* status)
{
    return QJsonDocument(
        QJsonObject { { "error",
            QJsonObject { { "code", code }, { "message", message }, { "status", status } } } })
        .toJson(QJsonDocument::Compact);
}

// The client's bytes for the upstream's, fed in pieces of one size.
QByteArray translate(GeminiStreamTranslator& stream, const QByteArray& bytes, int size)
{
    QByteArray client;
    for (qsizetype at = 0; at < bytes.size(); at += size) {
        stream.feed(bytes.mid(at, size));
        client += stream.takeClientBytes();
    }
    return client;
}

// The same bytes out whatever the cuts: in pieces of many sizes and cut once anywhere.
bool sameAtAnyCut(const QByteArray& bytes, const QByteArray& expected, Framing framing)
{
    for (int size : { 1, 2, 3, 7, 64, 100000 }) {
        GeminiStreamTranslator stream(framing);
        if (translate(stream, bytes, size) != expected)
            return false;
    }
    for (qsizetype cut = 1; cut < bytes.size(); ++cut) {
        GeminiStreamTranslator stream(framing);
        stream.feed(bytes.left(cut));
        QByteArray client = stream.takeClientBytes();
        stream.feed(bytes.mid(cut));
        if (client + stream.takeClientBytes() != expected)
            return false;
    }
    return true;
}

} // namespace

class TestGeminiStreamTranslator : public QObject
{
    Q_OBJECT

private slots:
    void sseChunksPassThroughAsTheyCame()
    {
        const QByteArray bytes = upstream({ hello, world, last });
        QVERIFY(sameAtAnyCut(bytes, bytes, Framing::Sse));
        // Google's CRLF framing even when the upstream wrote LF.
        QVERIFY(sameAtAnyCut(upstream({ hello, world, last }, "\n\n"), bytes, Framing::Sse));

        GeminiStreamTranslator stream(Framing::Sse);
        stream.feed(bytes);
        QCOMPARE(stream.takeClientBytes(), bytes);
        QCOMPARE(stream.closing(), QByteArray()); // no end marker: Gemini clients choke on one
        QCOMPARE(stream.malformedEvents(), 0);
    }

    void jsonArrayOfTheChunks()
    {
        const QByteArray bytes = upstream({ hello, world, last });
        const QByteArray expected = array({ hello, world, last });
        QVERIFY(sameAtAnyCut(bytes, expected, Framing::JsonArray));

        GeminiStreamTranslator stream(Framing::JsonArray);
        stream.feed(bytes);
        const QByteArray whole = stream.takeClientBytes() + stream.closing();
        QCOMPARE(whole, expected + "]");
        QJsonParseError parseError {};
        const QJsonArray elements = QJsonDocument::fromJson(whole, &parseError).array();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(elements,
            (QJsonArray { QJsonDocument::fromJson(hello).object(),
                QJsonDocument::fromJson(world).object(), QJsonDocument::fromJson(last).object() }));
    }

    void emptyJsonArray()
    {
        GeminiStreamTranslator stream(Framing::JsonArray);
        stream.feed(": nothing yet\r\n\r\n");
        QVERIFY(stream.takeClientBytes().isEmpty());
        QCOMPARE(stream.closing(), QByteArray("[]"));
    }

    void usageModelAndCompletion()
    {
        GeminiStreamTranslator stream(Framing::Sse);
        QVERIFY(!stream.hasStarted());
        stream.feed(upstream({ hello, world }));
        QVERIFY(stream.hasStarted());
        QVERIFY(!stream.isComplete());
        QCOMPARE(stream.servedModel(), QStringLiteral("gemini-2.5-flash"));
        QCOMPARE(stream.usage(), (TokenUsage { .prompt = 5, .completion = 2 }));
        stream.feed(upstream({ last }));
        QVERIFY(stream.isComplete());
        QVERIFY(!stream.isFinished()); // Gemini sends no end marker: the upstream closes
        // Thoughts count as output; the cached part is in the prompt.
        QCOMPARE(stream.usage(),
            (TokenUsage { .prompt = 5, .completion = 113, .cached = 3, .reasoning = 104 }));
    }

    void thoughtsAndCallsBeginTheAnswerButASignatureAloneDoesNot()
    {
        GeminiStreamTranslator stream(Framing::Sse);
        stream.feed(upstream({ "{\"usageMetadata\": {\"promptTokenCount\": 5}}", chunk({}),
            chunk("{\"text\": \"\",\"thoughtSignature\": \"c2ln\"}") }));
        QVERIFY(!stream.hasStarted()); // still free to fail over
        stream.feed(upstream({ chunk("{\"text\": \"Planning\",\"thought\": true}") }));
        QVERIFY(stream.hasStarted());
        QVERIFY(!stream.isComplete());

        GeminiStreamTranslator call(Framing::Sse);
        call.feed(upstream({ chunk("{\"functionCall\": {\"name\": \"ls\",\"args\": {}},"
                                   "\"thoughtSignature\": \"c2ln\"}") }));
        QVERIFY(call.hasStarted());
    }

    void errorBeforeTheAnswerIsTheUpstreamsError()
    {
        GeminiStreamTranslator stream(Framing::Sse);
        stream.feed(upstream({ errorChunk(429, "Quota", "RESOURCE_EXHAUSTED"), hello }));
        QVERIFY(stream.upstreamError());
        QCOMPARE(stream.upstreamError()->value("code").toInt(), 429);
        QVERIFY(!stream.hasStarted());
        QVERIFY(stream.takeClientBytes().isEmpty()); // nothing after the error either
    }

    void errorMidStreamEndsWithGooglesErrorObject()
    {
        const QByteArray bytes
            = upstream({ hello, errorChunk(503, "Overloaded", "UNAVAILABLE"), world });
        for (int size : { 1, 5, 100000 }) {
            GeminiStreamTranslator stream(Framing::Sse);
            QCOMPARE(translate(stream, bytes, size), upstream({ hello }));
            QVERIFY(stream.upstreamError());
            QVERIFY(!stream.isComplete());
            // Raw and pretty-printed outside the SSE framing, as Google writes it: the Gemini
            // SDK raises it, and retries a 503.
            const QByteArray error
                = stream.errorEvent(QStringLiteral("Overloaded"), QStringLiteral("upstream_error"));
            QVERIFY(!error.startsWith("data:"));
            QVERIFY(error.trimmed().contains('\n'));
            QCOMPARE(compact(error),
                QByteArray("{\"error\":{\"code\":503,\"message\":\"Overloaded\","
                           "\"status\":\"UNAVAILABLE\"}}"));
        }

        GeminiStreamTranslator stream(Framing::JsonArray);
        stream.feed(bytes);
        const QByteArray whole = stream.takeClientBytes()
            + stream.errorEvent(QStringLiteral("Overloaded"), QStringLiteral("upstream_error"));
        QCOMPARE(whole,
            array({ hello,
                "{\"error\":{\"code\":503,\"message\":\"Overloaded\",\"status\":\"UNAVAILABLE\"}"
                "}" })
                + "]");
        QCOMPARE(QJsonDocument::fromJson(whole).array().size(), 2);
    }

    void routersOwnErrorIsAServerError()
    {
        GeminiStreamTranslator stream(Framing::Sse);
        stream.feed(upstream({ hello }));
        QCOMPARE(compact(stream.errorEvent(
                     QStringLiteral("The stream stalled"), QStringLiteral("upstream_error"))),
            QByteArray("{\"error\":{\"code\":500,\"message\":\"The stream "
                       "stalled\",\"status\":\"INTERNAL\"}}"));

        GeminiStreamTranslator empty(Framing::JsonArray);
        QCOMPARE(empty.errorEvent(QStringLiteral("Gone"), QStringLiteral("upstream_error")),
            QByteArray(
                "[{\"error\":{\"code\":500,\"message\":\"Gone\",\"status\":\"INTERNAL\"}}]"));
    }

    void malformedChunksAreDroppedAndCounted()
    {
        GeminiStreamTranslator stream(Framing::Sse);
        stream.feed(upstream({ hello, "{\"candidates\": [", "[1,2]", last }));
        QCOMPARE(stream.takeClientBytes(), upstream({ hello, last }));
        QCOMPARE(stream.malformedEvents(), 2);
        QVERIFY(stream.isComplete());
    }

    void aChunkOverSeveralLinesGoesOnInOne()
    {
        GeminiStreamTranslator stream(Framing::Sse);
        stream.feed("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi\"}]}}],\n"
                    "data: \"responseId\": \"r1\"}\r\n\r\n");
        QCOMPARE(stream.takeClientBytes(),
            QByteArray("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]}}],"
                       "\"responseId\":\"r1\"}\r\n\r\n"));
    }

    void wholeAnswerFromTheSseFraming()
    {
        // What the router does for a client that asked for a whole answer.
        GeminiStreamTranslator stream(Framing::Sse);
        const auto assembler = AnswerAssembler::forProtocol(ClientProtocol::Gemini);
        QVERIFY(assembler);
        stream.feed(upstream({ hello, world, last }));
        assembler->feed(stream.takeClientBytes() + stream.closing());
        const std::optional<QByteArray> answer = assembler->answer();
        QVERIFY(answer);
        const QJsonObject whole = QJsonDocument::fromJson(*answer).object();
        QCOMPARE(whole["candidates"][0]["content"]["parts"].toArray(),
            (QJsonArray { QJsonObject { { "text", "Hello." }, { "thoughtSignature", "c2ln" } } }));
        QCOMPARE(whole["candidates"][0]["finishReason"].toString(), QStringLiteral("STOP"));
        QCOMPARE(whole["usageMetadata"]["totalTokenCount"].toInt(), 118);
    }
};

QTEST_GUILESS_MAIN(TestGeminiStreamTranslator)
#include "TestGeminiStreamTranslator.moc"
