#include "router/codecs/SseParser.h"
#include "router/translate/AnthropicToResponsesStream.h"
#include "tests/support/AnthropicStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AnthropicStream;

// An Anthropic Messages stream as the Responses API's stream (what Codex CLI reads): the event
// sequence and its numbering, the items text, tool calls and thinking become, the terminal
// event the router writes with closing(), and the failures.
class TestAnthropicToResponsesStream : public QObject
{
    Q_OBJECT

private:
    struct ClientEvent
    {
        QByteArray name; // of the "event:" line
        QJsonObject data;
    };

    static QByteArray textStream()
    {
        return messageStart() + AnthropicStream::event({ { "type", "ping" } })
            + textBlock(0, { "Hello", " wor", "ld" }) + messageEnd("end_turn", 7);
    }

    static QJsonObject request()
    {
        return { { "model", "gpt-5.5" }, { "input", "Hi" }, { "instructions", "Be brief." },
            { "temperature", 0.5 }, { "max_output_tokens", 500 },
            { "metadata", QJsonObject { { "ticket", "42" } } },
            { "tools",
                QJsonArray { QJsonObject { { "type", "function" }, { "name", "get_weather" },
                                 { "parameters", QJsonObject { { "type", "object" } } } },
                    QJsonObject { { "type", "custom" }, { "name", "apply_patch" } },
                    QJsonObject { { "type", "namespace" }, { "name", "mcp__files" },
                        { "tools",
                            QJsonArray { QJsonObject {
                                { "type", "function" }, { "name", "read" } } } } } } } };
    }

    static QJsonObject requestWithReasoning(const QJsonObject& reasoning)
    {
        QJsonObject body = request();
        body.insert("reasoning", reasoning);
        return body;
    }

    static QList<ClientEvent> eventsOf(const QByteArray& bytes)
    {
        SseParser parser;
        QList<ClientEvent> events;
        for (const SseParser::Event& each : parser.feed(bytes))
            events.append({ each.type, QJsonDocument::fromJson(each.data).object() });
        return events;
    }

    // The whole client stream: what the translator wrote and what the router ends it with.
    static QList<ClientEvent> translate(
        AnthropicToResponsesStream& stream, const QByteArray& upstream, int pieceSize = 100000)
    {
        QByteArray client;
        for (qsizetype at = 0; at < upstream.size(); at += pieceSize) {
            stream.feed(upstream.mid(at, pieceSize));
            client += stream.takeClientBytes();
        }
        return eventsOf(client + stream.closing());
    }

    static QStringList typesOf(const QList<ClientEvent>& events)
    {
        QStringList types;
        for (const ClientEvent& each : events)
            types.append(each.data.value("type").toString());
        return types;
    }

    static QList<ClientEvent> ofType(const QList<ClientEvent>& events, const QString& type)
    {
        QList<ClientEvent> found;
        for (const ClientEvent& each : events) {
            if (each.data.value("type").toString() == type)
                found.append(each);
        }
        return found;
    }

    // Every event named on its event line as in its data, numbered 0, 1, 2...; every event of
    // an item names the item's id and output index as its output_item.added did.
    static void checkFraming(const QList<ClientEvent>& events)
    {
        QHash<QString, int> indexOfItem;
        for (int i = 0; i < events.size(); ++i) {
            const QJsonObject& data = events[i].data;
            QCOMPARE(QString::fromUtf8(events[i].name), data.value("type").toString());
            QCOMPARE(data.value("sequence_number").toInteger(-1), i);
            const QString type = data.value("type").toString();
            if (type == "response.output_item.added") {
                const QString id = data["item"]["id"].toString();
                QVERIFY(!id.isEmpty());
                QVERIFY2(!indexOfItem.contains(id), qPrintable(id));
                QCOMPARE(data["output_index"].toInt(), int(indexOfItem.size()));
                indexOfItem.insert(id, data["output_index"].toInt());
            } else if (type == "response.output_item.done") {
                const QString id = data["item"]["id"].toString();
                QVERIFY2(indexOfItem.contains(id), qPrintable(id));
                QCOMPARE(data["output_index"].toInt(), indexOfItem.value(id));
            } else if (data.contains("item_id")) {
                const QString id = data["item_id"].toString();
                QVERIFY2(indexOfItem.contains(id), qPrintable(type + ' ' + id));
                QCOMPARE(data["output_index"].toInt(), indexOfItem.value(id));
            }
        }
    }

