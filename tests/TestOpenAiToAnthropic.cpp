#include "router/translate/AnthropicToOpenAiStream.h"
#include "router/translate/OpenAiToAnthropic.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// OpenAI chat completions ⇄ Anthropic Messages, field by field.
class TestOpenAiToAnthropic : public QObject
{
    Q_OBJECT

private:
private slots:
    void translatesAConversationWithToolsAndImages()
    {
        const QByteArray arguments = "\"{\\\"city\\\": \\\"Paris\\\"}\"";
        const QJsonObject openAi = TestData::json(R"({
            "model": "claude-sonnet-4-5", "max_completion_tokens": 300, "temperature": 1.6,
            "stop": "END", "seed": 7, "presence_penalty": 0.5, "user": "u-1",
            "tool_choice": "required", "parallel_tool_calls": false,
            "tools": [{"type": "function", "function": {"name": "get_weather",
                       "parameters": {"type": "object"}}}],
            "messages": [
              {"role": "system", "content": "Be brief."},
              {"role": "developer", "content": [{"type": "text", "text": "Use tools."}]},
              {"role": "user", "content": [{"type": "text", "text": "Look:"},
                {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/"}}]},
              {"role": "assistant", "content": null, "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": )"
            + arguments + R"(}},
                {"id": "call_2", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]},
              {"role": "tool", "tool_call_id": "call_1", "content": "Sunny"},
              {"role": "tool", "tool_call_id": "call_2", "content": "Rain"},
              {"role": "user", "content": "Thanks"}
            ]})");
        const auto request = OpenAiToAnthropic::request(openAi);
        QVERIFY(request);
        const QJsonObject body = request->body;
        QCOMPARE(body.value("system").toString(), QStringLiteral("Be brief.\nUse tools."));
        QCOMPARE(body.value("max_tokens").toInt(), 300);
        QCOMPARE(body.value("temperature").toDouble(), 1.0); // Anthropic's range ends at 1
        QCOMPARE(body.value("stop_sequences").toArray(), QJsonArray { "END" });
        QCOMPARE(body.value("metadata")["user_id"].toString(), QStringLiteral("u-1"));
        QCOMPARE(body.value("tool_choice")["type"].toString(), QStringLiteral("any"));
        QCOMPARE(body.value("tool_choice")["disable_parallel_tool_use"].toBool(), true);
        QCOMPARE(
            body.value("tools")[0]["input_schema"]["type"].toString(), QStringLiteral("object"));
        QCOMPARE(request->droppedFields, (QStringList { "presence_penalty", "seed" }));

        const QJsonArray turns = body.value("messages").toArray();
        QCOMPARE(turns.size(), 3); // user, assistant, user: both tool results and the thanks
        QCOMPARE(turns.at(0)["content"][1]["source"]["media_type"].toString(),
            QStringLiteral("image/jpeg"));
        QCOMPARE(turns.at(0)["content"][1]["source"]["data"].toString(), QStringLiteral("/9j/"));
        QCOMPARE(turns.at(1)["role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(turns.at(1)["content"][0]["type"].toString(), QStringLiteral("tool_use"));
        QCOMPARE(turns.at(1)["content"][0]["input"]["city"].toString(), QStringLiteral("Paris"));
        const QJsonArray last = turns.at(2)["content"].toArray();
        QCOMPARE(last.size(), 3);
        QCOMPARE(last.at(0)["tool_use_id"].toString(), QStringLiteral("call_1"));
        QCOMPARE(last.at(1)["content"].toString(), QStringLiteral("Rain"));
        QCOMPARE(last.at(2)["text"].toString(), QStringLiteral("Thanks"));
    }

    void fillsWhatAnthropicRequires()
    {
        const auto request = OpenAiToAnthropic::request(
            TestData::json(R"({"messages": [{"role": "user", "content": "Hi"}]})"));
        QVERIFY(request);
        QCOMPARE(request->body.value("max_tokens").toInt(), OpenAiToAnthropic::defaultMaxTokens);
    }

    // Claude's models since Opus 4.1 refuse temperature and top_p together: one is kept.
    void keepsTemperatureOrTopP_data()
    {
        QTest::addColumn<QJsonObject>("sampling");
        QTest::addColumn<QJsonObject>("expected");
        QTest::addColumn<QStringList>("dropped");
        QTest::newRow("both") << QJsonObject { { "temperature", 0.2 }, { "top_p", 0.9 } }
                              << QJsonObject { { "temperature", 0.2 } } << QStringList { "top_p" };
        QTest::newRow("temperature") << QJsonObject { { "temperature", 0.2 } }
                                     << QJsonObject { { "temperature", 0.2 } } << QStringList();
        QTest::newRow("top_p") << QJsonObject { { "top_p", 0.9 } }
                               << QJsonObject { { "top_p", 0.9 } } << QStringList();
    }
    void keepsTemperatureOrTopP()
    {
        QFETCH(QJsonObject, sampling);
        QFETCH(QJsonObject, expected);
        QFETCH(QStringList, dropped);
        QJsonObject openAi = sampling;
        openAi.insert(
            "messages", QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } });
        const auto request = OpenAiToAnthropic::request(openAi);
        QVERIFY(request);
        QJsonObject kept;
        for (const char* field : { "temperature", "top_p" }) {
            if (request->body.contains(QLatin1String(field)))
                kept.insert(QLatin1String(field), request->body.value(QLatin1String(field)));
        }
        QCOMPARE(kept, expected);
        QCOMPARE(request->droppedFields, dropped);
    }

    void refusesWhatItCannotCarry_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("several answers") << QByteArray(R"({"n": 2, "messages": []})");
        QTest::newRow("audio") << QByteArray(
            R"({"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]})");
        QTest::newRow("arguments that are not JSON") << QByteArray(
            R"({"messages": [{"role": "assistant", "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": "not json"}}]}]})");
        QTest::newRow("an image file path") << QByteArray(
            R"({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "file:/etc/passwd"}}]}]})");
    }
    void refusesWhatItCannotCarry()
    {
        QFETCH(QByteArray, request);
        const auto translated = OpenAiToAnthropic::request(TestData::json(request));
        QVERIFY(!translated);
        QVERIFY(!translated.failure().message.isEmpty());
    }

    void translatesTheAnswerBack()
    {
        const QJsonObject completion = TestData::json(*OpenAiToAnthropic::answer(R"({"id": "msg_1",
            "type": "message", "model": "claude-sonnet-4-5-20250929", "stop_reason": "tool_use",
            "content": [{"type": "thinking", "thinking": "Let me see."}, {"type": "text", "text": "Checking."},
              {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {"a": 1}}],
            "usage": {"input_tokens": 10, "output_tokens": 6, "cache_read_input_tokens": 30,
              "cache_creation_input_tokens": 5}})"));
        const QJsonValue choice = completion.value("choices")[0];
        QCOMPARE(choice["finish_reason"].toString(), QStringLiteral("tool_calls"));
        QCOMPARE(choice["message"]["content"].toString(), QStringLiteral("Checking."));
        QCOMPARE(choice["message"]["reasoning"].toString(), QStringLiteral("Let me see."));
        QCOMPARE(
            TestData::json(
                choice["message"]["tool_calls"][0]["function"]["arguments"].toString().toUtf8())
                .value("a")
                .toInt(),
            1);
        QCOMPARE(completion.value("usage")["prompt_tokens"].toInt(), 45); // all input counted
        QCOMPARE(completion.value("usage")["prompt_tokens_details"]["cached_tokens"].toInt(), 30);
        QCOMPARE(completion.value("usage")["completion_tokens"].toInt(), 6);
        QVERIFY(!OpenAiToAnthropic::answer(R"({"type": "error"})"));
        const QJsonObject error = TestData::json(OpenAiToAnthropic::error(
            R"({"type": "error", "error": {"type": "invalid_request_error", "message": "too long"}})"));
        QCOMPARE(error.value("error")["message"].toString(), QStringLiteral("too long"));
    }

    void translatesTheStreamAsItComes()
    {
        AnthropicToOpenAiStream stream(true);
        stream.feed(R"(event: message_start
data: {"type": "message_start", "message": {"id": "msg_1", "model": "claude-x", "usage": {"input_tokens": 12, "output_tokens": 1}}}

event: content_block_start
data: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}

)");
        QVERIFY(!stream.hasStarted()); // nothing said yet: still free to fail over
        stream.feed(R"(event: content_block_delta
data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}}

