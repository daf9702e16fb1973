#include "router/codecs/SseParser.h"
#include "router/translate/ResponsesStreamTranslator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// The stream of notes/research/responses-api.md section 3.2 (reasoning, text, a function
// call), as OpenAI writes it; the elided response objects written out.
const char* const recordedStream[] = {
    "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
    "\"object\":\"response\",\"created_at\":1796301528,\"status\":\"in_progress\",\"background\":"
    "false,\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":"
    "null,\"model\":\"gpt-5.5\",\"output\":[],\"parallel_tool_calls\":true,\"previous_response_"
    "id\":null,\"reasoning\":{\"effort\":\"medium\",\"summary\":\"auto\"},\"store\":false,"
    "\"temperature\":1,\"text\":{\"format\":{\"type\":\"text\"},\"verbosity\":\"medium\"},\"tool_"
    "choice\":\"auto\",\"tools\":[],\"top_p\":1,\"truncation\":\"disabled\",\"usage\":null,"
    "\"user\":null,\"metadata\":{}}}",
    "{\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":{\"id\":\"resp_1\","
    "\"object\":\"response\",\"created_at\":1796301528,\"status\":\"in_progress\",\"background\":"
    "false,\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":"
    "null,\"model\":\"gpt-5.5\",\"output\":[],\"parallel_tool_calls\":true,\"previous_response_"
    "id\":null,\"reasoning\":{\"effort\":\"medium\",\"summary\":\"auto\"},\"store\":false,"
    "\"temperature\":1,\"text\":{\"format\":{\"type\":\"text\"},\"verbosity\":\"medium\"},\"tool_"
    "choice\":\"auto\",\"tools\":[],\"top_p\":1,\"truncation\":\"disabled\",\"usage\":null,"
    "\"user\":null,\"metadata\":{}}}",
    "{\"type\":\"response.output_item.added\",\"sequence_number\":2,\"output_index\":0,\"item\":{"
    "\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}}",
    "{\"type\":\"response.reasoning_summary_part.added\",\"sequence_number\":3,\"item_id\":\"rs_"
    "1\",\"output_index\":0,\"summary_index\":0,\"part\":{\"type\":\"summary_text\",\"text\":\"\"}"
    "}",
    "{\"type\":\"response.reasoning_summary_text.delta\",\"sequence_number\":4,\"item_id\":\"rs_"
    "1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"**Thinking** about it\"}",
    "{\"type\":\"response.reasoning_summary_text.done\",\"sequence_number\":5,\"item_id\":\"rs_1\","
    "\"output_index\":0,\"summary_index\":0,\"text\":\"**Thinking** about it\"}",
    "{\"type\":\"response.reasoning_summary_part.done\",\"sequence_number\":6,\"item_id\":\"rs_1\","
    "\"output_index\":0,\"summary_index\":0,\"part\":{\"type\":\"summary_text\",\"text\":\"**"
    "Thinking** about it\"}}",
    "{\"type\":\"response.output_item.done\",\"sequence_number\":7,\"output_index\":0,\"item\":{"
    "\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"**"
    "Thinking** about it\"}],\"encrypted_content\":\"gAAAAB\"}}",
    "{\"type\":\"response.output_item.added\",\"sequence_number\":8,\"output_index\":1,\"item\":{"
    "\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"in_progress\",\"role\":\"assistant\","
    "\"content\":[]}}",
    "{\"type\":\"response.content_part.added\",\"sequence_number\":9,\"item_id\":\"msg_1\","
    "\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\","
    "\"annotations\":[],\"logprobs\":[]}}",
    "{\"type\":\"response.output_text.delta\",\"sequence_number\":10,\"item_id\":\"msg_1\","
    "\"output_index\":1,\"content_index\":0,\"delta\":\"Hello from \",\"logprobs\":[]}",
    "{\"type\":\"response.output_text.delta\",\"sequence_number\":11,\"item_id\":\"msg_1\","
    "\"output_index\":1,\"content_index\":0,\"delta\":\"the mock server.\",\"logprobs\":[]}",
    "{\"type\":\"response.output_text.done\",\"sequence_number\":12,\"item_id\":\"msg_1\",\"output_"
    "index\":1,\"content_index\":0,\"text\":\"Hello from the mock server.\",\"logprobs\":[]}",
    "{\"type\":\"response.content_part.done\",\"sequence_number\":13,\"item_id\":\"msg_1\","
    "\"output_index\":1,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"Hello "
    "from the mock server.\",\"annotations\":[],\"logprobs\":[]}}",
    "{\"type\":\"response.output_item.done\",\"sequence_number\":14,\"output_index\":1,\"item\":{"
    "\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\","
    "\"content\":[{\"type\":\"output_text\",\"text\":\"Hello from the mock "
    "server.\",\"annotations\":[],\"logprobs\":[]}]}}",
    "{\"type\":\"response.output_item.added\",\"sequence_number\":15,\"output_index\":2,\"item\":{"
    "\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"in_progress\",\"call_id\":\"call_1\","
    "\"name\":\"exec_command\",\"arguments\":\"\"}}",
    "{\"type\":\"response.function_call_arguments.delta\",\"sequence_number\":16,\"item_id\":\"fc_"
    "1\",\"output_index\":2,\"delta\":\"{\\\"cmd\"}",
    "{\"type\":\"response.function_call_arguments.delta\",\"sequence_number\":17,\"item_id\":\"fc_"
    "1\",\"output_index\":2,\"delta\":\"\\\":\\\"ls\\\"}\"}",
    "{\"type\":\"response.function_call_arguments.done\",\"sequence_number\":18,\"item_id\":\"fc_"
    "1\",\"output_index\":2,\"name\":\"exec_command\",\"arguments\":\"{\\\"cmd\\\":\\\"ls\\\"}\"}",
    "{\"type\":\"response.output_item.done\",\"sequence_number\":19,\"output_index\":2,\"item\":{"
    "\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"completed\",\"call_id\":\"call_1\","
    "\"name\":\"exec_command\",\"arguments\":\"{\\\"cmd\\\":\\\"ls\\\"}\"}}",
    "{\"type\":\"response.completed\",\"sequence_number\":20,\"response\":{\"id\":\"resp_1\","
    "\"object\":\"response\",\"created_at\":1796301528,\"status\":\"completed\",\"background\":"
    "false,\"error\":null,\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":"
    "null,\"model\":\"gpt-5.5\",\"output\":[{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[{"
    "\"type\":\"summary_text\",\"text\":\"**Thinking** about "
    "it\"}],\"encrypted_content\":\"gAAAAB\"},{\"id\":\"msg_1\",\"type\":\"message\",\"status\":"
    "\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hello "
    "from the mock "
    "server.\",\"annotations\":[],\"logprobs\":[]}]},{\"id\":\"fc_1\",\"type\":\"function_call\","
    "\"status\":\"completed\",\"call_id\":\"call_1\",\"name\":\"exec_command\",\"arguments\":\"{"
    "\\\"cmd\\\":\\\"ls\\\"}\"}],\"parallel_tool_calls\":true,\"previous_response_id\":null,"
    "\"reasoning\":{\"effort\":\"medium\",\"summary\":\"auto\"},\"store\":false,\"temperature\":1,"
    "\"text\":{\"format\":{\"type\":\"text\"},\"verbosity\":\"medium\"},\"tool_choice\":\"auto\","
    "\"tools\":[],\"top_p\":1,\"truncation\":\"disabled\",\"usage\":{\"input_tokens\":1200,\"input_"
    "tokens_details\":{\"cached_tokens\":1024},\"output_tokens\":42,\"output_tokens_details\":{"
    "\"reasoning_tokens\":16},\"total_tokens\":1242},\"user\":null,\"metadata\":{}}}"
};

QByteArray framed(const QByteArray& data)
{
    const QByteArray type
        = QJsonDocument::fromJson(data).object().value("type").toString().toUtf8();
    return "event: " + type + "\ndata: " + data + "\n\n";
}

QByteArray recorded(int first = 0, int end = int(std::size(recordedStream)))
{
    QByteArray bytes;
    for (int i = first; i < end; ++i)
        bytes += framed(recordedStream[i]);
    return bytes;
}

struct ClientEvent
{
    QByteArray name;
    QJsonObject data;
};

QList<ClientEvent> eventsOf(const QByteArray& bytes)
{
    SseParser parser;
    QList<ClientEvent> events;
    for (const SseParser::Event& each : parser.feed(bytes))
        events.append({ each.type, QJsonDocument::fromJson(each.data).object() });
    return events;
}

} // namespace