    // The terminal response's output: exactly the items of output_item.done, in order.
    static void checkOutput(const QList<ClientEvent>& events)
    {
        QJsonArray done;
        for (const ClientEvent& each : ofType(events, "response.output_item.done"))
            done.append(each.data["item"]);
        QCOMPARE(events.last().data["response"]["output"].toArray(), done);
    }

    static QString joined(const QList<ClientEvent>& events, const QString& type)
    {
        QString text;
        for (const ClientEvent& each : ofType(events, type))
            text += each.data["delta"].toString();
        return text;
    }

private slots:
    void textAnswer()
    {
        AnthropicToResponsesStream stream(request());
        const QList<ClientEvent> events = translate(stream, textStream());
        QCOMPARE(typesOf(events),
            QStringList({ "response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.delta",
                "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed" }));
        checkFraming(events);
        if (QTest::currentTestFailed())
            return;
        checkOutput(events);

        const QJsonObject added = events[2].data["item"].toObject();
        QCOMPARE(added,
            QJsonObject({ { "id", "msg_1_0" }, { "type", "message" }, { "status", "in_progress" },
                { "role", "assistant" }, { "content", QJsonArray() } }));
        const QJsonObject emptyPart { { "type", "output_text" }, { "text", "" },
            { "annotations", QJsonArray() }, { "logprobs", QJsonArray() } };
        QCOMPARE(events[3].data["part"].toObject(), emptyPart);
        QCOMPARE(events[3].data["content_index"].toInt(), 0);
        QCOMPARE(joined(events, "response.output_text.delta"), QStringLiteral("Hello world"));
        QCOMPARE(events[4].data["content_index"].toInt(), 0);
        QCOMPARE(events[4].data["logprobs"].toArray(), QJsonArray());
        QCOMPARE(events[7].data["text"].toString(), QStringLiteral("Hello world"));
        QJsonObject part = emptyPart;
        part.insert("text", "Hello world");
        QCOMPARE(events[8].data["part"].toObject(), part);
        QCOMPARE(events[9].data["item"].toObject(),
            QJsonObject({ { "id", "msg_1_0" }, { "type", "message" }, { "status", "completed" },
                { "role", "assistant" }, { "content", QJsonArray { part } } }));

        // The response opens empty and in progress, and ends whole, with the usage.
        const QJsonObject created = events[0].data["response"].toObject();
        QCOMPARE(created["id"].toString(), QStringLiteral("resp_msg_1"));
        QCOMPARE(created["object"].toString(), QStringLiteral("response"));
        QCOMPARE(created["status"].toString(), QStringLiteral("in_progress"));
        QCOMPARE(created["output"].toArray(), QJsonArray());
        QVERIFY(created["usage"].isNull());
        QCOMPARE(created["model"].toString(), QStringLiteral("claude-x"));
        QCOMPARE(events[1].data["response"].toObject(), created);
        const QJsonObject completed = events.last().data["response"].toObject();
        QCOMPARE(completed["id"].toString(), QStringLiteral("resp_msg_1"));
        QCOMPARE(completed["status"].toString(), QStringLiteral("completed"));
        QVERIFY(completed["error"].isNull());
        QVERIFY(completed["incomplete_details"].isNull());
        QCOMPARE(completed["created_at"], created["created_at"]);
        QVERIFY(completed["completed_at"].toInteger() >= created["created_at"].toInteger());
        QCOMPARE(completed["usage"].toObject(),
            QJsonObject({ { "input_tokens", 45 },
                { "input_tokens_details", QJsonObject { { "cached_tokens", 30 } } },
                { "output_tokens", 7 },
                { "output_tokens_details", QJsonObject { { "reasoning_tokens", 0 } } },
                { "total_tokens", 52 } }));

        // The request's parameters, repeated as OpenAI does, with its defaults for the rest.
        QCOMPARE(completed["instructions"].toString(), QStringLiteral("Be brief."));
        QCOMPARE(completed["temperature"].toDouble(), 0.5);
        QCOMPARE(completed["top_p"].toDouble(), 1.0);
        QCOMPARE(completed["max_output_tokens"].toInt(), 500);
        QCOMPARE(completed["metadata"]["ticket"].toString(), QStringLiteral("42"));
        QCOMPARE(completed["tools"].toArray(), request()["tools"].toArray());
        QCOMPARE(completed["tool_choice"].toString(), QStringLiteral("auto"));
        QCOMPARE(completed["parallel_tool_calls"].toBool(), true);
        QCOMPARE(completed["store"].toBool(true), false);
        QCOMPARE(completed["text"]["format"]["type"].toString(), QStringLiteral("text"));
        QVERIFY(completed["reasoning"]["summary"].isNull());

        QCOMPARE(stream.usage(), (TokenUsage { .prompt = 45, .completion = 7, .cached = 30 }));
        QCOMPARE(stream.servedModel(), QStringLiteral("claude-x"));
        QCOMPARE(stream.malformedEvents(), 0);
    }

