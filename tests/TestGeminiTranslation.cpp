#include "router/codecs/SseParser.h"
#include "router/translate/AnthropicToGemini.h"
#include "router/translate/AnthropicToOpenAiStream.h"
#include "router/translate/ChainedStreamTranslator.h"
#include "router/translate/GeminiToAnthropicStream.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Compared as compact text, so a failure shows both sides whole (QJsonObject sorts its keys).
#define COMPARE_JSON(actual, expected) QCOMPARE(compact(actual), compact(expected))

// Anthropic Messages ⇄ Google Gemini generateContent, field by field, and Gemini's stream.
class TestGeminiTranslation : public QObject
{
    Q_OBJECT

private:
    static QByteArray compact(const QJsonObject& object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    static QByteArray compact(const QJsonArray& array)
    {
        return QJsonDocument(array).toJson(QJsonDocument::Compact);
    }
    static QByteArray compact(const QJsonValue& value)
    {
        return value.isArray() ? compact(value.toArray()) : compact(value.toObject());
    }
    static QJsonObject userSays(const QJsonValue& content)
    {
        return { { "role", "user" }, { "content", content } };
    }
    static QJsonObject withMessages(const QJsonArray& messages, QJsonObject fields = {})
    {
        fields.insert("model", "gemini-2.5-pro");
        fields.insert("max_tokens", 1024);
        fields.insert("messages", messages);
        return fields;
    }
    static QJsonObject translate(const QJsonObject& anthropic, QStringList* dropped = nullptr)
    {
        const auto request = AnthropicToGemini::request(anthropic);
        if (!request) {
            qWarning() << request.failure().message;
            return {};
        }
        if (dropped)
            *dropped = request->droppedFields;
        return request->body;
    }
    static QString refusal(const QJsonObject& anthropic)
    {
        const auto request = AnthropicToGemini::request(anthropic);
        if (request)
            return QStringLiteral("(translated)");
        return request.failure().message;
    }
    static QJsonObject answer(const QByteArray& gemini)
    {
        return TestData::json(AnthropicToGemini::answer(gemini, "gemini-2.5-pro").value_or("{}"));
    }
    // One chunk as Gemini streams it: its JSON on one data line.
    static QByteArray sse(const QByteArray& chunk)
    {
        return "data: " + compact(TestData::json(chunk)) + "\r\n\r\n";
    }
    // The client's events, each as its type and its data.
    static QList<QJsonObject> events(const QByteArray& bytes)
    {
        SseParser parser;
        QList<QJsonObject> out;
        for (const SseParser::Event& event : parser.feed(bytes)) {
            QJsonObject data = TestData::json(event.data);
            if (data.value("type").toString().toUtf8() != event.type)
                data.insert("event-mismatch", QString::fromUtf8(event.type));
            out.append(data);
        }
        return out;
    }
    static QJsonArray asArray(const QList<QJsonObject>& objects)
    {
        QJsonArray array;
        for (const QJsonObject& object : objects)
            array.append(object);
        return array;
    }
    static QByteArray feedInPieces(StreamTranslator& stream, const QByteArray& bytes, int size)
    {
        QByteArray out;
        for (qsizetype at = 0; at < bytes.size(); at += size) {
            stream.feed(bytes.mid(at, size));
            out += stream.takeClientBytes();
        }
        return out;
    }
    static QJsonObject toolCallChunk()
    {
        return TestData::json(R"({"candidates": [{"content": {"role": "model", "parts": [
            {"functionCall": {"id": "call1", "name": "get_weather", "args": {"city": "Paris"}}}]},
            "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 12, "cachedContentTokenCount": 4,
              "candidatesTokenCount": 9, "thoughtsTokenCount": 3, "totalTokenCount": 24},
            "modelVersion": "gemini-2.5-flash", "responseId": "abc"})");
    }
    static QByteArray textAndToolStream()
    {
        return sse(R"({"candidates": [{"content": {"role": "model", "parts": [{"text": "Hel"}]}}],
            "usageMetadata": {"promptTokenCount": 12, "cachedContentTokenCount": 4},
            "modelVersion": "gemini-2.5-flash", "responseId": "abc"})")
            + sse(R"({"candidates": [{"content": {"role": "model", "parts": [{"text": "lo"}]}}],
            "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 2},
            "modelVersion": "gemini-2.5-flash", "responseId": "abc"})")
            + sse(compact(toolCallChunk()));
    }

