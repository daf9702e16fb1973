// A whole answer from the stream of it, in OpenAI's, Anthropic's, the Responses API's and
// Gemini's formats: what a client that asked for a whole answer gets when the router called the
// provider streamed. (Plain string literals: Qt 6.4's moc misreads raw ones full of quotes.)
#include "router/translate/AnswerAssembler.h"
#include "router/translate/AnthropicToResponsesStream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QByteArray sse(const QByteArray& json, const QByteArray& event = {})
{
    return (event.isEmpty() ? QByteArray() : "event: " + event + '\n') + "data: " + json + "\n\n";
}

QJsonObject assemble(ClientProtocol protocol, const QList<QByteArray>& events, int pieceSize = 7)
{
    auto assembler = AnswerAssembler::forProtocol(protocol);
    const QByteArray all = events.join();
    for (qsizetype at = 0; at < all.size(); at += pieceSize) // cut anywhere
        assembler->feed(all.mid(at, pieceSize));
    const std::optional<QByteArray> answer = assembler->answer();
    return answer ? QJsonDocument::fromJson(*answer).object() : QJsonObject();
}

} // namespace

class TestAnswerAssembler : public QObject
{
    Q_OBJECT

private slots:
    void openAiTextToolCallsAndUsage()
    {
        const QJsonObject answer = assemble(ClientProtocol::OpenAi,
            { sse("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":"
                  "\"m\",\"system_fingerprint\":\"fp\",\"choices\":[{\"index\":0,\"delta\":{"
                  "\"role\":\"assistant\",\"content\":\"Hel\"},\"finish_reason\":null}]}"),
                sse("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\","
                    "\"reasoning_content\":\"think\"},\"logprobs\":{\"content\":[{\"token\":\"lo\"}"
                    "]}}]}"),
                sse("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{"
                    "\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
                    "\"f\",\"arguments\":\"{\\\"a\\\":\"}}]}}]}"),
                sse("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{"
                    "\"index\":0,\"function\":{\"arguments\":\"1}\"}},{\"index\":1,\"id\":\"call_"
                    "2\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]"
                    "}}]}"),
                sse("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":"
                    "\"tool_calls\"}]}"),
                sse("{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_"
                    "tokens\":4,\"total_tokens\":9}}"),
                sse("[DONE]") });
        QCOMPARE(answer["object"].toString(), QStringLiteral("chat.completion"));
        QCOMPARE(answer["id"].toString(), QStringLiteral("c1"));
        QCOMPARE(answer["created"].toInt(), 7);
        QCOMPARE(answer["system_fingerprint"].toString(), QStringLiteral("fp"));
        const QJsonObject choice = answer["choices"][0].toObject();
        QCOMPARE(choice["finish_reason"].toString(), QStringLiteral("tool_calls"));
        const QJsonObject message = choice["message"].toObject();
        QCOMPARE(message["role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(message["content"].toString(), QStringLiteral("Hello"));
        QCOMPARE(message["reasoning_content"].toString(), QStringLiteral("think"));
        const QJsonArray calls = message["tool_calls"].toArray();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls[0]["id"].toString(), QStringLiteral("call_1"));
        QCOMPARE(calls[0]["function"]["name"].toString(), QStringLiteral("f"));
        QCOMPARE(calls[0]["function"]["arguments"].toString(), QStringLiteral("{\"a\":1}"));
        QVERIFY(!calls[0].toObject().contains(QStringLiteral("index")));
        QCOMPARE(calls[1]["function"]["name"].toString(), QStringLiteral("g"));
        QCOMPARE(choice["logprobs"]["content"][0]["token"].toString(), QStringLiteral("lo"));
        QCOMPARE(answer["usage"]["total_tokens"].toInt(), 9);
    }

    void openAiChoicesStayApartAndContentIsNullWithoutText()
    {
        const QJsonObject answer = assemble(ClientProtocol::OpenAi,
            { sse("{\"id\":\"c2\",\"choices\":[{\"index\":1,\"delta\":{\"content\":\"B\"},\"finish_"
                  "reason\":\"stop\"}]}"),
                sse("{\"id\":\"c2\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},"
                    "\"finish_reason\":\"length\"}]}") });
        const QJsonArray choices = answer["choices"].toArray();
        QCOMPARE(choices.size(), 2);
        QCOMPARE(choices[0]["index"].toInt(), 0);
        QVERIFY(choices[0]["message"]["content"].isNull());
        QCOMPARE(choices[0]["finish_reason"].toString(), QStringLiteral("length"));
        QCOMPARE(choices[1]["message"]["content"].toString(), QStringLiteral("B"));
    }

    void anthropicThinkingTextToolUseAndUsage()
    {
        const QJsonObject answer = assemble(ClientProtocol::Anthropic,
            { sse("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                  "\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
                  "\"usage\":{\"input_tokens\":20,\"output_tokens\":1,\"cache_read_input_tokens\":"
                  "2}}}",
                  "message_start"),
                sse("{\"type\":\"ping\"}", "ping"),
                sse("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
                    "\"thinking\",\"thinking\":\"\"}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_"
                    "delta\",\"thinking\":\"Hm\"}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_"
                    "delta\",\"signature\":\"sig\"}}"),
                sse("{\"type\":\"content_block_stop\",\"index\":0}"),
                sse("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":"
                    "\"text\",\"text\":\"\"}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_"
                    "delta\",\"text\":\"Chec\"}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_"
                    "delta\",\"text\":\"king.\"}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"citations_"
                    "delta\",\"citation\":{\"cited_text\":\"x\"}}}"),
                sse("{\"type\":\"content_block_stop\",\"index\":1}"),
                sse("{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":"
                    "\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_"
                    "json_delta\",\"partial_json\":\"{\\\"city\\\": \"}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_"
                    "json_delta\",\"partial_json\":\"\\\"Paris\\\"}\"}}"),
                sse("{\"type\":\"content_block_stop\",\"index\":2}"),
                sse("{\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":"
                    "\"tool_use\",\"id\":\"toolu_2\",\"name\":\"now\",\"input\":{}}}"),
                sse("{\"type\":\"content_block_stop\",\"index\":3}"),
                sse("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_"
                    "sequence\":null},\"usage\":{\"output_tokens\":9}}"),
                sse("{\"type\":\"message_stop\"}") });
        QCOMPARE(answer["id"].toString(), QStringLiteral("msg_1"));
        QCOMPARE(answer["stop_reason"].toString(), QStringLiteral("tool_use"));
        QCOMPARE(answer["usage"]["input_tokens"].toInt(), 20);
        QCOMPARE(answer["usage"]["output_tokens"].toInt(), 9);
        QCOMPARE(answer["usage"]["cache_read_input_tokens"].toInt(), 2);
        const QJsonArray content = answer["content"].toArray();
        QCOMPARE(content.size(), 4);
        QCOMPARE(content[0]["thinking"].toString(), QStringLiteral("Hm"));
        QCOMPARE(content[0]["signature"].toString(), QStringLiteral("sig"));
        QCOMPARE(content[1]["text"].toString(), QStringLiteral("Checking."));
        QCOMPARE(content[1]["citations"][0]["cited_text"].toString(), QStringLiteral("x"));
        QCOMPARE(content[2]["input"]["city"].toString(), QStringLiteral("Paris"));
        QVERIFY(content[3]["input"].toObject().isEmpty()); // called without arguments
    }

    void responsesAnswerIsTheTerminalResponse()
    {
        const QByteArray response = "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":"
                                    "\"completed\",\"model\":\"gpt-5.5\",\"output\":[{\"id\":"
                                    "\"msg_1\",\"type\":\"message\",\"status\":\"completed\","
                                    "\"role\":\"assistant\",\"content\":[{\"type\":\"output_"
                                    "text\",\"text\":\"Hi\",\"annotations\":[],\"logprobs\":[]}]}]"
                                    ",\"usage\":{\"input_tokens\":5,\"output_tokens\":1,"
                                    "\"total_tokens\":6}}";
        const QList<QByteArray> events { sse("{\"type\":\"response.created\",\"sequence_number\":0,"
                                             "\"response\":{\"id\":\"resp_1\",\"status\":\"in_"
                                             "progress\",\"output\":[]}}",
                                             "response.created"),
            sse("{\"type\":\"response.output_item.added\",\"sequence_number\":1,\"output_index\":0,"
                "\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"in_progress\","
                "\"role\":\"assistant\",\"content\":[]}}",
                "response.output_item.added"),
            sse("{\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":"
                "\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"}",
                "response.output_text.delta"),
            sse("{\"type\":\"response.completed\",\"sequence_number\":3,\"response\":" + response
                    + "}",
                "response.completed") };
        QCOMPARE(assemble(ClientProtocol::Responses, events),
            QJsonDocument::fromJson(response).object());

        QByteArray incomplete = response;
        incomplete.replace("\"status\":\"completed\",\"model\"",
            "\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},"
            "\"model\"");
        const QJsonObject stoppedShort = assemble(ClientProtocol::Responses,
            { events[0],
                sse("{\"type\":\"response.incomplete\",\"sequence_number\":1,\"response\":"
                    + incomplete + "}") });
        QCOMPARE(stoppedShort["status"].toString(), QStringLiteral("incomplete"));
        QCOMPARE(stoppedShort["incomplete_details"]["reason"].toString(),
            QStringLiteral("max_output_tokens"));
        QCOMPARE(stoppedShort["output"][0]["content"][0]["text"].toString(), QStringLiteral("Hi"));

        // A failed response, or a stream that never ended, is no answer.
        QVERIFY(assemble(ClientProtocol::Responses, events.mid(0, 3)).isEmpty());
        QVERIFY(assemble(ClientProtocol::Responses,
            events.mid(0, 3)
                + QList<QByteArray> { sse("{\"type\":\"error\",\"sequence_number\":3,\"code\":"
                                          "\"server_error\",\"message\":\"m\",\"param\":null}"),
                    sse("{\"type\":\"response.failed\",\"sequence_number\":4,\"response\":{"
                        "\"id\":\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"server_"
                        "error\",\"message\":\"m\"},\"output\":[]}}") })
                    .isEmpty());
    }