    void theSameEventsWhateverTheCuts()
    {
        AnthropicToResponsesStream whole(request());
        const QStringList expected = typesOf(translate(whole, textStream()));
        for (int size : { 1, 2, 5, 13, 64 }) {
            AnthropicToResponsesStream stream(request());
            const QList<ClientEvent> events = translate(stream, textStream(), size);
            QCOMPARE(typesOf(events), expected);
            QCOMPARE(joined(events, "response.output_text.delta"), QStringLiteral("Hello world"));
        }
    }

    void theTerminalEventWaitsForTheRouter()
    {
        AnthropicToResponsesStream stream(request());
        const QByteArray upstream = textStream();
        stream.feed(upstream.left(upstream.indexOf("message_delta") - 7));
        QVERIFY(!stream.isComplete());
        stream.feed(upstream.mid(upstream.indexOf("message_delta") - 7));
        QVERIFY(stream.isComplete());
        QVERIFY(stream.isFinished());
        const QByteArray written = stream.takeClientBytes();
        QVERIFY(!written.contains("response.completed"));
        QVERIFY(!written.contains("[DONE]"));
        const QList<ClientEvent> end = eventsOf(stream.closing());
        QCOMPARE(end.size(), 1);
        QCOMPARE(end[0].data["type"].toString(), QStringLiteral("response.completed"));
        QCOMPARE(end[0].data["sequence_number"].toInt(), int(eventsOf(written).size()));
    }

    void hasStartedOnlyWithContent()
    {
        AnthropicToResponsesStream stream(request());
        stream.feed(messageStart());
        QVERIFY(!stream.hasStarted());
        // response.created and response.in_progress wait in the client bytes for the answer.
        QCOMPARE(typesOf(eventsOf(stream.takeClientBytes())),
            QStringList({ "response.created", "response.in_progress" }));
        stream.feed(blockStart(0, { { "type", "text" }, { "text", "" } }) + textDelta(0, ""));
        QVERIFY(!stream.hasStarted());
        stream.feed(textDelta(0, "a"));
        QVERIFY(stream.hasStarted());

        AnthropicToResponsesStream tool(request());
        tool.feed(messageStart()
            + blockStart(0,
                { { "type", "tool_use" }, { "id", "toolu_1" }, { "name", "get_weather" },
                    { "input", QJsonObject() } }));
        QVERIFY(tool.hasStarted());

        AnthropicToResponsesStream thinking(request());
        thinking.feed(
            messageStart() + blockStart(0, { { "type", "thinking" }, { "thinking", "" } }));
        QVERIFY(!thinking.hasStarted());
        thinking.feed(thinkingDelta(0, "Hm"));
        QVERIFY(thinking.hasStarted()); // shown or not, the model is answering
    }

