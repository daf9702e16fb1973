#include "router/translate/AnthropicToOpenAi.h"
#include "router/translate/OpenAiToAnthropicStream.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Anthropic Messages ⇄ OpenAI chat completions, field by field.
class TestAnthropicToOpenAi : public QObject
{
    Q_OBJECT

private:
    static QJsonObject translate(const QJsonObject& anthropic, QStringList* dropped = nullptr)
    {
        const auto request
            = AnthropicToOpenAi::request(anthropic, QStringLiteral("max_completion_tokens"));
        if (!request) {
            qWarning() << request.failure().message;
            return {};
        }
        if (dropped)
            *dropped = request->droppedFields;
        return request->body;
    }
private slots:
    void translatesAConversationWithToolsAndImages()
    {
        const QJsonObject anthropic = TestData::json(R"({
            "model": "claude-sonnet-4-5", "max_tokens": 512, "temperature": 0.2, "top_k": 5,
            "stop_sequences": ["END"],
            "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
            "thinking": {"type": "enabled", "budget_tokens": 2048},
            "metadata": {"user_id": "session-42"},
            "tools": [{"name": "get_weather", "description": "Weather", "input_schema": {"type": "object"}},
                      {"type": "web_search_20250305", "name": "web_search"}],
            "tool_choice": {"type": "any", "disable_parallel_tool_use": true},
            "messages": [
              {"role": "user", "content": [{"type": "text", "text": "Look:"},
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}}]},
              {"role": "assistant", "content": [{"type": "thinking", "thinking": "hm", "signature": "s"},
                {"type": "text", "text": "Checking."},
                {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}]},
              {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1",
                "content": [{"type": "text", "text": "Sunny"}]}, {"type": "text", "text": "And?"}]}
            ]})");
        QStringList dropped;
        const QJsonObject body = translate(anthropic, &dropped);
        QCOMPARE(body.value("max_completion_tokens").toInt(), 512);
        QCOMPARE(body.value("temperature").toDouble(), 0.2);
        QCOMPARE(body.value("stop").toArray(), QJsonArray { "END" });
        QCOMPARE(body.value("user").toString(), QStringLiteral("session-42"));
        QCOMPARE(body.value("tool_choice").toString(), QStringLiteral("required"));
        QCOMPARE(body.value("parallel_tool_calls").toBool(true), false);
        const QJsonArray tools = body.value("tools").toArray();
        QCOMPARE(tools.size(), 1); // Anthropic's own web search runs at Anthropic only
        QCOMPARE(tools.at(0)["function"]["name"].toString(), QStringLiteral("get_weather"));
        QCOMPARE(
            tools.at(0)["function"]["parameters"]["type"].toString(), QStringLiteral("object"));
        QCOMPARE(
            dropped, (QStringList { "cache_control", "thinking", "tools.web_search", "top_k" }));

        const QJsonArray messages = body.value("messages").toArray();
        QCOMPARE(messages.size(), 5);
        QCOMPARE(messages.at(0)["role"].toString(), QStringLiteral("system"));
        QCOMPARE(messages.at(0)["content"].toString(), QStringLiteral("Be brief."));
        QCOMPARE(messages.at(1)["content"][1]["image_url"]["url"].toString(),
            QStringLiteral("data:image/png;base64,iVBO"));
        const QJsonValue assistant = messages.at(2);
        QCOMPARE(assistant["content"].toString(), QStringLiteral("Checking."));
        QCOMPARE(assistant["tool_calls"][0]["id"].toString(), QStringLiteral("toolu_1"));
        QCOMPARE(
            TestData::json(assistant["tool_calls"][0]["function"]["arguments"].toString().toUtf8())
                .value("city")
                .toString(),
            QStringLiteral("Paris"));
        // The tool's result first, right after the call, then what else the user said.
        QCOMPARE(messages.at(3)["role"].toString(), QStringLiteral("tool"));
        QCOMPARE(messages.at(3)["tool_call_id"].toString(), QStringLiteral("toolu_1"));
        QCOMPARE(messages.at(3)["content"].toString(), QStringLiteral("Sunny"));
        QCOMPARE(messages.at(4)["content"][0]["text"].toString(), QStringLiteral("And?"));
    }

    void refusesContentOpenAiCannotCarry_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("document") << QByteArray(
            R"([{"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBE"}}])");
        QTest::newRow("image in a tool result") << QByteArray(
            R"([{"type": "tool_result", "tool_use_id": "t", "content": [{"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "x"}}]}])");
        QTest::newRow("file image") << QByteArray(
            R"([{"type": "image", "source": {"type": "file", "file_id": "file_1"}}])");
    }
    void refusesContentOpenAiCannotCarry()
    {
        QFETCH(QByteArray, content);
        const QJsonObject anthropic { { "max_tokens", 10 },
            { "messages",
                QJsonArray { QJsonObject { { "role", "user" },
                    { "content", QJsonDocument::fromJson(content).array() } } } } };
        const auto request = AnthropicToOpenAi::request(anthropic, QStringLiteral("max_tokens"));
        QVERIFY(!request);
        QVERIFY(request.failure().message.contains(u"OpenAI-format"));
    }

    void translatesTheAnswerBack()
    {
        // A JSON string holding a JSON object: {"a": 1}
        const QByteArray arguments = "\"{\\\"a\\\": 1}\"";
        const QByteArray answer = R"({"id": "chatcmpl-1", "model": "gpt-4.1-2025-04-14",
            "choices": [{"index": 0, "finish_reason": "length", "message": {"role": "assistant",
              "content": "Partial", "tool_calls": [{"id": "call_1", "type": "function",
              "function": {"name": "f", "arguments": )"
            + arguments + R"(}}]}}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 7,
              "prompt_tokens_details": {"cached_tokens": 40}}})";
        const QJsonObject message = TestData::json(*AnthropicToOpenAi::answer(answer));
        QCOMPARE(message.value("type").toString(), QStringLiteral("message"));
        QCOMPARE(message.value("stop_reason").toString(), QStringLiteral("max_tokens"));
        QCOMPARE(message.value("content")[0]["text"].toString(), QStringLiteral("Partial"));
        QCOMPARE(message.value("content")[1]["type"].toString(), QStringLiteral("tool_use"));
        QCOMPARE(message.value("content")[1]["input"]["a"].toInt(), 1);
        QCOMPARE(message.value("usage")["input_tokens"].toInt(), 60);
        QCOMPARE(message.value("usage")["cache_read_input_tokens"].toInt(), 40);
        QCOMPARE(message.value("usage")["output_tokens"].toInt(), 7);
        QVERIFY(!AnthropicToOpenAi::answer(R"({"choices": []})"));
        const QJsonObject error = TestData::json(AnthropicToOpenAi::error(
            R"({"error": {"message": "context too long", "type": "invalid_request_error"}})"));
        QCOMPARE(error.value("type").toString(), QStringLiteral("error"));
        QCOMPARE(error.value("error")["message"].toString(), QStringLiteral("context too long"));
    }

    void translatesTheStreamAsItComes()
    {
        // A JSON string holding the start of a JSON object: {"a":
        const QByteArray argumentsFragment = "\"{\\\"a\\\":\"";
        OpenAiToAnthropicStream stream;
        stream.feed(
            R"(data: {"id": "c1", "model": "gpt-4.1", "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hel"}}]}

)");
        QVERIFY(stream.hasStarted());
        QByteArray out = stream.takeClientBytes();
        QVERIFY(out.startsWith("event: message_start\n"));
        QVERIFY(out.contains("event: content_block_start\n"));
        QVERIFY(out.contains(R"("text":"Hel")"));
        stream.feed(
            R"(data: {"id": "c1", "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "call_1", "function": {"name": "f", "arguments": ""}}]}}]}

data: {"id": "c1", "choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": )"
            + argumentsFragment + R"(}}]}}]}

data: {"id": "c1", "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}

data: {"id": "c1", "choices": [], "usage": {"prompt_tokens": 9, "completion_tokens": 4}}

data: [DONE]

)");
        out = stream.takeClientBytes();
        // The text block closes before the tool block opens; the arguments come as they came.
        QVERIFY(out.indexOf(R"("index":0,"type":"content_block_stop")") < out.indexOf("tool_use"));
        QVERIFY(out.contains("\"partial_json\":" + argumentsFragment));
        QVERIFY(stream.isFinished());
        QCOMPARE(stream.usage().prompt, 9);
        const QByteArray end = stream.closing();
        QVERIFY(end.contains(R"("stop_reason":"tool_use")"));
        QVERIFY(end.contains(R"("output_tokens":4)"));
        QVERIFY(end.endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicToOpenAi)
#include "TestAnthropicToOpenAi.moc"