    void responsesAnswerFromATranslatedAnthropicStream()
    {
        AnthropicToResponsesStream stream(
            QJsonObject { { QStringLiteral("instructions"), QStringLiteral("Be brief.") } });
        stream.feed(
            sse("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_7\",\"type\":\"message\","
                "\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],\"usage\":{"
                "\"input_tokens\":20,\"output_tokens\":1}}}")
            + sse("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
                  "\"text\",\"text\":\"\"}}")
            + sse("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_"
                  "delta\",\"text\":\"Sunny.\"}}")
            + sse("{\"type\":\"content_block_stop\",\"index\":0}")
            + sse("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":"
                  "\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}")
            + sse("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_"
                  "json_delta\",\"partial_json\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}")
            + sse("{\"type\":\"content_block_stop\",\"index\":1}")
            + sse("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},"
                  "\"usage\":{\"output_tokens\":12}}")
            + sse("{\"type\":\"message_stop\"}"));
        // As the router does: the translated bytes, and what closes the stream.
        const QJsonObject answer
            = assemble(ClientProtocol::Responses, { stream.takeClientBytes() + stream.closing() });
        QCOMPARE(answer["id"].toString(), QStringLiteral("resp_msg_7"));
        QCOMPARE(answer["status"].toString(), QStringLiteral("completed"));
        QCOMPARE(answer["instructions"].toString(), QStringLiteral("Be brief."));
        const QJsonArray output = answer["output"].toArray();
        QCOMPARE(output.size(), 2);
        QCOMPARE(output[0]["content"][0]["text"].toString(), QStringLiteral("Sunny."));
        QCOMPARE(output[1]["type"].toString(), QStringLiteral("function_call"));
        QCOMPARE(output[1]["arguments"].toString(), QStringLiteral("{\"city\":\"Paris\"}"));
        QCOMPARE(answer["usage"]["input_tokens"].toInt(), 20);
        QCOMPARE(answer["usage"]["output_tokens"].toInt(), 12);
    }