    void functionCallsWithArgumentsInPieces()
    {
        AnthropicToResponsesStream stream(request());
        const QList<ClientEvent> events = translate(stream,
            messageStart() + textBlock(0, { "Looking." })
                + toolBlock(1, "toolu_01", "get_weather", { "{\"ci", "ty\": \"Par", "is\"}" })
                + toolBlock(2, "toolu_02", "mcp__files__read", {}) + messageEnd("tool_use", 20));
        checkFraming(events);
        if (QTest::currentTestFailed())
            return;
        checkOutput(events);
        QCOMPARE(typesOf(events).mid(8),
            QStringList({ "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.output_item.added", "response.function_call_arguments.done",
                "response.output_item.done", "response.completed" }));

        QCOMPARE(events[8].data["output_index"].toInt(), 1);
        QCOMPARE(events[8].data["item"].toObject(),
            QJsonObject(
                { { "id", "fc_toolu_01" }, { "type", "function_call" }, { "status", "in_progress" },
                    { "call_id", "toolu_01" }, { "name", "get_weather" }, { "arguments", "" } }));
        const QString arguments = QStringLiteral("{\"city\": \"Paris\"}");
        QCOMPARE(joined(events, "response.function_call_arguments.delta"), arguments);
        QCOMPARE(events[12].data["arguments"].toString(), arguments);
        QCOMPARE(events[12].data["name"].toString(), QStringLiteral("get_weather"));
        QCOMPARE(events[13].data["item"].toObject(),
            QJsonObject({ { "id", "fc_toolu_01" }, { "type", "function_call" },
                { "status", "completed" }, { "call_id", "toolu_01" }, { "name", "get_weather" },
                { "arguments", arguments } }));

        // A namespace member comes back under its name and namespace; without pieces its
        // arguments are the empty object of the start.
        const QJsonObject read = events[16].data["item"].toObject();
        QCOMPARE(read["name"].toString(), QStringLiteral("read"));
        QCOMPARE(read["namespace"].toString(), QStringLiteral("mcp__files"));
        QCOMPARE(read["call_id"].toString(), QStringLiteral("toolu_02"));
        QCOMPARE(read["arguments"].toString(), QStringLiteral("{}"));
        QCOMPARE(events[14].data["item"]["namespace"].toString(), QStringLiteral("mcp__files"));
        QCOMPARE(events[15].data["name"].toString(), QStringLiteral("read"));
        QCOMPARE(events.last().data["response"]["status"].toString(), QStringLiteral("completed"));
    }

