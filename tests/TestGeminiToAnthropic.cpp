#include "router/translate/GeminiToAnthropic.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Compared as compact text, so a failure shows both sides whole (QJsonObject sorts its keys).
#define COMPARE_JSON(actual, expected) QCOMPARE(compact(actual), compact(expected))

// A Gemini API request (as Gemini CLI and Google's SDKs send it) as an Anthropic Messages
// request, field by field, and the Anthropic answer and errors back in Gemini's shape.
class TestGeminiToAnthropic : public QObject
{
    Q_OBJECT

private:
    static QJsonArray jsonArray(const QByteArray& text)
    {
        return QJsonDocument::fromJson(text).array();
    }
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
        if (value.isArray())
            return compact(value.toArray());
        if (value.isObject())
            return compact(value.toObject());
        return QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    }
    static QJsonObject userSays(const QString& text)
    {
        return TestData::json(
            R"({"role": "user", "parts": [{"text": ")" + text.toUtf8() + R"("}]})");
    }
    // A request with one user turn and `fields` besides.
    static QJsonObject withFields(QJsonObject fields)
    {
        if (!fields.contains("contents"))
            fields.insert("contents", QJsonArray { userSays("Hi") });
        return fields;
    }
    static GeminiToAnthropic::Request translate(const QJsonObject& gemini)
    {
        const auto request = GeminiToAnthropic::request(gemini);
        if (!request) {
            qWarning() << request.failure().message;
            return {};
        }
        return *request;
    }
    static QJsonObject body(const QJsonObject& gemini) { return translate(gemini).body; }
    static QJsonObject geminiAnswer(const QByteArray& anthropic, bool includeThoughts = true)
    {
        return TestData::json(
            GeminiToAnthropic::answer(anthropic, "claude-sonnet-4-5", includeThoughts)
                .value_or("{}"));
    }
    static QJsonObject message(const QByteArray& content, const QByteArray& stopReason,
        const QByteArray& usage = R"({"input_tokens": 10, "output_tokens": 5})")
    {
        return TestData::json(
            R"({"id": "msg_01", "type": "message", "role": "assistant", "model": "m",
            "content": )"
            + content + R"(, "stop_reason": ")" + stopReason + R"(", "usage": )" + usage + "}");
    }