    void noAnswerFromWhatIsNotOne()
    {
        QVERIFY(assemble(ClientProtocol::OpenAi, { sse("[DONE]") }).isEmpty());
        QVERIFY(assemble(ClientProtocol::Anthropic, { sse("{\"type\":\"ping\"}") }).isEmpty());
        // A tool's input that is not JSON, and an event that is not JSON: no answer, never a
        // damaged one.
        QVERIFY(assemble(ClientProtocol::Anthropic,
            { sse("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"content\":[]}}"),
                sse("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
                    "\"tool_use\",\"input\":{}}}"),
                sse("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_"
                    "json_delta\",\"partial_json\":\"{\\\"city\\\"\"}}"),
                sse("{\"type\":\"content_block_stop\",\"index\":0}") })
                    .isEmpty());
        QVERIFY(assemble(ClientProtocol::OpenAi,
            { sse("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}"),
                sse("{not json") })
                    .isEmpty());
    }

    void geminiPartsJoinedCallsWholeAndTheLastOfTheRest()
    {
        const QByteArray top = ",\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"r1\"}";
        const QJsonObject answer = assemble(ClientProtocol::Gemini,
            { sse("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Let me \","
                  "\"thought\":true}],\"role\":\"model\"},\"index\":0}],\"usageMetadata\":{"
                  "\"promptTokenCount\":5,\"totalTokenCount\":5}"
                  + top),
                sse("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"think.\","
                    "\"thought\":true},{\"text\":\"Hel\"}],\"role\":\"model\"},\"index\":0}]"
                    + top),
                sse("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo.\"},{"
                    "\"functionCall\":{\"name\":\"f\",\"args\":{\"a\":1}},"
                    "\"thoughtSignature\":\"sigF\"}],\"role\":\"model\"},\"index\":0}]"
                    + top),
                sse("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":"
                    "\"g\",\"args\":{}}},{\"text\":\"Done\"},{\"text\":\"\","
                    "\"thoughtSignature\":\"sigT\"}],\"role\":\"model\"},\"finishReason\":"
                    "\"STOP\",\"finishMessage\":\"Model generated function call(s).\","
                    "\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,"
                    "\"candidatesTokenCount\":9,\"totalTokenCount\":14}"
                    + top) });
        QCOMPARE(answer["modelVersion"].toString(), QStringLiteral("gemini-2.5-flash"));
        QCOMPARE(answer["responseId"].toString(), QStringLiteral("r1"));
        QCOMPARE(answer["usageMetadata"]["totalTokenCount"].toInt(), 14);
        const QJsonArray candidates = answer["candidates"].toArray();
        QCOMPARE(candidates.size(), 1);
        const QJsonObject candidate = candidates[0].toObject();
        QCOMPARE(candidate["finishReason"].toString(), QStringLiteral("STOP"));
        QCOMPARE(candidate["finishMessage"].toString(),
            QStringLiteral("Model generated function call(s)."));
        QCOMPARE(candidate["index"].toInt(), 0);
        QCOMPARE(candidate["content"]["role"].toString(), QStringLiteral("model"));
        const QJsonArray parts = candidate["content"]["parts"].toArray();
        QCOMPARE(parts.size(), 5);
        QCOMPARE(parts[0].toObject(),
            (QJsonObject { { "text", "Let me think." }, { "thought", true } }));
        QCOMPARE(parts[1].toObject(), (QJsonObject { { "text", "Hello." } }));
        QCOMPARE(parts[2]["functionCall"]["name"].toString(), QStringLiteral("f"));
        QCOMPARE(parts[2]["functionCall"]["args"]["a"].toInt(), 1);
        QCOMPARE(parts[2]["thoughtSignature"].toString(), QStringLiteral("sigF"));
        QCOMPARE(parts[3]["functionCall"]["name"].toString(), QStringLiteral("g"));
        QVERIFY(!parts[3].toObject().contains(QStringLiteral("thoughtSignature")));
        // The signature on an empty text part at the end stays with the text it ends.
        QCOMPARE(parts[4].toObject(),
            (QJsonObject { { "text", "Done" }, { "thoughtSignature", "sigT" } }));
    }