    void customToolCallWithItsRawInput()
    {
        AnthropicToResponsesStream stream(request());
        const QByteArray start = messageStart()
            + blockStart(0,
                { { "type", "tool_use" }, { "id", "toolu_03" }, { "name", "apply_patch" },
                    { "input", QJsonObject() } })
            + jsonDelta(0, "{\"freeform_input\": \"*** Begin") + jsonDelta(0, " Patch\\n+hi\\n");
        stream.feed(start);
        QVERIFY(stream.hasStarted());
        // The input waits for its block's end: it is a JSON string until then.
        QCOMPARE(typesOf(eventsOf(stream.takeClientBytes())),
            QStringList({ "response.created", "response.in_progress" }));
        stream.feed(jsonDelta(0, "*** End Patch\\n\"}") + blockStop(0) + messageEnd("tool_use", 9));
        const QList<ClientEvent> end = eventsOf(stream.takeClientBytes() + stream.closing());
        QCOMPARE(typesOf(end),
            QStringList({ "response.output_item.added", "response.custom_tool_call_input.delta",
                "response.custom_tool_call_input.done", "response.output_item.done",
                "response.completed" }));
        const QString input = QStringLiteral("*** Begin Patch\n+hi\n*** End Patch\n");
        QCOMPARE(end[0].data["item"].toObject(),
            QJsonObject({ { "id", "ctc_toolu_03" }, { "type", "custom_tool_call" },
                { "status", "in_progress" }, { "call_id", "toolu_03" }, { "name", "apply_patch" },
                { "input", "" } }));
        QCOMPARE(end[1].data["delta"].toString(), input);
        QCOMPARE(end[1].data["item_id"].toString(), QStringLiteral("ctc_toolu_03"));
        QCOMPARE(end[2].data["input"].toString(), input);
        QCOMPARE(end[3].data["item"].toObject(),
            QJsonObject({ { "id", "ctc_toolu_03" }, { "type", "custom_tool_call" },
                { "status", "completed" }, { "call_id", "toolu_03" }, { "name", "apply_patch" },
                { "input", input } }));
        QCOMPARE(end[3].data["output_index"].toInt(), 0);
        QCOMPARE(end[0].data["sequence_number"].toInt(), 2);
        QCOMPARE(
            end.last().data["response"]["output"].toArray(), QJsonArray { end[3].data["item"] });
    }

    void freeformToolAnsweredWithOtherInputIsAFunctionCall()
    {
        AnthropicToResponsesStream stream(request());
        const QList<ClientEvent> events = translate(stream,
            messageStart() + toolBlock(0, "toolu_04", "apply_patch", { "{\"patch\": 1}" })
                + messageEnd("tool_use", 9));
        checkFraming(events);
        QCOMPARE(typesOf(events).mid(2),
            QStringList({ "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done", "response.output_item.done",
                "response.completed" }));
        QCOMPARE(events[5].data["item"]["type"].toString(), QStringLiteral("function_call"));
        QCOMPARE(events[5].data["item"]["arguments"].toString(), QStringLiteral("{\"patch\": 1}"));
    }

    void thinkingAsASummaryWhenAsked()
    {
        const QByteArray upstream = messageStart()
            + blockStart(0, { { "type", "thinking" }, { "thinking", "" }, { "signature", "" } })
            + thinkingDelta(0, "Let me ") + thinkingDelta(0, "think.")
            + delta(0, { { "type", "signature_delta" }, { "signature", "c2lnbmF0dXJl" } })
            + blockStop(0) + textBlock(1, { "Done." }) + messageEnd("end_turn", 9);
        AnthropicToResponsesStream stream(
            requestWithReasoning({ { "effort", "high" }, { "summary", "auto" } }));
        const QList<ClientEvent> events = translate(stream, upstream);
        checkFraming(events);
        if (QTest::currentTestFailed())
            return;
        checkOutput(events);
        QCOMPARE(typesOf(events).mid(2, 7),
            QStringList({ "response.output_item.added", "response.reasoning_summary_part.added",
                "response.reasoning_summary_text.delta", "response.reasoning_summary_text.delta",
                "response.reasoning_summary_text.done", "response.reasoning_summary_part.done",
                "response.output_item.done" }));
        QCOMPARE(events[2].data["item"].toObject(),
            QJsonObject(
                { { "id", "rs_1_0" }, { "type", "reasoning" }, { "summary", QJsonArray() } }));
        QCOMPARE(events[3].data["summary_index"].toInt(), 0);
        QCOMPARE(events[3].data["part"].toObject(),
            QJsonObject({ { "type", "summary_text" }, { "text", "" } }));
        QCOMPARE(joined(events, "response.reasoning_summary_text.delta"),
            QStringLiteral("Let me think."));
        QCOMPARE(events[6].data["text"].toString(), QStringLiteral("Let me think."));
        const QJsonObject summary { { "type", "summary_text" }, { "text", "Let me think." } };
        QCOMPARE(events[7].data["part"].toObject(), summary);
        // The signature is another account's state: never sent as encrypted_content.
        QCOMPARE(events[8].data["item"].toObject(),
            QJsonObject({ { "id", "rs_1_0" }, { "type", "reasoning" },
                { "summary", QJsonArray { summary } } }));
        QCOMPARE(events[9].data["item"]["id"].toString(), QStringLiteral("msg_1_1"));
        QCOMPARE(events[9].data["output_index"].toInt(), 1);
        QCOMPARE(events.last().data["response"]["reasoning"]["summary"].toString(),
            QStringLiteral("auto"));
        QByteArray all;
        for (const ClientEvent& each : events)
            all += QJsonDocument(each.data).toJson();
        QVERIFY(!all.contains("c2lnbmF0dXJl"));
        QVERIFY(!all.contains("encrypted_content"));
    }