// A Responses stream from OpenAI or Azure passed through to a Responses client: as it came,
// with what the router reads of it, and the failures it reports kept for the router.
class TestResponsesStreamTranslator : public QObject
{
    Q_OBJECT

private slots:
    void passedThroughAsItCame()
    {
        const QByteArray upstream = recorded();
        for (int size : { 1, 3, 7, 64, 100000 }) {
            ResponsesStreamTranslator stream;
            QByteArray client;
            for (qsizetype at = 0; at < upstream.size(); at += size) {
                stream.feed(upstream.mid(at, size));
                client += stream.takeClientBytes();
            }
            QCOMPARE(client, upstream);
            QVERIFY(stream.isComplete());
            QVERIFY(stream.isFinished());
            QCOMPARE(stream.closing(), QByteArray()); // the terminal event came through
            QCOMPARE(stream.malformedEvents(), 0);
            QVERIFY(!stream.upstreamError());
        }
    }

    void usageModelAndStart()
    {
        ResponsesStreamTranslator stream;
        stream.feed(recorded(0, 2));
        QVERIFY(!stream.hasStarted()); // response.created and in_progress: it can still fail over
        QCOMPARE(stream.servedModel(), QStringLiteral("gpt-5.5"));
        stream.feed(recorded(2, 3));
        QVERIFY(stream.hasStarted());
        stream.feed(recorded(3, 20));
        QVERIFY(!stream.isComplete());
        QVERIFY(stream.usage().isEmpty());
        stream.feed(recorded(20));
        QVERIFY(stream.isComplete());
        QCOMPARE(stream.usage(),
            (TokenUsage { .prompt = 1200, .completion = 42, .cached = 1024, .reasoning = 16 }));
    }