    void geminiTwoSignaturesStayOnTwoParts()
    {
        const QJsonObject answer = assemble(ClientProtocol::Gemini,
            { sse("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\","
                  "\"thoughtSignature\":\"s1\"}]}}]}"),
                sse("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"},{\"text\":"
                    "\"c\",\"thoughtSignature\":\"s2\"}]},\"finishReason\":\"MAX_TOKENS\"}]}") });
        QCOMPARE(answer["candidates"][0]["content"]["parts"].toArray(),
            (QJsonArray { QJsonObject { { "text", "ab" }, { "thoughtSignature", "s1" } },
                QJsonObject { { "text", "c" }, { "thoughtSignature", "s2" } } }));
        QCOMPARE(answer["candidates"][0]["finishReason"].toString(), QStringLiteral("MAX_TOKENS"));
    }

    void geminiNoAnswerWithoutAFinishReasonOrAfterAnError()
    {
        const QByteArray text = sse("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
                                    "\"Hi\"}],\"role\":\"model\"},\"index\":0}]}");
        const QByteArray finish = sse("{\"candidates\":[{\"content\":{\"role\":\"model\"},"
                                      "\"finishReason\":\"STOP\",\"index\":0}]}");
        QVERIFY(!assemble(ClientProtocol::Gemini, { text, finish }).isEmpty());
        QVERIFY(assemble(ClientProtocol::Gemini, { text }).isEmpty());
        QVERIFY(assemble(ClientProtocol::Gemini,
            { text,
                sse("{\"error\":{\"code\":503,\"message\":\"Overloaded\",\"status\":"
                    "\"UNAVAILABLE\"}}"),
                finish })
                    .isEmpty());
        QVERIFY(assemble(ClientProtocol::Gemini, { text, sse("{not json"), finish }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnswerAssembler)
#include "TestAnswerAssembler.moc"