    void thinkingWithoutSummaryAndRedactedThinking()
    {
        const QByteArray upstream = messageStart()
            + blockStart(0, { { "type", "redacted_thinking" }, { "data", "b3BhcXVl" } })
            + blockStop(0)
            + blockStart(1, { { "type", "thinking" }, { "thinking", "" }, { "signature", "" } })
            + thinkingDelta(1, "Secret thoughts.") + blockStop(1) + textBlock(2, { "Done." })
            + messageEnd("end_turn", 9);
        AnthropicToResponsesStream stream(requestWithReasoning({ { "effort", "high" } }));
        const QList<ClientEvent> events = translate(stream, upstream);
        checkFraming(events);
        if (QTest::currentTestFailed())
            return;
        checkOutput(events);
        QCOMPARE(typesOf(events).mid(2, 3),
            QStringList({ "response.output_item.added", "response.output_item.done",
                "response.output_item.added" }));
        QCOMPARE(events[3].data["item"].toObject(),
            QJsonObject(
                { { "id", "rs_1_0" }, { "type", "reasoning" }, { "summary", QJsonArray() } }));
        QCOMPARE(events.last().data["response"]["output"].toArray().size(), 2);
        QByteArray all;
        for (const ClientEvent& each : events)
            all += QJsonDocument(each.data).toJson();
        QVERIFY(!all.contains("Secret thoughts."));
        QVERIFY(!all.contains("b3BhcXVl"));
    }

    void stoppedShortIsIncomplete()
    {
        AnthropicToResponsesStream stream(request());
        const QList<ClientEvent> events = translate(
            stream, messageStart() + textBlock(0, { "Once upon" }) + messageEnd("max_tokens", 500));
        checkFraming(events);
        checkOutput(events);
        const QJsonObject last = events.last().data;
        QCOMPARE(last["type"].toString(), QStringLiteral("response.incomplete"));
        QCOMPARE(QString::fromUtf8(events.last().name), QStringLiteral("response.incomplete"));
        QCOMPARE(last["response"]["status"].toString(), QStringLiteral("incomplete"));
        QCOMPARE(last["response"]["incomplete_details"].toObject(),
            QJsonObject({ { "reason", "max_output_tokens" } }));
        QCOMPARE(last["response"]["output"][0]["content"][0]["text"].toString(),
            QStringLiteral("Once upon"));
        QCOMPARE(last["response"]["usage"]["output_tokens"].toInt(), 500);
    }

