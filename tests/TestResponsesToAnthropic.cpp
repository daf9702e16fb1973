#include "router/translate/OpenAiToAnthropic.h"
#include "router/translate/ResponsesToAnthropic.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// OpenAI Responses ⇄ Anthropic Messages, field by field; the requests are shaped like Codex
// CLI 0.171's (notes/research/responses-api.md), trimmed.
class TestResponsesToAnthropic : public QObject
{
    Q_OBJECT

private:
    static QJsonObject translated(const QByteArray& request)
    {
        const auto result = ResponsesToAnthropic::request(TestData::json(request));
        return result ? result->body : QJsonObject { { "failed", result.failure().message } };
    }

    static QStringList dropped(const QByteArray& request)
    {
        const auto result = ResponsesToAnthropic::request(TestData::json(request));
        return result ? result->droppedFields : QStringList { "failed" };
    }

    static QStringList toolNames(const QJsonObject& body)
    {
        QStringList names;
        for (const QJsonValue& tool : body.value("tools").toArray())
            names.append(tool["name"].toString());
        return names;
    }

private slots:
    void translatesACodexRequest()
    {
        const auto request = ResponsesToAnthropic::request(TestData::json(R"({
            "model": "gpt-5.5", "stream": true,
            "input": [
              {"type": "message", "id": "msg_1", "role": "developer",
               "content": [{"type": "input_text", "text": "You are Codex."}]},
              {"type": "message", "id": "msg_2", "role": "developer",
               "content": [{"type": "input_text", "text": "<skills>"},
                           {"type": "input_text", "text": "<permissions>"}]},
              {"type": "message", "id": "msg_3", "role": "user",
               "content": [{"type": "input_text", "text": "<environment_context/>"}]},
              {"type": "message", "id": "msg_4", "role": "user",
               "content": [{"type": "input_text", "text": "Say hello"}]}],
            "tools": [
              {"type": "function", "name": "exec_command", "description": "Runs a command.",
               "strict": false, "parameters": {"type": "object",
                 "properties": {"cmd": {"type": "string"}}, "required": ["cmd"]}},
              {"type": "custom", "name": "apply_patch", "description": "Edits files.",
               "format": {"type": "grammar", "syntax": "lark", "definition": "start: begin_patch"}},
              {"type": "namespace", "name": "multi_agent_v1", "description": "Sub-agents.",
               "tools": [{"type": "function", "name": "wait_agent", "description": "Waits.",
                          "parameters": {"type": "object", "properties": {}}}]},
              {"type": "tool_search", "execution": "client", "parameters": {"type": "object"}},
              {"type": "web_search", "external_web_access": false}],
            "tool_choice": "auto", "parallel_tool_calls": true,
            "reasoning": {"effort": "medium"}, "store": false,
            "include": ["reasoning.encrypted_content"],
            "prompt_cache_key": "01a23bde", "text": {"verbosity": "low"},
            "client_metadata": {"thread_id": "01a23bde"}})"));
        QVERIFY(request);
        const QJsonObject body = request->body;
        QVERIFY(!body.contains("model"));
        QVERIFY(!body.contains("stream")); // the adapter sets it
        QCOMPARE(body.value("system").toString(),
            QStringLiteral("You are Codex.\n<skills>\n<permissions>"));
        const QJsonArray turns = body.value("messages").toArray();
        QCOMPARE(turns.size(), 1); // the two user messages make one turn
        QCOMPARE(turns.at(0)["content"][1]["text"].toString(), QStringLiteral("Say hello"));
        QCOMPARE(toolNames(body),
            (QStringList { "exec_command", "apply_patch", "multi_agent_v1__wait_agent" }));
        const QJsonValue patch = body.value("tools")[1];
        QCOMPARE(patch["input_schema"]["required"].toArray(),
            QJsonArray { ResponsesToAnthropic::customInputKey });
        QVERIFY(patch["description"].toString().startsWith("Edits files.\n\n"));
        QVERIFY(patch["description"].toString().contains("lark grammar:\nstart: begin_patch"));
        QCOMPARE(body.value("tools")[2]["description"].toString(),
            QStringLiteral("Sub-agents.\n\nWaits."));
        QCOMPARE(
            body.value("tools")[0]["input_schema"]["required"].toArray(), QJsonArray { "cmd" });
        QCOMPARE(body.value("tool_choice")["type"].toString(), QStringLiteral("auto"));
        QCOMPARE(body.value("thinking")["budget_tokens"].toInt(), 8192);
        QCOMPARE(body.value("max_tokens").toInt(), OpenAiToAnthropic::defaultMaxTokens + 8192);
        QCOMPARE(request->droppedFields,
            (QStringList { "client_metadata", "include", "prompt_cache_key", "text.verbosity",
                "tools.tool_search", "tools.web_search" }));
    }