event: content_block_start
data: {"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}}

event: content_block_delta
data: {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": "{}"}}

event: message_delta
data: {"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 5}}

event: message_stop
data: {"type": "message_stop"}

)");
        QVERIFY(stream.hasStarted());
        QVERIFY(stream.isFinished());
        const QList<QByteArray> chunks = stream.takeClientBytes().split('\n');
        QStringList seen;
        for (const QByteArray& line : chunks) {
            if (!line.startsWith("data: "))
                continue;
            const QJsonValue choice = TestData::json(line.mid(6)).value("choices")[0];
            if (choice["delta"]["content"].isString())
                seen.append(QStringLiteral("text:") + choice["delta"]["content"].toString());
            if (choice["delta"]["tool_calls"].isArray())
                seen.append(QStringLiteral("call:")
                    + choice["delta"]["tool_calls"][0]["function"]["name"].toString()
                    + choice["delta"]["tool_calls"][0]["function"]["arguments"].toString());
            if (choice["finish_reason"].isString())
                seen.append(QStringLiteral("finish:") + choice["finish_reason"].toString());
        }
        QCOMPARE(seen, (QStringList { "text:Hi", "call:f", "call:{}", "finish:tool_calls" }));
        const QByteArray end = stream.closing();
        QVERIFY(end.contains(R"("completion_tokens":5)"));
        QVERIFY(end.contains(R"("prompt_tokens":12)"));
        QVERIFY(end.endsWith("data: [DONE]\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiToAnthropic)
#include "TestOpenAiToAnthropic.moc"