private slots:
    // ---- requests ----

    void translatesTheSystemPromptAndMergesTurns()
    {
        QStringList dropped;
        const QJsonObject body = translate(
            withMessages({ userSays("Hi"),
                             userSays(QJsonArray {
                                 QJsonObject { { "type", "text" }, { "text", "again" } } }),
                             QJsonObject { { "role", "assistant" }, { "content", "Hello" } },
                             QJsonObject { { "role", "assistant" },
                                 { "content",
                                     QJsonArray { QJsonObject {
                                         { "type", "text" }, { "text", "there" } } } } },
                             userSays("Bye") },
                TestData::json(R"({"system": [{"type": "text", "text": "Be brief."},
                    {"type": "text", "text": "Be kind.", "cache_control": {"type": "ephemeral"}}]})")),
            &dropped);
        COMPARE_JSON(body, TestData::json(R"({
            "systemInstruction": {"parts": [{"text": "Be brief.\nBe kind."}]},
            "contents": [
              {"role": "user", "parts": [{"text": "Hi"}, {"text": "again"}]},
              {"role": "model", "parts": [{"text": "Hello"}, {"text": "there"}]},
              {"role": "user", "parts": [{"text": "Bye"}]}],
            "generationConfig": {"maxOutputTokens": 1024}})"));
        QCOMPARE(dropped, QStringList { "cache_control" });
        const QJsonObject plain
            = translate(withMessages({ userSays("Hi") }, { { "system", "Short." } }));
        COMPARE_JSON(
            plain.value("systemInstruction"), TestData::json(R"({"parts": [{"text": "Short."}]})"));
    }

    void translatesImagesAndDocuments()
    {
        const QJsonArray blocks {
            TestData::json(
                R"({"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}})"),
            QJsonObject { { "type", "image" },
                { "source",
                    QJsonObject {
                        { "type", "url" }, { "url", "https://example.com/cat.webp?size=2" } } } },
            QJsonObject { { "type", "image" },
                { "source",
                    QJsonObject { { "type", "url" }, { "url", "https://example.com/photo" } } } },
            TestData::json(
                R"({"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBE"}})"),
            TestData::json(
                R"({"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "Notes"}})"),
        };
        const QJsonObject body = translate(withMessages({ userSays(blocks) }));
        const QJsonObject expected { { "role", "user" },
            { "parts",
                QJsonArray {
                    TestData::json(R"({"inlineData": {"mimeType": "image/png", "data": "iVBO"}})"),
                    QJsonObject { { "fileData",
                        QJsonObject { { "mimeType", "image/webp" },
                            { "fileUri", "https://example.com/cat.webp?size=2" } } } },
                    QJsonObject { { "fileData",
                        QJsonObject { { "mimeType", "image/jpeg" },
                            { "fileUri", "https://example.com/photo" } } } },
                    TestData::json(
                        R"({"inlineData": {"mimeType": "application/pdf", "data": "JVBE"}})"),
                    TestData::json(R"({"text": "Notes"})") } } };
        COMPARE_JSON(body.value("contents"), QJsonArray { expected });
    }

    // Claude Code's tools carry JSON Schema that Gemini would refuse: what comes out is the
    // subset it reads, and each keyword taken out is named once.
    void sanitisesToolSchemasForGemini()
    {
        QJsonObject schema = TestData::json(R"({
            "type": "object", "additionalProperties": false, "required": ["command", "ghost"],
            "properties": {
              "command": {"type": "string", "description": "The command", "examples": ["ls"]},
              "timeout": {"type": "number", "exclusiveMinimum": 0, "maximum": 600000, "default": 120000},
              "mode": {"type": ["string", "null"], "enum": ["a", "b"]},
              "kind": {"const": "fixed"},
              "level": {"type": "integer", "enum": [1, 2, 3]},
              "url": {"type": "string", "format": "uri"},
              "when": {"type": "string", "format": "date-time", "title": "When"},
              "todos": {"type": "array", "minItems": 1, "items": {"type": "object",
                "additionalProperties": false, "required": ["content"],
                "properties": {"content": {"type": "string", "minLength": 1},
                  "status": {"type": "string", "enum": ["pending", "done"]}}}},
              "headers": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"},
                "additionalProperties": {"type": "string"}},
              "target": {"oneOf": [{"type": "string"}, {"type": "integer", "default": 1}]},
              "count": {"type": ["integer", "string"]},
              "label": {"type": "string", "properties": {"x": {"type": "string"}}}
            }})");
        schema.insert("$schema", "http://json-schema.org/draft-07/schema#");
        const QJsonArray tools {
            QJsonObject { { "name", "Bash" }, { "description", "Runs a command" },
                { "input_schema", schema },
                { "cache_control", TestData::json(R"({"type": "ephemeral"})") } },
            TestData::json(
                R"({"name": "ExitPlanMode", "input_schema": {"type": "object", "properties": {},
                "additionalProperties": false}})"),
            TestData::json(R"({"name": "Noop"})"),
            TestData::json(
                R"({"type": "web_search_20250305", "name": "web_search", "max_uses": 5})"),
            TestData::json(R"({"type": "bash_20250124", "name": "bash"})"),
            TestData::json(
                R"({"type": "text_editor_20250728", "name": "str_replace_based_edit_tool"})")
        };
        QStringList dropped;
        const QJsonObject body
            = translate(withMessages({ userSays("Hi") }, { { "tools", tools } }), &dropped);
        COMPARE_JSON(body.value("tools"),
            TestData::json(R"({"tools": [{"functionDeclarations": [
            {"name": "Bash", "description": "Runs a command", "parameters": {
              "type": "object", "required": ["command"],
              "properties": {
                "command": {"type": "string", "description": "The command"},
                "timeout": {"type": "number", "maximum": 600000},
                "mode": {"type": "string", "nullable": true, "enum": ["a", "b"]},
                "kind": {"type": "string", "enum": ["fixed"]},
                "level": {"type": "integer"},
                "url": {"type": "string"},
                "when": {"type": "string", "format": "date-time", "title": "When"},
                "todos": {"type": "array", "minItems": 1, "items": {"type": "object",
                  "required": ["content"],
                  "properties": {"content": {"type": "string", "minLength": 1},
                    "status": {"type": "string", "enum": ["pending", "done"]}}}},
                "headers": {"type": "object"},
                "target": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                "count": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                "label": {"type": "string"}}}},
            {"name": "ExitPlanMode"},
            {"name": "Noop"}]}]})")
                .value("tools"));
        QCOMPARE(body.contains("toolConfig"), false); // no tool_choice: Gemini's default, AUTO
        QCOMPARE(dropped,
            (QStringList { "cache_control", "tools.bash", "tools.input_schema.$schema",
                "tools.input_schema.additionalProperties", "tools.input_schema.default",
                "tools.input_schema.enum", "tools.input_schema.examples",
                "tools.input_schema.exclusiveMinimum", "tools.input_schema.format",
                "tools.input_schema.properties", "tools.input_schema.propertyNames",
                "tools.str_replace_based_edit_tool", "tools.web_search" }));
    }

    void sendsToolCallsAndResultsByName()
    {
        const QJsonObject anthropic = withMessages({ userSays("Weather?"),
            TestData::json(
                R"({"role": "assistant", "content": [{"type": "text", "text": "Checking."},
              {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}},
              {"type": "tool_use", "id": "toolu_2", "name": "get_time", "input": {}}]})"),
            TestData::json(R"({"role": "user", "content": [
              {"type": "tool_result", "tool_use_id": "toolu_1", "content": "Sunny"},
              {"type": "tool_result", "tool_use_id": "toolu_2", "is_error": true,
                "content": [{"type": "text", "text": "No clock"}, {"type": "text", "text": "here"}]},
              {"type": "text", "text": "And?"}]})") });
        COMPARE_JSON(translate(anthropic).value("contents"),
            TestData::json(R"({"contents": [
            {"role": "user", "parts": [{"text": "Weather?"}]},
            {"role": "model", "parts": [{"text": "Checking."},
              {"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}},
              {"functionCall": {"name": "get_time", "args": {}}}]},
            {"role": "user", "parts": [
              {"functionResponse": {"name": "get_weather", "response": {"result": "Sunny"}}},
              {"functionResponse": {"name": "get_time", "response": {"error": "No clock\nhere"}}},
              {"text": "And?"}]}]})")
                .value("contents"));
    }

    void refusesAResultForAnUnknownCall()
    {
        const QString error = refusal(withMessages({ userSays(QJsonArray { TestData::json(
            R"({"type": "tool_result", "tool_use_id": "toolu_9", "content": "Sunny"})") }) }));
        QVERIFY2(error.contains(u"toolu_9"), qPrintable(error));
    }

    void translatesToolChoice_data()
    {
        QTest::addColumn<QJsonObject>("choice");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QStringList>("dropped");
        QTest::newRow("auto") << TestData::json(R"({"type": "auto"})")
                              << TestData::json(R"({"functionCallingConfig": {"mode": "AUTO"}})")
                              << QStringList();
        QTest::newRow("any, not in parallel")
            << TestData::json(R"({"type": "any", "disable_parallel_tool_use": true})")
            << TestData::json(R"({"functionCallingConfig": {"mode": "ANY"}})")
            << QStringList { "tool_choice.disable_parallel_tool_use" };
        QTest::newRow("tool")
            << TestData::json(R"({"type": "tool", "name": "get_weather"})")
            << TestData::json(
                   R"({"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_weather"]}})")
            << QStringList();
        QTest::newRow("none") << TestData::json(R"({"type": "none"})")
                              << TestData::json(R"({"functionCallingConfig": {"mode": "NONE"}})")
                              << QStringList();
    }
    void translatesToolChoice()
    {
        QFETCH(QJsonObject, choice);
        QFETCH(QJsonObject, config);
        QFETCH(QStringList, dropped);
        QStringList actual;
        const QJsonObject body = translate(
            withMessages({ userSays("Hi") },
                { { "tool_choice", choice },
                    { "tools",
                        QJsonArray { TestData::json(
                            R"({"name": "get_weather", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}})") } } }),
            &actual);
        COMPARE_JSON(body.value("toolConfig"), config);
        QCOMPARE(actual, dropped);
    }

    void translatesGenerationSettingsAndThinking_data()
    {
        QTest::addColumn<QJsonObject>("thinking");
        QTest::addColumn<QJsonObject>("config");
        QTest::newRow("no thinking") << QJsonObject() << QJsonObject();
        QTest::newRow("enabled") << TestData::json(R"({"type": "enabled", "budget_tokens": 2048})")
                                 << TestData::json(
                                        R"({"thinkingBudget": 2048, "includeThoughts": true})");
        QTest::newRow("adaptive") << TestData::json(R"({"type": "adaptive"})")
                                  << TestData::json(
                                         R"({"thinkingBudget": -1, "includeThoughts": true})");
        QTest::newRow("disabled") << TestData::json(R"({"type": "disabled"})") << QJsonObject();
    }
    void translatesGenerationSettingsAndThinking()
    {
        QFETCH(QJsonObject, thinking);
        QFETCH(QJsonObject, config);
        QJsonObject fields = TestData::json(R"({"temperature": 0.2, "top_p": 0.9, "top_k": 40,
            "stop_sequences": ["END", "STOP"], "stream": true})");
        if (!thinking.isEmpty())
            fields.insert("thinking", thinking);
        QStringList dropped;
        const QJsonObject body = translate(withMessages({ userSays("Hi") }, fields), &dropped);
        QJsonObject expected
            = TestData::json(R"({"maxOutputTokens": 1024, "temperature": 0.2, "topP": 0.9,
            "topK": 40, "stopSequences": ["END", "STOP"]})");
        if (!config.isEmpty())
            expected.insert("thinkingConfig", config);
        COMPARE_JSON(body.value("generationConfig"), expected);
        QCOMPARE(body.contains("model"), false); // the model goes in the URL
        QCOMPARE(dropped, QStringList());
    }

    void recordsWhatGeminiDoesWithout()
    {
        const QJsonObject anthropic = withMessages(
            { userSays("Hi"), TestData::json(R"({"role": "assistant", "content": [
              {"type": "thinking", "thinking": "Hm.", "signature": "sig"},
              {"type": "redacted_thinking", "data": "xyz"},
              {"type": "text", "text": "Hello", "cache_control": {"type": "ephemeral"}}]})"),
                TestData::json(
                    R"({"role": "assistant", "content": [{"type": "thinking", "thinking": "Only this.", "signature": "s"}]})"),
                userSays("Bye") },
            TestData::json(R"({"metadata": {"user_id": "u-1"}, "context_management": {"edits": []},
                "service_tier": "auto", "container": "c-1", "mcp_servers": [],
                "speculative_option": true})"));
        QStringList dropped;
        const QJsonObject body = translate(anthropic, &dropped);
        COMPARE_JSON(body.value("contents"),
            TestData::json(R"({"contents": [
            {"role": "user", "parts": [{"text": "Hi"}]},
            {"role": "model", "parts": [{"text": "Hello"}]},
            {"role": "user", "parts": [{"text": "Bye"}]}]})")
                .value("contents"));
        QCOMPARE(dropped,
            (QStringList { "cache_control", "container", "context_management", "mcp_servers",
                "metadata", "service_tier", "speculative_option", "thinking" }));
    }

    void refusesWhatItCannotCarry_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no messages")
            << TestData::json(R"({"max_tokens": 5, "messages": []})") << QString("no messages");
        QTest::newRow("messages missing")
            << TestData::json(R"({"max_tokens": 5})") << QString("no messages");
        QTest::newRow("content a number")
            << withMessages({ TestData::json(R"({"role": "user", "content": 5})") })
            << QString("content");
        QTest::newRow("a block that is no object")
            << withMessages({ userSays(QJsonArray { "text" }) }) << QString("content");
        QTest::newRow("a system role")
            << withMessages({ TestData::json(R"({"role": "system", "content": "Hi"})") })
            << QString("role");
        QTest::newRow("an unknown block") << withMessages({ userSays(
            QJsonArray { TestData::json(R"({"type": "server_tool_use", "id": "s"})") }) })
                                          << QString("server_tool_use");
        QTest::newRow("an image file") << withMessages({ userSays(QJsonArray { TestData::json(
            R"({"type": "image", "source": {"type": "file", "file_id": "f-1"}})") }) })
                                       << QString("image");
        QTest::newRow("a PDF by URL") << withMessages({ userSays(QJsonArray { QJsonObject {
            { "type", "document" },
            { "source",
                QJsonObject { { "type", "url" }, { "url", "https://example.com/a.pdf" } } } } }) })
                                      << QString("document");
        QTest::newRow("a Word file") << withMessages({ userSays(QJsonArray { TestData::json(
            R"({"type": "document", "source": {"type": "base64", "media_type": "application/msword", "data": "0M8R"}})") }) })
                                     << QString("document");
        QTest::newRow("an image in a tool result")
            << withMessages({ TestData::json(R"({"role": "assistant", "content": [
                   {"type": "tool_use", "id": "toolu_1", "name": "shot", "input": {}}]})"),
                   userSays(QJsonArray {
                       TestData::json(R"({"type": "tool_result", "tool_use_id": "toolu_1",
                       "content": [{"type": "image", "source": {"type": "base64",
                         "media_type": "image/png", "data": "iVBO"}}]})") }) })
            << QString("image");
    }
    void refusesWhatItCannotCarry()
    {
        QFETCH(QJsonObject, request);
        QFETCH(QString, reason);
        const QString error = refusal(request);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    // ---- answers ----

    void translatesTheAnswer()
    {
        const QJsonObject message
            = answer(R"({"responseId": "r-1", "modelVersion": "gemini-2.5-pro",
            "candidates": [{"content": {"role": "model", "parts": [
              {"text": "Let me ", "thought": true},
              {"text": "think.", "thought": true, "thoughtSignature": "c2ln"},
              {"text": "Checking "}, {"text": "the weather."},
              {"functionCall": {"id": "fc-1", "name": "get_weather", "args": {"city": "Paris"}}},
              {"functionCall": {"name": "get_time"}}]},
              "finishReason": "STOP", "index": 0}],
            "usageMetadata": {"promptTokenCount": 100, "cachedContentTokenCount": 60,
              "candidatesTokenCount": 20, "thoughtsTokenCount": 15, "totalTokenCount": 135}})");
        const QString generatedId = message.value("content")[3]["id"].toString();
        QVERIFY2(
            generatedId.startsWith(u"toolu_") && generatedId.size() > 12, qPrintable(generatedId));
        QJsonObject expected
            = TestData::json(R"({"id": "msg_r-1", "type": "message", "role": "assistant",
            "model": "gemini-2.5-pro", "stop_reason": "tool_use", "stop_sequence": null,
            "content": [
              {"type": "thinking", "thinking": "Let me think.", "signature": "c2ln"},
              {"type": "text", "text": "Checking the weather."},
              {"type": "tool_use", "id": "toolu_fc-1", "name": "get_weather", "input": {"city": "Paris"}},
              {"type": "tool_use", "id": "GENERATED", "name": "get_time", "input": {}}],
            "usage": {"input_tokens": 40, "cache_read_input_tokens": 60, "output_tokens": 35}})");
        QJsonArray content = expected.value("content").toArray();
        QJsonObject generated = content.at(3).toObject();
        generated.insert("id", generatedId);
        content.replace(3, generated);
        expected.insert("content", content);
        COMPARE_JSON(message, expected);

        const QJsonObject unsigned_ = answer(R"({"candidates": [{"content": {"parts": [
            {"text": "Hm", "thought": true}]}, "finishReason": "STOP"}]})");
        COMPARE_JSON(unsigned_.value("content"),
            TestData::json(R"({"c": [{"type": "thinking", "thinking": "Hm", "signature": ""}]})")
                .value("c"));
        QVERIFY(unsigned_.value("id").toString().startsWith(u"msg_")); // a random one
        QVERIFY(unsigned_.value("id").toString().size() > 10);
    }

    void endsAnAnswerForItsReason_data()
    {
        QTest::addColumn<QString>("finishReason");
        QTest::addColumn<bool>("calledTools");
        QTest::addColumn<QString>("stopReason");
        const auto row
            = [](const char* name, const char* reason, bool calledTools, const char* stop) {
                  QTest::newRow(name) << QString(reason) << calledTools << QString(stop);
              };
        row("STOP", "STOP", false, "end_turn");
        row("STOP after tool calls", "STOP", true, "tool_use");
        row("MAX_TOKENS", "MAX_TOKENS", false, "max_tokens");
        row("MAX_TOKENS during a call", "MAX_TOKENS", true, "max_tokens");
        for (const char* reason :
            { "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" })
            row(reason, reason, false, "refusal");
        row("MALFORMED_FUNCTION_CALL", "MALFORMED_FUNCTION_CALL", false, "end_turn");
        row("OTHER", "OTHER", true, "end_turn");
        row("a reason yet unknown", "LANGUAGE", false, "end_turn");
    }
    void endsAnAnswerForItsReason()
    {
        QFETCH(QString, finishReason);
        QFETCH(bool, calledTools);
        QFETCH(QString, stopReason);
        QCOMPARE(AnthropicToGemini::stopReason(finishReason, calledTools), stopReason);
    }

    void translatesCutAndRefusedAnswers()
    {
        const QJsonObject cut
            = answer(R"({"responseId": "r-2", "candidates": [{"content": {"parts": [
            {"text": "Once upon"}]}, "finishReason": "MAX_TOKENS"}],
            "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 2}})");
        COMPARE_JSON(
            cut, TestData::json(R"({"id": "msg_r-2", "type": "message", "role": "assistant",
            "model": "gemini-2.5-pro", "stop_reason": "max_tokens", "stop_sequence": null,
            "content": [{"type": "text", "text": "Once upon"}],
            "usage": {"input_tokens": 5, "cache_read_input_tokens": 0, "output_tokens": 2}})"));
        const QJsonObject unsafe = answer(R"({"candidates": [{"finishReason": "SAFETY",
            "safetyRatings": [{"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "HIGH"}]}]})");
        QCOMPARE(unsafe.value("stop_reason").toString(), QStringLiteral("refusal"));
        COMPARE_JSON(unsafe.value("content"), QJsonArray());
        const QJsonObject blocked = answer(R"({"responseId": "r-3",
            "promptFeedback": {"blockReason": "PROHIBITED_CONTENT"},
            "usageMetadata": {"promptTokenCount": 7, "totalTokenCount": 7}})");
        COMPARE_JSON(
            blocked, TestData::json(R"({"id": "msg_r-3", "type": "message", "role": "assistant",
            "model": "gemini-2.5-pro", "stop_reason": "refusal", "stop_sequence": null,
            "content": [],
            "usage": {"input_tokens": 7, "cache_read_input_tokens": 0, "output_tokens": 0}})"));
    }

    void readsNothingFromAnUnreadableAnswer()
    {
        QVERIFY(!AnthropicToGemini::answer("not json", "m"));
        QVERIFY(!AnthropicToGemini::answer("[1, 2]", "m"));
        QVERIFY(!AnthropicToGemini::answer("", "m"));
        QVERIFY(!AnthropicToGemini::answer(R"({"candidates": [)", "m"));
    }

    void countsTokensAsTheRouterDoes()
    {
        const TokenUsage tokens
            = AnthropicToGemini::usage(TestData::json(R"({"promptTokenCount": 100,
            "cachedContentTokenCount": 60, "candidatesTokenCount": 20, "thoughtsTokenCount": 15,
            "totalTokenCount": 135})"));
        QCOMPARE(tokens,
            (TokenUsage { .prompt = 100, .completion = 35, .cached = 60, .reasoning = 15 }));
        QCOMPARE(AnthropicToGemini::usage({}), TokenUsage());
    }

    // ---- the stream ----

    void translatesTheStreamInPiecesOfAnySize_data()
    {
        QTest::addColumn<int>("pieceSize");
        for (int size : { 1, 2, 3, 7, 64, 100000 })
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }
    void translatesTheStreamInPiecesOfAnySize()
    {
        QFETCH(int, pieceSize);
        GeminiToAnthropicStream stream(QStringLiteral("gemini-2.5-flash-asked"));
        const QByteArray bytes = textAndToolStream();
        // All but the blank line that ends the last event: no finish reason read yet.
        QByteArray client = feedInPieces(stream, bytes.chopped(3), pieceSize);
        QVERIFY(stream.hasStarted());
        QVERIFY(!stream.isComplete());
        QVERIFY(!stream.isFinished());
        client += feedInPieces(stream, bytes.right(3), pieceSize);
        QVERIFY(stream.isComplete());
        QVERIFY(stream.isFinished());
        QCOMPARE(stream.closing(), QByteArray());
        QCOMPARE(stream.malformedEvents(), 0);
        QCOMPARE(stream.servedModel(), QStringLiteral("gemini-2.5-flash"));
        QCOMPARE(stream.usage(),
            (TokenUsage { .prompt = 12, .completion = 12, .cached = 4, .reasoning = 3 }));
        const QJsonObject toolStart { { "type", "content_block_start" }, { "index", 1 },
            { "content_block",
                QJsonObject { { "type", "tool_use" }, { "id", "toolu_call1" },
                    { "name", "get_weather" }, { "input", QJsonObject() } } } };
        const QJsonObject toolInput { { "type", "content_block_delta" }, { "index", 1 },
            { "delta",
                QJsonObject { { "type", "input_json_delta" },
                    { "partial_json", "{\"city\":\"Paris\"}" } } } };
        const QJsonArray expected {
            TestData::json(
                R"({"type": "message_start", "message": {"id": "msg_abc", "type": "message",
                "role": "assistant", "model": "gemini-2.5-flash", "content": [],
                "stop_reason": null, "stop_sequence": null,
                "usage": {"input_tokens": 8, "cache_read_input_tokens": 4, "output_tokens": 0}}})"),
            TestData::json(
                R"({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})"),
            TestData::json(
                R"({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hel"}})"),
            TestData::json(
                R"({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "lo"}})"),
            TestData::json(R"({"type": "content_block_stop", "index": 0})"),
            toolStart,
            toolInput,
            TestData::json(R"({"type": "content_block_stop", "index": 1})"),
            TestData::json(
                R"({"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": null},
                "usage": {"input_tokens": 8, "cache_read_input_tokens": 4, "output_tokens": 12}})"),
            TestData::json(R"({"type": "message_stop"})"),
        };
        COMPARE_JSON(asArray(events(client)), expected);
        stream.feed(sse(R"({"candidates": [{"content": {"parts": [{"text": "late"}]}}]})"));
        QCOMPARE(stream.takeClientBytes(), QByteArray()); // nothing after the end
    }

    void translatesThoughtsWithTheirSignature()
    {
        GeminiToAnthropicStream stream(QStringLiteral("gemini-2.5-pro"));
        stream.feed(sse(R"({"responseId": "t", "candidates": [{"content": {"parts": [
            {"text": "Let me ", "thought": true}]}}]})"));
        stream.feed(sse(R"({"responseId": "t", "candidates": [{"content": {"parts": [
            {"text": "think.", "thought": true, "thoughtSignature": "c2ln"},
            {"text": "Done."}]}}]})"));
        stream.feed(sse(R"({"responseId": "t", "candidates": [{"content": {"parts": [
            {"text": ""}]}, "finishReason": "STOP"}],
            "usageMetadata": {"promptTokenCount": 3, "candidatesTokenCount": 2, "thoughtsTokenCount": 4}})"));
        COMPARE_JSON(asArray(events(stream.takeClientBytes())),
            TestData::json(R"({"events": [
            {"type": "message_start", "message": {"id": "msg_t", "type": "message",
              "role": "assistant", "model": "gemini-2.5-pro", "content": [],
              "stop_reason": null, "stop_sequence": null,
              "usage": {"input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 0}}},
            {"type": "content_block_start", "index": 0,
              "content_block": {"type": "thinking", "thinking": "", "signature": ""}},
            {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "Let me "}},
            {"type": "content_block_delta", "index": 0, "delta": {"type": "thinking_delta", "thinking": "think."}},
            {"type": "content_block_delta", "index": 0, "delta": {"type": "signature_delta", "signature": "c2ln"}},
            {"type": "content_block_stop", "index": 0},
            {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}},
            {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Done."}},
            {"type": "content_block_stop", "index": 1},
            {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null},
              "usage": {"input_tokens": 3, "cache_read_input_tokens": 0, "output_tokens": 6}},
            {"type": "message_stop"}]})")
                .value("events"));
        QCOMPARE(stream.usage().reasoning, 4);
    }

    void anEmptyAnswerIsStillAWholeMessage()
    {
        GeminiToAnthropicStream stream(QStringLiteral("gemini-2.5-pro"));
        stream.feed(sse(R"({"candidates": [{"finishReason": "SAFETY"}]})"));
        QVERIFY(!stream.hasStarted()); // no content came
        QVERIFY(stream.isComplete());
        QStringList types;
        for (const QJsonObject& event : events(stream.takeClientBytes()))
            types.append(event.value("type").toString());
        QCOMPARE(types, (QStringList { "message_start", "message_delta", "message_stop" }));
    }

    void takesAnErrorChunkAsTheUpstreamsError()
    {
        GeminiToAnthropicStream stream(QStringLiteral("gemini-2.5-pro"));
        stream.feed(sse(R"({"candidates": [{"content": {"parts": [{"text": "Hi"}]}}]})"));
        stream.feed(sse(R"({"error": {"code": 429, "message": "Resource has been exhausted",
            "status": "RESOURCE_EXHAUSTED"}})")
            + sse(
                R"({"candidates": [{"content": {"parts": [{"text": "more"}]}, "finishReason": "STOP"}]})"));
        QVERIFY(stream.upstreamError());
        COMPARE_JSON(*stream.upstreamError(), TestData::json(R"({"code": 429,
            "message": "Resource has been exhausted", "status": "RESOURCE_EXHAUSTED"})"));
        QVERIFY(stream.upstreamError()->value("code").isDouble()); // a number, as it came
        QVERIFY(!stream.isComplete());
        QVERIFY(!stream.takeClientBytes().contains("more"));
        // Google's 429 in Anthropic's terms: a rate limit, as Anthropic itself would say it.
        COMPARE_JSON(
            TestData::json(
                stream.errorEvent(QStringLiteral("Upstream failed"), QStringLiteral("server_error"))
                    .split('\n')
                    .at(1)
                    .mid(6)),
            TestData::json(
                R"({"type": "error", "error": {"type": "rate_limit_error", "message": "Upstream failed"}})"));
        QVERIFY(stream.errorEvent(QStringLiteral("x"), QStringLiteral("y"))
                    .startsWith("event: error\n"));
    }

    void countsDataThatIsNoJsonAsMalformed()
    {
        GeminiToAnthropicStream stream(QStringLiteral("gemini-2.5-pro"));
        stream.feed("data: not json\r\n\r\n: a comment\r\n\r\ndata: [1]\r\n\r\n");
        QCOMPARE(stream.malformedEvents(), 2);
        QVERIFY(!stream.hasStarted());
        stream.feed(sse(
            R"({"candidates": [{"content": {"parts": [{"text": "Hi"}]}, "finishReason": "STOP"}]})"));
        QVERIFY(stream.isFinished());
        QVERIFY(stream.takeClientBytes().contains("\"text\":\"Hi\""));
    }

    // An OpenAI client on a Gemini key: Gemini → Anthropic → OpenAI chunks.
    void chainsToOpenAiChunks()
    {
        ChainedStreamTranslator stream(
            std::make_unique<GeminiToAnthropicStream>(QStringLiteral("gemini-2.5-flash")),
            std::make_unique<AnthropicToOpenAiStream>(true));
        const QByteArray bytes = textAndToolStream();
        QByteArray client = feedInPieces(stream, bytes, 5);
        QVERIFY(stream.hasStarted());
        QVERIFY(stream.isFinished());
        QCOMPARE(stream.usage().prompt, 12);
        client += stream.closing();
        QStringList seen;
        for (const QByteArray& line : client.split('\n')) {
            if (!line.startsWith("data: ") || line == "data: [DONE]")
                continue;
            const QJsonObject chunk = TestData::json(line.mid(6));
            QCOMPARE(chunk.value("object").toString(), QStringLiteral("chat.completion.chunk"));
            const QJsonValue choice = chunk.value("choices")[0];
            if (choice["delta"]["content"].isString())
                seen.append("text:" + choice["delta"]["content"].toString());
            if (choice["delta"]["tool_calls"].isArray())
                seen.append("call:" + choice["delta"]["tool_calls"][0]["id"].toString() + ":"
                    + choice["delta"]["tool_calls"][0]["function"]["name"].toString() + ":"
                    + choice["delta"]["tool_calls"][0]["function"]["arguments"].toString());
            if (choice["finish_reason"].isString())
                seen.append("finish:" + choice["finish_reason"].toString());
            if (chunk.value("usage").isObject())
                seen.append(QStringLiteral("usage:%1/%2")
                                .arg(chunk.value("usage")["prompt_tokens"].toInt())
                                .arg(chunk.value("usage")["completion_tokens"].toInt()));
        }
        QCOMPARE(seen,
            (QStringList { "text:Hel", "text:lo",
                "call:toolu_call1:get_weather:", "call:::" + QStringLiteral("{\"city\":\"Paris\"}"),
                "finish:tool_calls", "usage:12/12" }));
        QVERIFY(client.endsWith("data: [DONE]\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestGeminiTranslation)
#include "TestGeminiTranslation.moc"