    void continuesACodexToolLoop()
    {
        // The arguments in a plain literal: Qt 6.4's moc misreads escapes in raw strings.
        const QByteArray arguments = "\"{\\\"cmd\\\":\\\"echo ran\\\"}\"";
        const auto request = ResponsesToAnthropic::request(TestData::json(R"({
            "reasoning": {"effort": "medium"},
            "input": [
              {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Run echo"}]},
              {"type": "reasoning", "id": "rs_1", "content": null,
               "summary": [{"type": "summary_text", "text": "**Thinking**"}],
               "encrypted_content": "gAAAAB-1"},
              {"type": "function_call", "status": "completed", "id": "fc_1", "name": "exec_command",
               "arguments": )"
            + arguments + R"(, "call_id": "call_1"},
              {"type": "function_call_output", "id": "fco_1", "call_id": "call_1", "output": "ran\n"}]})"));
        QVERIFY(request);
        const QJsonArray turns = request->body.value("messages").toArray();
        QCOMPARE(turns.size(), 3);
        QCOMPARE(turns.at(1)["role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(turns.at(1)["content"].toArray().size(), 1); // the reasoning is not carried
        QCOMPARE(turns.at(1)["content"][0]["type"].toString(), QStringLiteral("tool_use"));
        QCOMPARE(turns.at(1)["content"][0]["id"].toString(), QStringLiteral("call_1"));
        QCOMPARE(turns.at(1)["content"][0]["input"]["cmd"].toString(), QStringLiteral("echo ran"));
        QCOMPARE(turns.at(2)["content"][0]["tool_use_id"].toString(), QStringLiteral("call_1"));
        QCOMPARE(turns.at(2)["content"][0]["content"].toString(), QStringLiteral("ran\n"));
        // Anthropic would want the signed thinking of the call's turn back: none here.
        QVERIFY(!request->body.contains("thinking"));
        QCOMPARE(request->body.value("max_tokens").toInt(), OpenAiToAnthropic::defaultMaxTokens);
        QCOMPARE(request->droppedFields,
            (QStringList { "input.reasoning.encrypted_content", "input.reasoning.summary",
                "reasoning.effort" }));
    }

    void mergesItemsSoRolesAlternate()
    {
        const QJsonArray turns = translated(R"({"input": [
              {"role": "user", "content": "Fix it"},
              {"type": "message", "role": "assistant",
               "content": [{"type": "output_text", "text": "Looking.", "annotations": []}]},
              {"type": "function_call", "name": "wait_agent", "namespace": "multi_agent_v1",
               "arguments": "", "call_id": "call_1"},
              {"type": "custom_tool_call", "name": "apply_patch", "input": "*** Begin Patch", "call_id": "call_2"},
              {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hurry"}]},
              {"type": "function_call_output", "call_id": "call_1", "output": "done"},
              {"type": "custom_tool_call_output", "call_id": "call_2", "output": "Exit code: 0"},
              {"type": "message", "role": "assistant", "content": [{"type": "refusal", "refusal": "No."}]}]})")
                                     .value("messages")
                                     .toArray();
        QCOMPARE(turns.size(), 4);
        const QJsonArray calls = turns.at(1)["content"].toArray();
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls.at(0)["text"].toString(), QStringLiteral("Looking."));
        QCOMPARE(calls.at(1)["name"].toString(), QStringLiteral("multi_agent_v1__wait_agent"));
        QCOMPARE(calls.at(1)["input"].toObject(), QJsonObject());
        QCOMPARE(calls.at(2)["name"].toString(), QStringLiteral("apply_patch"));
        QCOMPARE(calls.at(2)["input"].toObject(),
            (QJsonObject { { ResponsesToAnthropic::customInputKey, "*** Begin Patch" } }));
        // The results come first in their turn, the user's word after them.
        const QJsonArray results = turns.at(2)["content"].toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0)["tool_use_id"].toString(), QStringLiteral("call_1"));
        QCOMPARE(results.at(1)["tool_use_id"].toString(), QStringLiteral("call_2"));
        QCOMPARE(results.at(2)["text"].toString(), QStringLiteral("Hurry"));
        QCOMPARE(turns.at(3)["content"][0]["text"].toString(), QStringLiteral("No."));
    }

    void translatesToolOutputs_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray(R"("ran")") << QByteArray(R"("ran")");
        QTest::newRow("one text part")
            << QByteArray(R"([{"type": "input_text", "text": "ran"}])") << QByteArray(R"("ran")");
        QTest::newRow("image (view_image)")
            << QByteArray(
                   R"([{"type": "input_image", "image_url": "data:image/png;base64,iVBO", "detail": "original"}])")
            << QByteArray(
                   R"([{"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}}])");
        QTest::newRow("nothing") << QByteArray(R"([])") << QByteArray();
    }
    void translatesToolOutputs()
    {
        QFETCH(QByteArray, output);
        QFETCH(QByteArray, content);
        const QJsonObject body = translated(
            R"({"input": [{"type": "function_call", "name": "f", "arguments": "{}", "call_id": "c"},
                {"type": "function_call_output", "call_id": "c", "output": )"
            + output + "}]}");
        const QJsonValue result = body.value("messages")[1]["content"][0];
        QCOMPARE(result["type"].toString(), QStringLiteral("tool_result"));
        if (content.isEmpty())
            QVERIFY(!result.toObject().contains("content"));
        else
            QCOMPARE(
                result["content"], QJsonDocument::fromJson("[" + content + "]").array().first());
    }

    void translatesImagesAndPlainInput()
    {
        // The web address in a plain literal: Qt 6.4's moc reads its "//" in a raw string as a
        // comment.
        const QByteArray webImage = "\"https://example.com/a.png\"";
        const QJsonArray blocks = translated(R"({"input": [{"role": "user", "content": [
              {"type": "input_text", "text": "<image>"},
              {"type": "input_image", "image_url": "data:image/jpeg;base64,/9j/", "detail": "original"},
              {"type": "input_image", "image_url": )"
            + webImage + R"(},
              {"type": "input_text", "text": ""}]}]})")
                                      .value("messages")[0]["content"]
                                      .toArray();
        QCOMPARE(blocks.size(), 3); // the empty text is left out: Anthropic refuses it
        QCOMPARE(blocks.at(1)["source"]["media_type"].toString(), QStringLiteral("image/jpeg"));
        QCOMPARE(blocks.at(1)["source"]["data"].toString(), QStringLiteral("/9j/"));
        QCOMPARE(
            blocks.at(2)["source"]["url"].toString(), QStringLiteral("https://example.com/a.png"));

        const QJsonObject body = translated(R"({"instructions": "Be brief.", "input": "Hi",
                "input_unknown": 1, "max_output_tokens": 300, "temperature": 1.5, "top_p": 0.9,
                "user": "u-1", "stream": false})");
        QCOMPARE(body.value("system").toString(), QStringLiteral("Be brief."));
        QCOMPARE(body.value("messages")[0]["role"].toString(), QStringLiteral("user"));
        QCOMPARE(body.value("messages")[0]["content"][0]["text"].toString(), QStringLiteral("Hi"));
        QCOMPARE(body.value("max_tokens").toInt(), 300);
        QCOMPARE(body.value("temperature").toDouble(), 1.0); // Anthropic's range ends at 1
        QVERIFY(!body.contains("top_p")); // Claude's models since Opus 4.1 take one of the two
        QCOMPARE(body.value("metadata")["user_id"].toString(), QStringLiteral("u-1"));
        QVERIFY(!body.contains("thinking"));
        QVERIFY(!body.contains("tools"));
        QCOMPARE(translated(R"({"input": "Hi"})").value("max_tokens").toInt(),
            OpenAiToAnthropic::defaultMaxTokens);
    }

    void namespacedNamesReadBack_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<QString>("anthropicName");
        QTest::newRow("plain") << "exec_command"
                               << ""
                               << "exec_command";
        QTest::newRow("namespace") << "wait_agent"
                                   << "multi_agent_v1"
                                   << "multi_agent_v1__wait_agent";
        QTest::newRow("MCP server") << "list_issues"
                                    << "mcp__github"
                                    << "mcp__github__list_issues";
        QTest::newRow("namespace ending in _") << "x"
                                               << "ns_"
                                               << "ns___x";
        QTest::newRow("single underscores") << "a_b"
                                            << "c_d"
                                            << "c_d__a_b";
    }
    void namespacedNamesReadBack()
    {
        QFETCH(QString, name);
        QFETCH(QString, nameSpace);
        QFETCH(QString, anthropicName);
        QCOMPARE(ResponsesToAnthropic::anthropicToolName({ name, nameSpace }), anthropicName);
        const ResponsesToAnthropic::ToolName back
            = ResponsesToAnthropic::responsesToolName(anthropicName);
        QCOMPARE(back.name, name);
        QCOMPARE(back.nameSpace, nameSpace);
    }

    void namespacedToolsRoundTrip()
    {
        const QJsonObject body = translated(R"({"input": "Go", "tools": [
              {"type": "namespace", "name": "mcp__github", "tools": [
                {"type": "function", "name": "list_issues", "parameters": {"type": "object"}},
                {"type": "custom", "name": "patch", "format": {"type": "text"}}]}]})");
        QCOMPARE(
            toolNames(body), (QStringList { "mcp__github__list_issues", "mcp__github__patch" }));
        const QJsonObject answer = TestData::json(*ResponsesToAnthropic::answer(
            R"({"id": "msg_1", "type": "message", "stop_reason": "tool_use", "content": [
              {"type": "tool_use", "id": "toolu_1", "name": "mcp__github__list_issues", "input": {"state": "open"}},
              {"type": "tool_use", "id": "toolu_2", "name": "mcp__github__patch", "input": {"freeform_input": "diff"}}],
              "usage": {}})",
            "claude"));
        const QJsonValue call = answer.value("output")[0];
        QCOMPARE(call["type"].toString(), QStringLiteral("function_call"));
        QCOMPARE(call["name"].toString(), QStringLiteral("list_issues"));
        QCOMPARE(call["namespace"].toString(), QStringLiteral("mcp__github"));
        QCOMPARE(call["call_id"].toString(), QStringLiteral("toolu_1"));
        QCOMPARE(call["arguments"].toString(), QStringLiteral(R"({"state":"open"})"));
        const QJsonValue custom = answer.value("output")[1];
        QCOMPARE(custom["type"].toString(), QStringLiteral("custom_tool_call"));
        QCOMPARE(custom["name"].toString(), QStringLiteral("patch"));
        QCOMPARE(custom["namespace"].toString(), QStringLiteral("mcp__github"));
        QCOMPARE(custom["input"].toString(), QStringLiteral("diff"));
    }

    void withdrawsToolsWhoseCallsWouldNotReadBack()
    {
        const QByteArray request = R"({"input": "Go", "tools": [
              {"type": "function", "name": "mcp__a__b"},
              {"type": "function", "name": "keep_me"},
              {"type": "function", "name": "takes_freeform", "parameters": {"type": "object",
                "properties": {"freeform_input": {"type": "string"}}}},
              {"type": "namespace", "name": "ns", "tools": [
                {"type": "function", "name": "a__b"}, {"type": "function", "name": "_hidden"},
                {"type": "function", "name": "fine"}]}]})";
        QCOMPARE(toolNames(translated(request)), (QStringList { "keep_me", "ns__fine" }));
        QCOMPARE(dropped(request),
            (QStringList {
                "tools.mcp__a__b", "tools.ns._hidden", "tools.ns.a__b", "tools.takes_freeform" }));
    }

    void translatesToolChoice_data()
    {
        QTest::addColumn<QByteArray>("choice");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QStringList>("tools");
        QTest::addColumn<QStringList>("droppedFields");
        const QStringList all { "f", "apply_patch", "ns__g" };
        QTest::newRow("auto") << QByteArray(R"("auto")") << QByteArray(R"({"type": "auto"})") << all
                              << QStringList();
        QTest::newRow("none") << QByteArray(R"("none")") << QByteArray(R"({"type": "none"})") << all
                              << QStringList();
        QTest::newRow("required") << QByteArray(R"("required")") << QByteArray(R"({"type": "any"})")
                                  << all << QStringList();
        QTest::newRow("a function")
            << QByteArray(R"({"type": "function", "name": "f"})")
            << QByteArray(R"({"type": "tool", "name": "f"})") << all << QStringList();
        QTest::newRow("a namespaced function")
            << QByteArray(R"({"type": "function", "name": "g", "namespace": "ns"})")
            << QByteArray(R"({"type": "tool", "name": "ns__g"})") << all << QStringList();
        QTest::newRow("a custom tool")
            << QByteArray(R"({"type": "custom", "name": "apply_patch"})")
            << QByteArray(R"({"type": "tool", "name": "apply_patch"})") << all << QStringList();
        QTest::newRow("a tool not offered")
            << QByteArray(R"({"type": "function", "name": "missing"})")
            << QByteArray(R"({"type": "auto"})") << all << QStringList { "tool_choice" };
        QTest::newRow("a hosted tool")
            << QByteArray(R"({"type": "web_search"})") << QByteArray(R"({"type": "auto"})") << all
            << QStringList { "tool_choice" };
        QTest::newRow("allowed tools")
            << QByteArray(R"({"type": "allowed_tools", "mode": "required",
                 "tools": [{"type": "function", "name": "f"}, {"type": "custom", "name": "apply_patch"}]})")
            << QByteArray(R"({"type": "any"})") << QStringList { "f", "apply_patch" }
            << QStringList();
    }
    void translatesToolChoice()
    {
        QFETCH(QByteArray, choice);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, tools);
        QFETCH(QStringList, droppedFields);
        const QByteArray request = R"({"input": "Go", "tool_choice": )" + choice + R"(, "tools": [
              {"type": "function", "name": "f"}, {"type": "custom", "name": "apply_patch"},
              {"type": "namespace", "name": "ns", "tools": [{"type": "function", "name": "g"}]}]})";
        const QJsonObject body = translated(request);
        QCOMPARE(body.value("tool_choice").toObject(), TestData::json(expected));
        QCOMPARE(toolNames(body), tools);
        QCOMPARE(dropped(request), droppedFields);
    }

    void disablesParallelToolUse()
    {
        const QJsonObject body = translated(R"({"input": "Go", "parallel_tool_calls": false,
            "tools": [{"type": "function", "name": "f"}]})");
        QCOMPARE(body.value("tool_choice")["type"].toString(), QStringLiteral("auto"));
        QCOMPARE(body.value("tool_choice")["disable_parallel_tool_use"].toBool(), true);
        QVERIFY(!translated(R"({"input": "Go", "tools": [{"type": "function", "name": "f"}]})")
                     .contains("tool_choice"));
    }

    void mapsReasoningEffortToThinking_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<int>("budget");
        QTest::addColumn<int>("maxTokens");
        QTest::addColumn<QStringList>("droppedFields");
        const int room = OpenAiToAnthropic::defaultMaxTokens;
        QTest::newRow("no reasoning") << QByteArray() << 0 << room << QStringList();
        QTest::newRow("summary only")
            << QByteArray(R"("reasoning": {"summary": "auto"},)") << 0 << room << QStringList();
        QTest::newRow("none") << QByteArray(R"("reasoning": {"effort": "none"},)") << 0 << room
                              << QStringList();
        QTest::newRow("minimal") << QByteArray(R"("reasoning": {"effort": "minimal"},)") << 0
                                 << room << QStringList();
        QTest::newRow("low") << QByteArray(R"("reasoning": {"effort": "low"},)") << 2048
                             << room + 2048 << QStringList();
        QTest::newRow("high") << QByteArray(R"("reasoning": {"effort": "high"},)") << 16384
                              << room + 16384 << QStringList();
        QTest::newRow("xhigh") << QByteArray(R"("reasoning": {"effort": "xhigh"},)") << 24576
                               << room + 24576 << QStringList();
        QTest::newRow("max") << QByteArray(R"("reasoning": {"effort": "max"},)") << 32000 - room
                             << 32000 << QStringList();
        QTest::newRow("unknown effort") << QByteArray(R"("reasoning": {"effort": "extreme"},)") << 0
                                        << room << QStringList { "reasoning.effort" };
        QTest::newRow("within max_output_tokens")
            << QByteArray(R"("reasoning": {"effort": "high"}, "max_output_tokens": 6000,)") << 3000
            << 6000 << QStringList();
        QTest::newRow("too little room")
            << QByteArray(R"("reasoning": {"effort": "high"}, "max_output_tokens": 2000,)") << 0
            << 2000 << QStringList { "reasoning.effort" };
        QTest::newRow("a forced tool")
            << QByteArray(R"("reasoning": {"effort": "low"}, "tool_choice": "required",
                 "tools": [{"type": "function", "name": "f"}],)")
            << 0 << room << QStringList { "reasoning.effort" };
        QTest::newRow("temperature gives way")
            << QByteArray(R"("reasoning": {"effort": "low"}, "temperature": 0.2, "top_p": 0.5,)")
            << 2048 << room + 2048 << QStringList { "temperature", "top_p" };
    }
    void mapsReasoningEffortToThinking()
    {
        QFETCH(QByteArray, fields);
        QFETCH(int, budget);
        QFETCH(int, maxTokens);
        QFETCH(QStringList, droppedFields);
        const QByteArray request = "{" + fields + R"("input": "Think")" + "}";
        const QJsonObject body = translated(request);
        QCOMPARE(body.value("thinking")["budget_tokens"].toInt(), budget);
        if (budget > 0)
            QCOMPARE(body.value("thinking")["type"].toString(), QStringLiteral("enabled"));
        else
            QVERIFY(!body.contains("thinking"));
        QVERIFY(!body.contains("temperature") || budget == 0);
        QCOMPARE(body.value("max_tokens").toInt(), maxTokens);
        QCOMPARE(dropped(request), droppedFields);
    }

    void namesWhatItLeavesOut_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QStringList>("droppedFields");
        QTest::newRow("store: true") << QByteArray(R"("store": true,)") << QStringList { "store" };
        QTest::newRow("store: false") << QByteArray(R"("store": false,)") << QStringList();
        QTest::newRow("metadata") << QByteArray(R"("metadata": {"a": "b"},)")
                                  << QStringList { "metadata" };
        QTest::newRow("service tier")
            << QByteArray(R"("service_tier": "flex",)") << QStringList { "service_tier" };
        QTest::newRow("truncation")
            << QByteArray(R"("truncation": "auto",)") << QStringList { "truncation" };
        QTest::newRow("JSON schema") << QByteArray(
            R"("text": {"format": {"type": "json_schema", "name": "s", "schema": {}}},)")
                                     << QStringList { "text.format" };
        QTest::newRow("text format")
            << QByteArray(R"("text": {"format": {"type": "text"}},)") << QStringList();
        QTest::newRow("empty include") << QByteArray(R"("include": [],)") << QStringList();
        QTest::newRow("hosted tool records")
            << QByteArray(R"("input": [{"type": "web_search_call", "id": "ws_1"},
                 {"type": "compaction", "encrypted_content": "x"}],)")
            << QStringList { "input.compaction", "input.web_search_call" };
        QTest::newRow("raw reasoning")
            << QByteArray(R"("input": [{"type": "reasoning", "summary": [],
                 "content": [{"type": "reasoning_text", "text": "hm"}]}],)")
            << QStringList { "input.reasoning.content" };
    }
    void namesWhatItLeavesOut()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QStringList, droppedFields);
        const QByteArray request = "{" + fields + R"("model": "m"})";
        QCOMPARE(dropped(request), droppedFields);
    }

    void refusesWhatItCannotCarry_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        const int unsupported = int(FailureKind::Unsupported);
        QTest::newRow("previous_response_id")
            << QByteArray(R"({"previous_response_id": "resp_1", "input": "Go on"})") << unsupported
            << "previous_response_id";
        QTest::newRow("conversation") << QByteArray(R"({"conversation": "conv_1", "input": "Hi"})")
                                      << unsupported << "conversation";
        QTest::newRow("stored prompt")
            << QByteArray(R"({"prompt": {"id": "pmpt_1"}, "input": "Hi"})") << unsupported
            << "prompt";
        QTest::newRow("background")
            << QByteArray(R"({"background": true, "input": "Hi"})") << unsupported << "background";
        QTest::newRow("item reference")
            << QByteArray(R"({"input": [{"type": "item_reference", "id": "msg_1"}]})")
            << unsupported << "item_reference";
        QTest::newRow("a file") << QByteArray(
            R"({"input": [{"role": "user", "content": [{"type": "input_file", "file_id": "f"}]}]})")
                                << unsupported << "input_file";
        QTest::newRow("an image by file id") << QByteArray(
            R"({"input": [{"role": "user", "content": [{"type": "input_image", "file_id": "f"}]}]})")
                                             << unsupported << "image";
        QTest::newRow("arguments that are not JSON") << QByteArray(
            R"({"input": [{"type": "function_call", "name": "f", "arguments": "not json", "call_id": "c"}]})")
                                                     << int(FailureKind::InvalidInput) << "c";
    }
    void refusesWhatItCannotCarry()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const auto translation = ResponsesToAnthropic::request(TestData::json(request));
        QVERIFY(!translation);
        QCOMPARE(int(translation.failure().kind), kind);
        QVERIFY2(translation.failure().message.contains(mentions),
            qPrintable(translation.failure().message));
    }

    void translatesTheAnswerBack()
    {
        const QJsonObject response
            = TestData::json(*ResponsesToAnthropic::answer(R"({"id": "msg_01A",
            "type": "message", "model": "claude-sonnet-4-5-20250929", "stop_reason": "tool_use",
            "content": [{"type": "thinking", "thinking": "Let me see.", "signature": "sig"},
              {"type": "text", "text": "Checking"}, {"type": "text", "text": " now."},
              {"type": "tool_use", "id": "toolu_1", "name": "exec_command", "input": {"cmd": "ls"}},
              {"type": "tool_use", "id": "toolu_2", "name": "apply_patch", "input": {"freeform_input": "*** Begin Patch"}}],
            "usage": {"input_tokens": 10, "output_tokens": 6, "cache_read_input_tokens": 30,
              "cache_creation_input_tokens": 5}})",
                "claude-sonnet"));
        QVERIFY(response.value("id").toString().startsWith("resp_"));
        QCOMPARE(response.value("object").toString(), QStringLiteral("response"));
        QVERIFY(response.value("created_at").toInteger() > 1700000000);
        QCOMPARE(response.value("status").toString(), QStringLiteral("completed"));
        QVERIFY(response.value("incomplete_details").isNull());
        QCOMPARE(response.value("model").toString(), QStringLiteral("claude-sonnet"));
        const QJsonArray output = response.value("output").toArray();
        QCOMPARE(output.size(), 4);
        QCOMPARE(output.at(0)["type"].toString(), QStringLiteral("reasoning"));
        QCOMPARE(output.at(0)["summary"][0]["type"].toString(), QStringLiteral("summary_text"));
        QCOMPARE(output.at(0)["summary"][0]["text"].toString(), QStringLiteral("Let me see."));
        QVERIFY(!output.at(0).toObject().contains("encrypted_content"));
        QCOMPARE(output.at(1)["type"].toString(), QStringLiteral("message"));
        QCOMPARE(output.at(1)["role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(output.at(1)["content"][0]["type"].toString(), QStringLiteral("output_text"));
        QCOMPARE(output.at(1)["content"][0]["text"].toString(), QStringLiteral("Checking now."));
        QCOMPARE(output.at(2)["type"].toString(), QStringLiteral("function_call"));
        QCOMPARE(output.at(2)["call_id"].toString(), QStringLiteral("toolu_1"));
        QCOMPARE(output.at(2)["name"].toString(), QStringLiteral("exec_command"));
        QVERIFY(!output.at(2).toObject().contains("namespace"));
        QCOMPARE(TestData::json(output.at(2)["arguments"].toString().toUtf8()),
            TestData::json(R"({"cmd": "ls"})"));
        QCOMPARE(output.at(3)["type"].toString(), QStringLiteral("custom_tool_call"));
        QCOMPARE(output.at(3)["input"].toString(), QStringLiteral("*** Begin Patch"));
        QStringList ids;
        for (const QJsonValue& item : output)
            ids.append(item["id"].toString());
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 4);
        const QJsonObject usage = response.value("usage").toObject();
        QCOMPARE(usage.value("input_tokens").toInt(), 45); // all input counted
        QCOMPARE(usage.value("input_tokens_details")["cached_tokens"].toInt(), 30);
        QCOMPARE(usage.value("output_tokens").toInt(), 6);
        QCOMPARE(usage.value("output_tokens_details")["reasoning_tokens"].toInt(), 0);
        QCOMPARE(usage.value("total_tokens").toInt(), 51);
    }

    void marksAnAnswerThatStoppedShort_data()
    {
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("end_turn") << "end_turn"
                                  << "completed"
                                  << "";
        QTest::newRow("max_tokens") << "max_tokens"
                                    << "incomplete"
                                    << "max_output_tokens";
        QTest::newRow("context window") << "model_context_window_exceeded"
                                        << "incomplete"
                                        << "max_output_tokens";
        QTest::newRow("refusal") << "refusal"
                                 << "incomplete"
                                 << "content_filter";
    }
    void marksAnAnswerThatStoppedShort()
    {
        QFETCH(QString, stopReason);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        const QJsonObject response = TestData::json(*ResponsesToAnthropic::answer(
            R"({"id": "msg_1", "type": "message", "model": "claude-x", "stop_reason": ")"
                + stopReason.toUtf8() + R"(", "content": [{"type": "text", "text": "Hi"}]})",
            {}));
        QCOMPARE(response.value("status").toString(), status);
        QCOMPARE(response.value("incomplete_details")["reason"].toString(), reason);
        QCOMPARE(response.value("model").toString(), QStringLiteral("claude-x"));
    }

    void refusesWhatIsNotAMessage()
    {
        QVERIFY(!ResponsesToAnthropic::answer(R"({"type": "error"})", "m"));
        QVERIFY(!ResponsesToAnthropic::answer("not json", "m"));
    }

    void answersErrorsInOpenAisShape()
    {
        const QJsonObject error = TestData::json(ResponsesToAnthropic::error(
            R"({"type": "error", "error": {"type": "invalid_request_error", "message": "too long"}})"));
        QCOMPARE(error.value("error")["message"].toString(), QStringLiteral("too long"));
        QCOMPARE(error.value("error")["type"].toString(), QStringLiteral("invalid_request_error"));
    }
};

QTEST_GUILESS_MAIN(TestResponsesToAnthropic)
#include "TestResponsesToAnthropic.moc"