    void failedBeforeStartIsTheUpstreamsError()
    {
        ResponsesStreamTranslator stream;
        stream.feed(recorded(0, 2)
            + framed("{\"type\":\"response.failed\",\"sequence_number\":2,\"response\":{"
                     "\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"failed\","
                     "\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Try again "
                     "in 3.5s.\"},\"output\":[]}}"));
        QVERIFY(!stream.hasStarted());
        QVERIFY(!stream.isComplete());
        QCOMPARE(stream.upstreamError(),
            std::optional<QJsonObject>(QJsonObject {
                { "code", "rate_limit_exceeded" }, { "message", "Try again in 3.5s." } }));
        // Not for the client: the router answers it or fails over.
        QCOMPARE(stream.takeClientBytes(), recorded(0, 2));
    }

    void failedAfterStartEndsWithTheRoutersEvents()
    {
        ResponsesStreamTranslator stream;
        stream.feed(recorded(0, 15)
            + framed("{\"type\":\"response.failed\",\"sequence_number\":15,\"response\":{"
                     "\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"failed\","
                     "\"error\":{\"code\":\"context_length_exceeded\",\"message\":\"Too "
                     "long.\"},\"output\":[]}}"));
        QVERIFY(stream.upstreamError());
        QCOMPARE(stream.takeClientBytes(), recorded(0, 15));
        const QList<ClientEvent> end = eventsOf(
            stream.errorEvent(QStringLiteral("Too long."), QStringLiteral("upstream_error")));
        QCOMPARE(end.size(), 2);
        QCOMPARE(end[0].name, QByteArray("error"));
        QCOMPARE(end[0].data,
            QJsonObject({ { "type", "error" }, { "sequence_number", 15 },
                { "code", "context_length_exceeded" }, { "message", "Too long." },
                { "param", QJsonValue() },
                { "error",
                    QJsonObject { { "type", "upstream_error" },
                        { "code", "context_length_exceeded" }, { "message", "Too long." },
                        { "param", QJsonValue() } } } }));
        QCOMPARE(end[1].name, QByteArray("response.failed"));
        QCOMPARE(end[1].data["sequence_number"].toInt(), 16);
        const QJsonObject failed = end[1].data["response"].toObject();
        QCOMPARE(failed["id"].toString(), QStringLiteral("resp_1"));
        QCOMPARE(failed["status"].toString(), QStringLiteral("failed"));
        QCOMPARE(failed["error"].toObject(),
            QJsonObject({ { "code", "context_length_exceeded" }, { "message", "Too long." } }));
        // The items done so far (reasoning and message), which Codex keeps for its retry.
        const QJsonArray output = failed["output"].toArray();
        QCOMPARE(output.size(), 2);
        QCOMPARE(output[0]["id"].toString(), QStringLiteral("rs_1"));
        QCOMPARE(output[1]["id"].toString(), QStringLiteral("msg_1"));
    }