    void errorMidStreamEndsWithErrorAndFailedResponse()
    {
        AnthropicToResponsesStream stream(request());
        stream.feed(messageStart() + textBlock(0, { "Part one." })
            + blockStart(1, { { "type", "text" }, { "text", "" } }) + textDelta(1, "Part tw"));
        const QList<ClientEvent> before = eventsOf(stream.takeClientBytes());
        const QList<ClientEvent> end = eventsOf(stream.errorEvent(
            QStringLiteral("The stream stalled"), QStringLiteral("upstream_error")));
        QCOMPARE(typesOf(end), QStringList({ "error", "response.failed" }));
        QCOMPARE(end[0].name, QByteArray("error"));
        QCOMPARE(end[0].data,
            QJsonObject({ { "type", "error" }, { "sequence_number", before.size() },
                { "code", "server_error" }, { "message", "The stream stalled" },
                { "param", QJsonValue() },
                { "error",
                    QJsonObject { { "type", "upstream_error" }, { "code", "server_error" },
                        { "message", "The stream stalled" }, { "param", QJsonValue() } } } }));
        QCOMPARE(end[1].data["sequence_number"].toInt(), int(before.size()) + 1);
        const QJsonObject failed = end[1].data["response"].toObject();
        QCOMPARE(failed["status"].toString(), QStringLiteral("failed"));
        QCOMPARE(failed["id"].toString(), QStringLiteral("resp_msg_1"));
        QCOMPARE(failed["error"].toObject(),
            QJsonObject({ { "code", "server_error" }, { "message", "The stream stalled" } }));
        // Only what was done: the half-written message is not an item a client may keep.
        const QJsonArray output = failed["output"].toArray();
        QCOMPARE(output.size(), 1);
        QCOMPARE(output[0]["content"][0]["text"].toString(), QStringLiteral("Part one."));
    }

    void upstreamErrorEventIsKept()
    {
        AnthropicToResponsesStream stream(request());
        stream.feed(messageStart() + blockStart(0, { { "type", "text" }, { "text", "" } })
            + textDelta(0, "Hel")
            + AnthropicStream::event({ { "type", "error" },
                { "error",
                    QJsonObject { { "type", "overloaded_error" }, { "message", "Overloaded" } } } })
            + textDelta(0, "lo"));
        QVERIFY(stream.upstreamError());
        QCOMPARE(
            stream.upstreamError()->value("type").toString(), QStringLiteral("overloaded_error"));
        QVERIFY(!stream.isComplete());
        QCOMPARE(joined(eventsOf(stream.takeClientBytes()), "response.output_text.delta"),
            QStringLiteral("Hel"));
        const QList<ClientEvent> end = eventsOf(
            stream.errorEvent(QStringLiteral("Overloaded"), QStringLiteral("upstream_error")));
        QCOMPARE(end[0].data["code"].toString(), QStringLiteral("server_error"));

        // A rate limit keeps its meaning for the client: Codex waits and retries.
        AnthropicToResponsesStream limited(request());
        limited.feed(messageStart() + blockStart(0, { { "type", "text" }, { "text", "" } })
            + textDelta(0, "Hel")
            + AnthropicStream::event({ { "type", "error" },
                { "error",
                    QJsonObject {
                        { "type", "rate_limit_error" }, { "message", "Slow down" } } } }));
        const QList<ClientEvent> limitedEnd = eventsOf(
            limited.errorEvent(QStringLiteral("Slow down"), QStringLiteral("upstream_error")));
        QCOMPARE(
            limitedEnd[0].data["error"]["code"].toString(), QStringLiteral("rate_limit_exceeded"));
        QCOMPARE(limitedEnd[1].data["response"]["error"]["code"].toString(),
            QStringLiteral("rate_limit_exceeded"));
    }

    void malformedEventsAreCountedAndSkipped()
    {
        AnthropicToResponsesStream stream(request());
        const QList<ClientEvent> events = translate(stream,
            messageStart() + "event: content_block_delta\ndata: {not json\n\n"
                + textStream().mid(messageStart().size()));
        QCOMPARE(stream.malformedEvents(), 1);
        checkFraming(events);
        QCOMPARE(joined(events, "response.output_text.delta"), QStringLiteral("Hello world"));
        QCOMPARE(events.last().data["type"].toString(), QStringLiteral("response.completed"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicToResponsesStream)
#include "TestAnthropicToResponsesStream.moc"