private slots:
    void systemAndTurns_data()
    {
        QTest::addColumn<QByteArray>("gemini");
        QTest::newRow("lowerCamel") << QByteArray(R"({
            "systemInstruction": {"role": "user", "parts": [{"text": "Be terse."}, {"text": "Be kind."}]},
            "contents": [
                {"role": "user", "parts": [{"text": "<session_context>"}]},
                {"role": "user", "parts": [{"text": "Hello"}]},
                {"role": "model", "parts": [{"text": "Hi."}, {"text": ""}]},
                {"parts": [{"text": "Bye"}]}]})");
        QTest::newRow("snake_case") << QByteArray(R"({
            "system_instruction": {"parts": [{"text": "Be terse."}, {"text": "Be kind."}]},
            "contents": [
                {"role": "user", "parts": [{"text": "<session_context>"}]},
                {"role": "user", "parts": [{"text": "Hello"}]},
                {"role": "model", "parts": [{"text": "Hi."}]},
                {"role": "user", "parts": [{"text": "Bye"}]}]})");
    }

    // The system instruction's parts become one system text; consecutive user contents (Gemini
    // CLI's classifier sends two) merge so that roles alternate; no role is the user's; empty
    // text parts, which Anthropic refuses, are left out.
    void systemAndTurns()
    {
        QFETCH(QByteArray, gemini);
        const GeminiToAnthropic::Request request = translate(TestData::json(gemini));
        COMPARE_JSON(request.body, TestData::json(R"({
            "system": "Be terse.\nBe kind.",
            "max_tokens": 4096,
            "messages": [
                {"role": "user", "content": [{"type": "text", "text": "<session_context>"},
                                             {"type": "text", "text": "Hello"}]},
                {"role": "assistant", "content": [{"type": "text", "text": "Hi."}]},
                {"role": "user", "content": [{"type": "text", "text": "Bye"}]}]})"));
        QCOMPARE(request.droppedFields, QStringList());
    }

    void media_data()
    {
        QTest::addColumn<QByteArray>("part");
        QTest::addColumn<QByteArray>("block");
        QTest::newRow("png inline")
            << QByteArray(R"({"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}})")
            << QByteArray(R"({"type": "image", "source": {"type": "base64",
                   "media_type": "image/png", "data": "iVBORw0KGgo="}})");
        QTest::newRow("snake_case jpeg")
            << QByteArray(R"({"inline_data": {"mime_type": "image/jpeg", "data": "/9j/"}})")
            << QByteArray(R"({"type": "image", "source": {"type": "base64",
                   "media_type": "image/jpeg", "data": "/9j/"}})");
        QTest::newRow("pdf inline")
            << QByteArray(R"({"inlineData": {"mimeType": "application/pdf", "data": "JVBERi0="}})")
            << QByteArray(R"({"type": "document", "source": {"type": "base64",
                   "media_type": "application/pdf", "data": "JVBERi0="}})");
        QTest::newRow("text inline")
            << QByteArray(R"({"inlineData": {"mimeType": "text/plain", "data": "aGVsbG8="}})")
            << QByteArray(R"({"type": "document", "source": {"type": "text",
                   "media_type": "text/plain", "data": "hello"}})");
        QTest::newRow("image on the web") << QByteArray(
            R"({"fileData": {"mimeType": "image/webp", "fileUri": "https:\/\/example.com/a.webp"}})")
                                          << QByteArray(R"({"type": "image", "source": {
                   "type": "url", "url": "https:\/\/example.com/a.webp"}})");
        QTest::newRow("pdf on the web, type by extension")
            << QByteArray(R"({"file_data": {"file_uri": "https:\/\/example.com/paper.pdf"}})")
            << QByteArray(R"({"type": "document", "source": {
                   "type": "url", "url": "https:\/\/example.com/paper.pdf"}})");
    }

    void media()
    {
        QFETCH(QByteArray, part);
        QFETCH(QByteArray, block);
        const QJsonObject translated = body(withFields({ { "contents",
            QJsonArray { QJsonObject {
                { "role", "user" }, { "parts", QJsonArray { TestData::json(part) } } } } } }));
        COMPARE_JSON(translated["messages"][0]["content"][0], TestData::json(block));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("gemini");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("saying");
        const int unsupported = int(FailureKind::Unsupported);
        const int invalid = int(FailureKind::InvalidInput);
        QTest::newRow("audio") << QByteArray(R"({"contents": [{"role": "user", "parts": [
                {"inlineData": {"mimeType": "audio/mp3", "data": "AAAA"}}]}]})")
                               << unsupported << "audio/mp3";
        QTest::newRow("Files API") << QByteArray(R"({"contents": [{"role": "user", "parts": [
                {"fileData": {"mimeType": "application/pdf",
                 "fileUri": "https:\/\/generativelanguage.googleapis.com/v1beta/files/abc"}}]}]})")
                                   << unsupported << "stored at Google";
        QTest::newRow("Cloud Storage") << QByteArray(R"({"contents": [{"role": "user", "parts": [
                {"fileData": {"mimeType": "image/png", "fileUri": "gs:\/\/bucket/a.png"}}]}]})")
                                       << unsupported << "stored at Google";
        QTest::newRow("video on the web") << QByteArray(R"({"contents": [{"parts": [
                {"fileData": {"mimeType": "video/mp4", "fileUri": "https:\/\/example.com/a.mp4"}}]}]})")
                                          << unsupported << "video/mp4";
        QTest::newRow("two candidates") << QByteArray(R"({"contents": [{"parts": [{"text": "Hi"}]}],
                   "generationConfig": {"candidateCount": 2}})")
                                        << unsupported << "candidateCount";
        QTest::newRow("context cache") << QByteArray(R"({"contents": [{"parts": [{"text": "Hi"}]}],
                   "cachedContent": "cachedContents/abc123"})")
                                       << unsupported << "cachedContent";
        QTest::newRow("context cache, snake_case")
            << QByteArray(R"({"contents": [{"parts": [{"text": "Hi"}]}],
                   "cached_content": "cachedContents/abc123"})")
            << unsupported << "cachedContent";
        QTest::newRow("system role")
            << QByteArray(R"({"contents": [{"role": "system", "parts": [{"text": "Hi"}]}]})")
            << invalid << "\"system\"";
        QTest::newRow("response to no call") << QByteArray(R"({"contents": [
                {"role": "user", "parts": [{"text": "Hi"}]},
                {"role": "model", "parts": [{"text": "Hello"}]},
                {"role": "user", "parts": [{"functionResponse": {"name": "ls", "response": {}}}]}]})")
                                             << invalid << "\"ls\"";
        QTest::newRow("no contents") << QByteArray(R"({"contents": []})") << invalid << "contents";
    }

    void refusals()
    {
        QFETCH(QByteArray, gemini);
        QFETCH(int, kind);
        QFETCH(QString, saying);
        const auto request = GeminiToAnthropic::request(TestData::json(gemini));
        QVERIFY(!request);
        QCOMPARE(int(request.failure().kind), kind);
        QVERIFY2(request.failure().message.contains(saying), qPrintable(request.failure().message));
    }

    void toolCallRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QByteArray>("messages");
        // Gemini CLI's ids when the server sent none, on the call and on its response.
        QTest::newRow("ids") << QByteArray(R"([
            {"role": "user", "parts": [{"text": "List"}]},
            {"role": "model", "parts": [{"text": "Let me look. "},
                {"functionCall": {"id": "list_directory_1796300250631_0", "args": {"dir_path": "."},
                                  "name": "list_directory"},
                 "thoughtSignature": "skip_thought_signature_validator"}]},
            {"role": "user", "parts": [{"functionResponse": {"name": "list_directory",
                "response": {"output": "hello.txt, 12 bytes"}, "id": "list_directory_1796300250631_0"}}]}])")
                             << QByteArray(R"([
            {"role": "user", "content": [{"type": "text", "text": "List"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "Let me look. "},
                {"type": "tool_use", "id": "list_directory_1796300250631_0", "name": "list_directory",
                 "input": {"dir_path": "."}}]},
            {"role": "user", "content": [{"type": "tool_result",
                "tool_use_id": "list_directory_1796300250631_0", "content": "hello.txt, 12 bytes"}]}])");
        // Without ids, each call gets its place; the responses take them by name and order,
        // whatever order they come in.
        QTest::newRow("no ids, parallel") << QByteArray(R"([
            {"role": "user", "parts": [{"text": "Read"}]},
            {"role": "model", "parts": [
                {"functionCall": {"name": "read_file", "args": {"path": "a"}}},
                {"functionCall": {"name": "grep", "args": {"q": "x"}}},
                {"functionCall": {"name": "read_file", "args": {"path": "b"}}}]},
            {"role": "user", "parts": [
                {"functionResponse": {"name": "grep", "response": {"output": "none"}}},
                {"functionResponse": {"name": "read_file", "response": {"output": "A"}}},
                {"functionResponse": {"name": "read_file", "response": {"output": "B"}}}]}])")
                                          << QByteArray(R"([
            {"role": "user", "content": [{"type": "text", "text": "Read"}]},
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "call_1_0", "name": "read_file", "input": {"path": "a"}},
                {"type": "tool_use", "id": "call_1_1", "name": "grep", "input": {"q": "x"}},
                {"type": "tool_use", "id": "call_1_2", "name": "read_file", "input": {"path": "b"}}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "call_1_1", "content": "none"},
                {"type": "tool_result", "tool_use_id": "call_1_0", "content": "A"},
                {"type": "tool_result", "tool_use_id": "call_1_2", "content": "B"}]}])");
        // Ids are cut to Anthropic's characters the same way on both sides; a response with an
        // id its call did not have still finds the call by name; the old "function" role is
        // the user's.
        QTest::newRow("odd ids") << QByteArray(R"([
            {"role": "user", "parts": [{"text": "Go"}]},
            {"role": "model", "parts": [
                {"functionCall": {"id": "call.1:a", "name": "a", "args": {}}},
                {"functionCall": {"name": "b"}}]},
            {"role": "function", "parts": [
                {"functionResponse": {"id": "call.1:a", "name": "a", "response": {"output": 1}}},
                {"functionResponse": {"id": "made_up", "name": "b", "response": {"error": "boom"}}}]}])")
                                 << QByteArray(R"([
            {"role": "user", "content": [{"type": "text", "text": "Go"}]},
            {"role": "assistant", "content": [
                {"type": "tool_use", "id": "call_1_a", "name": "a", "input": {}},
                {"type": "tool_use", "id": "call_1_1", "name": "b", "input": {}}]},
            {"role": "user", "content": [
                {"type": "tool_result", "tool_use_id": "call_1_a", "content": "1"},
                {"type": "tool_result", "tool_use_id": "call_1_1", "is_error": true,
                 "content": "boom"}]}])");
        // Responses answer the latest model turn only: the same name in an earlier turn does
        // not take the id of the call that is still open.
        QTest::newRow("no ids, two turns") << QByteArray(R"([
            {"role": "user", "parts": [{"text": "Go"}]},
            {"role": "model", "parts": [{"functionCall": {"name": "ls"}}]},
            {"role": "user", "parts": [{"functionResponse": {"name": "ls", "response": {"output": "1"}}}]},
            {"role": "model", "parts": [{"functionCall": {"name": "ls"}}]},
            {"role": "user", "parts": [{"functionResponse": {"name": "ls", "response": {"output": "2"}}}]}])")
                                           << QByteArray(R"([
            {"role": "user", "content": [{"type": "text", "text": "Go"}]},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "call_1_0", "name": "ls", "input": {}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "call_1_0", "content": "1"}]},
            {"role": "assistant", "content": [{"type": "tool_use", "id": "call_3_0", "name": "ls", "input": {}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "call_3_0", "content": "2"}]}])");
    }

    void toolCallRoundTrip()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QByteArray, messages);
        const GeminiToAnthropic::Request request
            = translate(QJsonObject { { "contents", jsonArray(contents) } });
        COMPARE_JSON(request.body["messages"], jsonArray(messages));
        QCOMPARE(request.droppedFields, QStringList());
    }

    // An answer's tool_use ids come back on its functionCalls, and the client's next request
    // pairs the response with the call through them.
    void answeredCallsPairThroughTheirIds()
    {
        const QJsonObject answered = geminiAnswer(compact(message(R"([
            {"type": "tool_use", "id": "toolu_01A", "name": "ls", "input": {"dir": "."}}])",
            "tool_use")));
        const QJsonObject call = answered["candidates"][0]["content"]["parts"][0].toObject();
        QCOMPARE(call["functionCall"]["id"].toString(), QStringLiteral("toolu_01A"));
        QJsonObject response = TestData::json(
            R"({"functionResponse": {"name": "ls", "response": {"output": "x"}}})");
        QJsonObject inner = response["functionResponse"].toObject();
        inner.insert("id", call["functionCall"]["id"]);
        response.insert("functionResponse", inner);
        const QJsonObject next = body({ { "contents",
            QJsonArray { userSays("ls"),
                QJsonObject { { "role", "model" }, { "parts", QJsonArray { call } } },
                QJsonObject { { "role", "user" }, { "parts", QJsonArray { response } } } } } });
        QCOMPARE(next["messages"][1]["content"][0]["id"].toString(), QStringLiteral("toolu_01A"));
        QCOMPARE(next["messages"][2]["content"][0]["tool_use_id"].toString(),
            QStringLiteral("toolu_01A"));
    }

    void toolResults_data()
    {
        QTest::addColumn<QByteArray>("functionResponse");
        QTest::addColumn<QByteArray>("toolResult");
        QTest::newRow("output object")
            << QByteArray(R"({"name": "w", "response": {"output": {"tempC": 21}}})")
            << QByteArray(R"({"type": "tool_result", "tool_use_id": "call_1_0",
                "content": "{\u0022tempC\u0022:21}"})");
        QTest::newRow("error") << QByteArray(
            R"({"name": "w", "response": {"error": "File not found"}})")
                               << QByteArray(R"({"type": "tool_result", "tool_use_id": "call_1_0",
                "is_error": true, "content": "File not found"})");
        QTest::newRow("whole object")
            << QByteArray(R"({"name": "w", "response": {"tempC": 21, "sky": "clear"}})")
            << QByteArray(
                   R"({"type": "tool_result", "tool_use_id": "call_1_0",
                "content": "{\u0022sky\u0022:\u0022clear\u0022,\u0022tempC\u0022:21}"})");
        QTest::newRow("with an image")
            << QByteArray(R"({"name": "w", "response": {"output": "a chart"},
                "parts": [{"inlineData": {"mimeType": "image/png", "data": "iVBO"}}]})")
            << QByteArray(R"({"type": "tool_result", "tool_use_id": "call_1_0",
                "content": [{"type": "text", "text": "a chart"},
                            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}}]})");
    }

    void toolResults()
    {
        QFETCH(QByteArray, functionResponse);
        QFETCH(QByteArray, toolResult);
        const QJsonObject translated = body({ { "contents",
            QJsonArray { userSays("Go"),
                TestData::json(R"({"role": "model", "parts": [{"functionCall": {"name": "w"}}]})"),
                QJsonObject { { "role", "user" },
                    { "parts",
                        QJsonArray { QJsonObject {
                            { "functionResponse", TestData::json(functionResponse) } } } } } } } });
        COMPARE_JSON(translated["messages"][2]["content"][0], TestData::json(toolResult));
    }

    // Google's OpenAPI schema (upper-case types, nullable, snake_case keywords) as JSON Schema;
    // a parametersJsonSchema as it is, but for Google's upper-case types.
    void tools()
    {
        const GeminiToAnthropic::Request request
            = translate(withFields(TestData::json(R"({"tools": [
            {"functionDeclarations": [
                {"name": "get_weather", "description": "Weather",
                 "parameters": {"type": "OBJECT", "propertyOrdering": ["city", "unit"],
                    "properties": {
                        "city": {"type": "STRING", "description": "City"},
                        "unit": {"type": "STRING", "format": "enum", "enum": ["C", "F"], "nullable": true},
                        "days": {"type": "ARRAY", "min_items": 1,
                                 "items": {"type": "INTEGER", "nullable": true}},
                        "near": {"any_of": [{"type": "STRING"}, {"type": "NUMBER"}], "nullable": true}},
                    "required": ["city"]}},
                {"name": "get_time",
                 "parametersJsonSchema": {"$schema": "draft-07",
                    "type": "object", "additionalProperties": false,
                    "properties": {"tz": {"type": "STRING", "enum": ["UTC"]},
                                   "type": {"type": "string"}}}},
                {"name": "ping"}]},
            {"googleSearch": {}}, {"code_execution": {}}, {"urlContext": {}}]})")));
        COMPARE_JSON(request.body["tools"], jsonArray(R"([
            {"name": "get_weather", "description": "Weather",
             "input_schema": {"type": "object",
                "properties": {
                    "city": {"type": "string", "description": "City"},
                    "unit": {"type": ["string", "null"], "enum": ["C", "F", null]},
                    "days": {"type": "array", "minItems": 1, "items": {"type": ["integer", "null"]}},
                    "near": {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}},
                "required": ["city"]}},
            {"name": "get_time",
             "input_schema": {"$schema": "draft-07",
                "type": "object", "additionalProperties": false,
                "properties": {"tz": {"type": "string", "enum": ["UTC"]},
                               "type": {"type": "string"}}}},
            {"name": "ping", "input_schema": {"type": "object"}}])"));
        QCOMPARE(request.droppedFields,
            QStringList(
                { "tools.codeExecution", "tools.functionDeclarations.parameters.propertyOrdering",
                    "tools.googleSearch", "tools.urlContext" }));
        QVERIFY(!request.body.contains("tool_choice"));
    }

    void toolChoice_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QByteArray>("choice"); // "{}" for none
        QTest::addColumn<QStringList>("offered");
        const QStringList all { "a", "b", "c" };
        QTest::newRow("AUTO") << QByteArray(R"({"mode": "AUTO"})") << QByteArray("{}") << all;
        QTest::newRow("VALIDATED")
            << QByteArray(R"({"mode": "VALIDATED"})") << QByteArray("{}") << all;
        QTest::newRow("ANY") << QByteArray(R"({"mode": "ANY"})") << QByteArray(R"({"type": "any"})")
                             << all;
        QTest::newRow("ANY of one")
            << QByteArray(R"({"mode": "ANY", "allowedFunctionNames": ["b"]})")
            << QByteArray(R"({"type": "tool", "name": "b"})") << all;
        QTest::newRow("ANY of two")
            << QByteArray(R"({"mode": "ANY", "allowed_function_names": ["a", "c"]})")
            << QByteArray(R"({"type": "any"})") << QStringList { "a", "c" };
        QTest::newRow("NONE") << QByteArray(R"({"mode": "NONE"})")
                              << QByteArray(R"({"type": "none"})") << all;
    }

    void toolChoice()
    {
        QFETCH(QByteArray, config);
        QFETCH(QByteArray, choice);
        QFETCH(QStringList, offered);
        const QJsonObject translated = body(withFields(
            { { "tools",
                  jsonArray(
                      R"([{"functionDeclarations": [{"name": "a"}, {"name": "b"}, {"name": "c"}]}])") },
                { "tool_config",
                    QJsonObject { { "function_calling_config", TestData::json(config) } } } }));
        COMPARE_JSON(translated["tool_choice"].toObject(), TestData::json(choice));
        QStringList names;
        for (const QJsonValue& tool : translated["tools"].toArray())
            names.append(tool["name"].toString());
        QCOMPARE(names, offered);
    }

    void generationConfig_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QByteArray>("expected"); // the body's fields besides messages
        QTest::addColumn<QStringList>("dropped");
        QTest::newRow("sampling") << QByteArray(R"({"temperature": 0.5, "topP": 0.9, "topK": 40,
                "maxOutputTokens": 2048, "stopSequences": ["\n\nUser:"], "candidateCount": 1})")
                                  << QByteArray(R"({"temperature": 0.5, "top_k": 40,
                "max_tokens": 2048, "stop_sequences": ["\n\nUser:"]})")
                                  << QStringList { "generationConfig.topP" };
        QTest::newRow("snake_case, temperature above 1")
            << QByteArray(R"({"temperature": 1.5, "top_p": 0.9, "top_k": 40,
                "max_output_tokens": 100, "stop_sequences": ["X"]})")
            << QByteArray(R"({"temperature": 1, "top_k": 40,
                "max_tokens": 100, "stop_sequences": ["X"]})")
            << QStringList { "generationConfig.topP" };
        QTest::newRow("no max") << QByteArray("{}") << QByteArray(R"({"max_tokens": 4096})")
                                << QStringList();
        QTest::newRow("JSON mode")
            << QByteArray(R"({"responseMimeType": "application/json",
                "responseJsonSchema": {"type": "OBJECT"}, "seed": 7, "presencePenalty": 0.1})")
            << QByteArray(R"({"max_tokens": 4096})")
            << QStringList { "generationConfig.presencePenalty",
                   "generationConfig.responseJsonSchema", "generationConfig.responseMimeType",
                   "generationConfig.seed" };
        QTest::newRow("plain text mode") << QByteArray(R"({"response_mime_type": "text/plain",
                "response_schema": {"type": "STRING"}})")
                                         << QByteArray(R"({"max_tokens": 4096})")
                                         << QStringList { "generationConfig.responseSchema" };
    }

    void generationConfig()
    {
        QFETCH(QByteArray, config);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, dropped);
        GeminiToAnthropic::Request request
            = translate(withFields({ { "generationConfig", TestData::json(config) } }));
        request.body.remove("messages");
        COMPARE_JSON(request.body, TestData::json(expected));
        QCOMPARE(request.droppedFields, dropped);
    }

    void thinking_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QByteArray>("expected"); // the body's fields besides messages and tools
        QTest::addColumn<QStringList>("dropped");
        QTest::newRow("budget") << QByteArray(R"({"maxOutputTokens": 10000,
                "thinkingConfig": {"thinkingBudget": 2048, "includeThoughts": true}})")
                                << QByteArray(R"({"max_tokens": 10000,
                "thinking": {"type": "enabled", "budget_tokens": 2048}})")
                                << QStringList();
        QTest::newRow("budget below Anthropic's least")
            << QByteArray(
                   R"({"maxOutputTokens": 10000, "thinking_config": {"thinking_budget": 128}})")
            << QByteArray(
                   R"({"max_tokens": 10000, "thinking": {"type": "enabled", "budget_tokens": 1024}})")
            << QStringList();
        QTest::newRow("budget 0: off")
            << QByteArray(R"({"thinkingConfig": {"thinkingBudget": 0, "includeThoughts": true}})")
            << QByteArray(R"({"max_tokens": 4096})") << QStringList();
        QTest::newRow("dynamic, no max: room for the answer")
            << QByteArray(R"({"thinkingConfig": {"thinkingBudget": -1}})")
            << QByteArray(
                   R"({"max_tokens": 12288, "thinking": {"type": "enabled", "budget_tokens": 8192}})")
            << QStringList();
        QTest::newRow("thoughts asked for, no budget")
            << QByteArray(
                   R"({"maxOutputTokens": 20000, "thinkingConfig": {"includeThoughts": true}})")
            << QByteArray(
                   R"({"max_tokens": 20000, "thinking": {"type": "enabled", "budget_tokens": 8192}})")
            << QStringList();
        QTest::newRow("level HIGH (Gemini CLI), its sampling")
            << QByteArray(R"({"temperature": 1, "topP": 0.95, "topK": 64,
                   "thinkingConfig": {"includeThoughts": true, "thinkingLevel": "HIGH"}})")
            << QByteArray(R"({"max_tokens": 20480, "temperature": 1,
                   "thinking": {"type": "enabled", "budget_tokens": 16384}})")
            << QStringList { "generationConfig.topK", "generationConfig.topP" };
        QTest::newRow("level LOW, sampling thinking refuses")
            << QByteArray(R"({"maxOutputTokens": 8000, "temperature": 0.2, "topP": 0.5,
                   "thinkingConfig": {"thinkingLevel": "low"}})")
            << QByteArray(
                   R"({"max_tokens": 8000, "thinking": {"type": "enabled", "budget_tokens": 4096}})")
            << QStringList { "generationConfig.temperature", "generationConfig.topP" };
        QTest::newRow("level MINIMAL")
            << QByteArray(
                   R"({"maxOutputTokens": 8000, "thinkingConfig": {"thinkingLevel": "MINIMAL"}})")
            << QByteArray(
                   R"({"max_tokens": 8000, "thinking": {"type": "enabled", "budget_tokens": 1024}})")
            << QStringList();
        QTest::newRow("budget beyond the max")
            << QByteArray(
                   R"({"maxOutputTokens": 3000, "thinkingConfig": {"thinkingBudget": 8192}})")
            << QByteArray(
                   R"({"max_tokens": 3000, "thinking": {"type": "enabled", "budget_tokens": 2999}})")
            << QStringList();
        QTest::newRow("no room to think")
            << QByteArray(R"({"maxOutputTokens": 500, "thinkingConfig": {"thinkingBudget": 8192}})")
            << QByteArray(R"({"max_tokens": 500})")
            << QStringList { "generationConfig.thinkingConfig" };
    }

    void thinking()
    {
        QFETCH(QByteArray, config);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, dropped);
        GeminiToAnthropic::Request request
            = translate(withFields({ { "generationConfig", TestData::json(config) } }));
        request.body.remove("messages");
        COMPARE_JSON(request.body, TestData::json(expected));
        QCOMPARE(request.droppedFields, dropped);
    }

    // Anthropic refuses thinking while a tool is forced: the tool choice wins.
    void thinkingGivesWayToForcedTools()
    {
        const GeminiToAnthropic::Request request = translate(withFields(TestData::json(R"({
            "tools": [{"functionDeclarations": [{"name": "a"}]}],
            "toolConfig": {"functionCallingConfig": {"mode": "ANY"}},
            "generationConfig": {"thinkingConfig": {"thinkingBudget": 2048}}})")));
        QVERIFY(!request.body.contains("thinking"));
        QCOMPARE(request.body["max_tokens"].toInt(), 4096);
        QCOMPARE(request.droppedFields, QStringList { "generationConfig.thinkingConfig" });
    }

    void thinkingLevels()
    {
        QCOMPARE(GeminiToAnthropic::thinkingBudget("MINIMAL"), 1024);
        QCOMPARE(GeminiToAnthropic::thinkingBudget("LOW"), 4096);
        QCOMPARE(GeminiToAnthropic::thinkingBudget("MEDIUM"), 8192);
        QCOMPARE(GeminiToAnthropic::thinkingBudget("high"), 16384);
        QCOMPARE(GeminiToAnthropic::thinkingBudget("XHIGH"), 32768);
        QCOMPARE(GeminiToAnthropic::thinkingBudget("THINKING_LEVEL_UNSPECIFIED"), 8192);
    }

    // Thoughts, signatures (but Gemini CLI's placeholder), Google's settings and labels, the
    // code Google ran: each named once, in the client's terms.
    void droppedFields()
    {
        const GeminiToAnthropic::Request request = translate(TestData::json(R"({
            "contents": [
                {"role": "user", "parts": [{"text": "Hi"}]},
                {"role": "model", "parts": [
                    {"text": "**Planning**", "thought": true},
                    {"text": "Hello.", "thoughtSignature": "Ep8CAcv"},
                    {"text": "", "thought_signature": "U0lH"},
                    {"functionCall": {"name": "f"}, "thoughtSignature": "skip_thought_signature_validator"},
                    {"executableCode": {"language": "PYTHON", "code": "print 1"}},
                    {"codeExecutionResult": {"outcome": "OUTCOME_OK", "output": "1"}}]},
                {"role": "user", "parts": [{"functionResponse": {"name": "f", "response": {}}}]}],
            "safetySettings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_NONE"}],
            "labels": {"team": "a"}})"));
        QCOMPARE(request.droppedFields,
            QStringList({ "contents.parts.codeExecutionResult", "contents.parts.executableCode",
                "contents.parts.thought", "contents.parts.thoughtSignature", "labels",
                "safetySettings" }));
        COMPARE_JSON(request.body["messages"][1]["content"], jsonArray(R"([
            {"type": "text", "text": "Hello."},
            {"type": "tool_use", "id": "call_1_3", "name": "f", "input": {}}])"));
        QCOMPARE(
            request.body["messages"][2]["content"][0]["content"].toString(), QStringLiteral("{}"));
    }

    // Gemini CLI 0.61's main request after a tool round trip (research notes §7.4, §7.7),
    // trimmed: its system prompt, a tool with parametersJsonSchema, thinking level HIGH. (Its
    // first turn's generationConfig is thinking's "level HIGH (Gemini CLI)" row.)
    void geminiCliRequest()
    {
        const GeminiToAnthropic::Request request = translate(TestData::json(R"({
  "contents": [
    {"role": "user", "parts": [
      {"text": "<session_context>\nThis is the Gemini CLI.\nMy operating system is: linux\n</session_context>"},
      {"text": "List the files"}]},
    {"role": "model", "parts": [
      {"text": "Let me look. "},
      {"functionCall": {"id": "list_directory_1796300250631_0", "args": {"dir_path": "."}, "name": "list_directory"},
       "thoughtSignature": "skip_thought_signature_validator"}]},
    {"role": "user", "parts": [
      {"functionResponse": {"name": "list_directory",
        "response": {"output": "Directory listing for /tmp/work:\nhello.txt, 12 bytes"},
        "id": "list_directory_1796300250631_0"}}]}],
  "systemInstruction": {"role": "user", "parts": [{"text": "You are Gemini CLI, an autonomous CLI agent."}]},
  "tools": [{"functionDeclarations": [
    {"name": "list_directory", "description": "Lists the names of files.",
     "parametersJsonSchema": {"type": "object",
       "properties": {"dir_path": {"type": "string", "description": "The path."},
                      "ignore": {"type": "array", "items": {"type": "string"}}},
       "required": ["dir_path"]}}]}],
  "generationConfig": {"temperature": 1, "topP": 0.95, "topK": 64,
                       "thinkingConfig": {"includeThoughts": true, "thinkingLevel": "HIGH"}}})"));
        COMPARE_JSON(request.body, TestData::json(R"({
  "system": "You are Gemini CLI, an autonomous CLI agent.",
  "messages": [
    {"role": "user", "content": [
      {"type": "text", "text": "<session_context>\nThis is the Gemini CLI.\nMy operating system is: linux\n</session_context>"},
      {"type": "text", "text": "List the files"}]},
    {"role": "assistant", "content": [
      {"type": "text", "text": "Let me look. "},
      {"type": "tool_use", "id": "list_directory_1796300250631_0", "name": "list_directory",
       "input": {"dir_path": "."}}]},
    {"role": "user", "content": [
      {"type": "tool_result", "tool_use_id": "list_directory_1796300250631_0",
       "content": "Directory listing for /tmp/work:\nhello.txt, 12 bytes"}]}],
  "tools": [
    {"name": "list_directory", "description": "Lists the names of files.",
     "input_schema": {"type": "object",
       "properties": {"dir_path": {"type": "string", "description": "The path."},
                      "ignore": {"type": "array", "items": {"type": "string"}}},
       "required": ["dir_path"]}}],
  "max_tokens": 4096, "temperature": 1, "top_k": 64})"));
        // Anthropic wants the thinking that led to the call back with its result, which the
        // client has only as Google's signature: this turn goes without thinking. Claude's
        // models since Opus 4.1 refuse temperature and top_p together.
        QCOMPARE(request.droppedFields,
            (QStringList { "generationConfig.thinkingConfig", "generationConfig.topP" }));
    }

    void includesThoughts()
    {
        QVERIFY(GeminiToAnthropic::includesThoughts(TestData::json(
            R"({"generationConfig": {"thinkingConfig": {"includeThoughts": true}}})")));
        QVERIFY(GeminiToAnthropic::includesThoughts(TestData::json(
            R"({"generation_config": {"thinking_config": {"include_thoughts": true}}})")));
        QVERIFY(!GeminiToAnthropic::includesThoughts(TestData::json(
            R"({"generationConfig": {"thinkingConfig": {"thinkingBudget": 1024}}})")));
    }

    void answer_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("stopReason");
        QTest::addColumn<bool>("includeThoughts");
        QTest::addColumn<QByteArray>("parts"); // "null" for none
        QTest::addColumn<QString>("finishReason");
        QTest::newRow("text") << QByteArray(R"([{"type": "text", "text": "Hello!"}])")
                              << QByteArray("end_turn") << true
                              << QByteArray(R"([{"text": "Hello!"}])") << "STOP";
        QTest::newRow("stop sequence")
            << QByteArray(R"([{"type": "text", "text": "Hel"}])") << QByteArray("stop_sequence")
            << true << QByteArray(R"([{"text": "Hel"}])") << "STOP";
        QTest::newRow("thinking, then a call")
            << QByteArray(R"([{"type": "thinking", "thinking": "Plan.", "signature": "sig"},
                   {"type": "redacted_thinking", "data": "x"},
                   {"type": "text", "text": "Let me look."},
                   {"type": "tool_use", "id": "toolu_1", "name": "ls", "input": {"dir": "."}},
                   {"type": "tool_use", "id": "toolu_2", "name": "pwd", "input": {}}])")
            << QByteArray("tool_use") << true
            << QByteArray(R"([{"text": "Plan.", "thought": true}, {"text": "Let me look."},
                   {"functionCall": {"id": "toolu_1", "name": "ls", "args": {"dir": "."}}},
                   {"functionCall": {"id": "toolu_2", "name": "pwd", "args": {}}}])")
            << "STOP";
        QTest::newRow("thoughts not asked for")
            << QByteArray(R"([{"type": "thinking", "thinking": "Plan.", "signature": "sig"},
                   {"type": "text", "text": "Hi"}])")
            << QByteArray("end_turn") << false << QByteArray(R"([{"text": "Hi"}])") << "STOP";
        QTest::newRow("cut short")
            << QByteArray(R"([{"type": "text", "text": "Once upon"}])") << QByteArray("max_tokens")
            << true << QByteArray(R"([{"text": "Once upon"}])") << "MAX_TOKENS";
        QTest::newRow("refusal") << QByteArray("[]") << QByteArray("refusal") << true
                                 << QByteArray("null") << "SAFETY";
    }

    void answer()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, stopReason);
        QFETCH(bool, includeThoughts);
        QFETCH(QByteArray, parts);
        QFETCH(QString, finishReason);
        const QJsonObject response
            = geminiAnswer(compact(message(content, stopReason)), includeThoughts);
        const QJsonObject candidate = response["candidates"][0].toObject();
        QCOMPARE(response["candidates"].toArray().size(), 1);
        QCOMPARE(candidate["content"]["role"].toString(), QStringLiteral("model"));
        if (parts == "null")
            QVERIFY(!candidate["content"].toObject().contains("parts"));
        else
            COMPARE_JSON(candidate["content"]["parts"], jsonArray(parts));
        QCOMPARE(candidate["finishReason"].toString(), finishReason);
        QCOMPARE(candidate["index"].toInt(-1), 0);
        QCOMPARE(response["modelVersion"].toString(), QStringLiteral("claude-sonnet-4-5"));
        QCOMPARE(response["responseId"].toString(), QStringLiteral("msg_01"));
    }

    void answerUsage_data()
    {
        QTest::addColumn<QByteArray>("usage");
        QTest::addColumn<QByteArray>("usageMetadata");
        QTest::newRow("plain") << QByteArray(R"({"input_tokens": 10, "output_tokens": 5})")
                               << QByteArray(R"({"promptTokenCount": 10, "candidatesTokenCount": 5,
                "totalTokenCount": 15})");
        // Gemini's prompt count includes what was read from the cache and written to it.
        QTest::newRow("cached") << QByteArray(R"({"input_tokens": 10, "output_tokens": 5,
                "cache_read_input_tokens": 100, "cache_creation_input_tokens": 20})")
                                << QByteArray(
                                       R"({"promptTokenCount": 130, "candidatesTokenCount": 5,
                "totalTokenCount": 135, "cachedContentTokenCount": 100})");
    }

    void answerUsage()
    {
        QFETCH(QByteArray, usage);
        QFETCH(QByteArray, usageMetadata);
        const QJsonObject response = geminiAnswer(
            compact(message(R"([{"type": "text", "text": "Hi"}])", "end_turn", usage)));
        COMPARE_JSON(response["usageMetadata"], TestData::json(usageMetadata));
    }

    // Thoughts counted apart (when a source knows them) are not candidates at Gemini.
    void usageWithThoughts()
    {
        COMPARE_JSON(GeminiToAnthropic::usageMetadata(
                         { .prompt = 83, .completion = 118, .cached = 0, .reasoning = 104 }),
            TestData::json(R"({"promptTokenCount": 83, "candidatesTokenCount": 14,
                "thoughtsTokenCount": 104, "totalTokenCount": 201})"));
    }

    void unreadableAnswer()
    {
        QVERIFY(!GeminiToAnthropic::answer("not json", "m"));
        QVERIFY(!GeminiToAnthropic::answer(R"({"type": "error", "error": {}})", "m"));
    }

    void error_data()
    {
        QTest::addColumn<QByteArray>("anthropic");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("message");
        const auto anthropicError = [](const char* type, const char* message) {
            const QJsonObject error { { "type", "error" },
                { "error", QJsonObject { { "type", type }, { "message", message } } } };
            return QJsonDocument(error).toJson();
        };
        QTest::newRow("invalid") << anthropicError("invalid_request_error", "prompt is too long")
                                 << 400 << "INVALID_ARGUMENT"
                                 << "prompt is too long";
        QTest::newRow("too large")
            << anthropicError("request_too_large", "big") << 400 << "INVALID_ARGUMENT"
            << "big";
        QTest::newRow("auth") << anthropicError("authentication_error", "bad key") << 401
                              << "UNAUTHENTICATED"
                              << "bad key";
        QTest::newRow("permission")
            << anthropicError("permission_error", "no") << 403 << "PERMISSION_DENIED"
            << "no";
        QTest::newRow("not found")
            << anthropicError("not_found_error", "model") << 404 << "NOT_FOUND"
            << "model";
        QTest::newRow("rate limit")
            << anthropicError("rate_limit_error", "slow down") << 429 << "RESOURCE_EXHAUSTED"
            << "slow down";
        QTest::newRow("overloaded")
            << anthropicError("overloaded_error", "Overloaded") << 503 << "UNAVAILABLE"
            << "Overloaded";
        QTest::newRow("api") << anthropicError("api_error", "oops") << 500 << "INTERNAL"
                             << "oops";
        QTest::newRow("not JSON") << QByteArray("<html>Bad gateway</html>") << 500 << "INTERNAL"
                                  << "<html>Bad gateway</html>";
    }

    void error()
    {
        QFETCH(QByteArray, anthropic);
        QFETCH(int, code);
        QFETCH(QString, status);
        QFETCH(QString, message);
        const QJsonObject google = TestData::json(GeminiToAnthropic::error(anthropic));
        QCOMPARE(google.keys(), QStringList { "error" });
        QCOMPARE(google["error"]["code"].toInt(), code);
        QCOMPARE(google["error"]["status"].toString(), status);
        QCOMPARE(google["error"]["message"].toString(), message);
    }
};

QTEST_GUILESS_MAIN(TestGeminiToAnthropic)
#include "TestGeminiToAnthropic.moc"