    void errorEventInEitherShape()
    {
        ResponsesStreamTranslator nested;
        nested.feed(recorded(0, 3)
            + framed("{\"type\":\"error\",\"sequence_number\":3,\"error\":{\"type\":"
                     "\"too_many_requests\",\"code\":\"too_many_requests\",\"message\":"
                     "\"Too Many Requests\",\"param\":null}}")
            + recorded(3));
        QVERIFY(nested.upstreamError());
        QCOMPARE(
            nested.upstreamError()->value("code").toString(), QStringLiteral("too_many_requests"));
        QVERIFY(!nested.isComplete()); // nothing after the error is read
        QCOMPARE(nested.takeClientBytes(), recorded(0, 3));
        const QList<ClientEvent> end = eventsOf(nested.errorEvent(
            QStringLiteral("Too Many Requests"), QStringLiteral("upstream_error")));
        QCOMPARE(end[0].data["sequence_number"].toInt(), 3);
        QCOMPARE(end[0].data["error"]["code"].toString(), QStringLiteral("too_many_requests"));
        QCOMPARE(end[1].data["sequence_number"].toInt(), 4);

        ResponsesStreamTranslator flat;
        flat.feed(recorded(0, 2)
            + framed("{\"type\":\"error\",\"sequence_number\":2,\"code\":\"server_error\","
                     "\"message\":\"Boom\",\"param\":null}"));
        QCOMPARE(flat.upstreamError(),
            std::optional<QJsonObject>(QJsonObject {
                { "code", "server_error" }, { "message", "Boom" }, { "param", QJsonValue() } }));
    }

    void malformedEventsAreDroppedAndTheNumbersStayConsecutive()
    {
        ResponsesStreamTranslator stream;
        stream.feed(recorded(0, 10) + "event: response.output_text.delta\ndata: {oops\n\n"
            + "data: {\"sequence_number\":10}\n\n" + "data: [DONE]\n\n" + recorded(10));
        QCOMPARE(stream.malformedEvents(), 2);
        QVERIFY(stream.isComplete());
        const QList<ClientEvent> events = eventsOf(stream.takeClientBytes());
        QCOMPARE(events.size(), int(std::size(recordedStream)));
        for (int i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].data["sequence_number"].toInt(), i);
            QCOMPARE(QString::fromUtf8(events[i].name), events[i].data["type"].toString());
        }
    }

    void renumberedWhenTheUpstreamNumbersDiffer()
    {
        // A dropped event shifts the numbers: the following ones are written anew.
        ResponsesStreamTranslator stream;
        stream.feed(recorded(0, 1) + recorded(2, 4));
        const QList<ClientEvent> events = eventsOf(stream.takeClientBytes());
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[1].data["type"].toString(), QStringLiteral("response.output_item.added"));
        QCOMPARE(events[1].data["sequence_number"].toInt(), 1);
        QCOMPARE(events[2].data["sequence_number"].toInt(), 2);
        QCOMPARE(events[2].data["item_id"].toString(), QStringLiteral("rs_1"));
    }

    void responseDoneIsTheTerminalEventItsStatusNames()
    {
        QByteArray last = recordedStream[20];
        last.replace("\"type\":\"response.completed\"", "\"type\":\"response.done\"");
        ResponsesStreamTranslator stream;
        stream.feed(recorded(0, 20) + "event: response.done\ndata: " + last + "\n\n");
        QVERIFY(stream.isComplete());
        const QList<ClientEvent> events = eventsOf(stream.takeClientBytes());
        QCOMPARE(events.last().name, QByteArray("response.completed"));
        QCOMPARE(events.last().data["type"].toString(), QStringLiteral("response.completed"));
        QCOMPARE(stream.usage().prompt, 1200);
    }
};

QTEST_GUILESS_MAIN(TestResponsesStreamTranslator)
#include "TestResponsesStreamTranslator.moc"
