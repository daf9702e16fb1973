#include "router/records/RequestRecordJson.h"
#include "tests/support/GeminiWire.h"
#include "tests/support/RouterHarness.h"
#include "tests/support/UpstreamKinds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Behaviour = FakeProvider::Behaviour;

// The OpenAI Responses API and the Gemini API as Keyway's clients speak them, through every
// kind of upstream: passed through to the providers that speak them (OpenAI's and Azure's keys,
// Google's Gemini models), translated by way of Anthropic's format to every other. Whole and
// streamed answers, tool calls, failover, a broken stream, and errors in the client's shape.
class TestInboundProtocols : public QObject
{
    Q_OBJECT

private:
    enum class Client { Responses, Gemini, GeminiArray };

    UpstreamKinds m_kinds; // the keys of every kind of upstream

    static QJsonObject weatherFunction()
    {
        return { { "name", "get_weather" }, { "description", "The weather in a city" },
            { "parameters",
                QJsonObject { { "type", "object" },
                    { "properties",
                        QJsonObject { { "city", QJsonObject { { "type", "string" } } } } },
                    { "required", QJsonArray { "city" } } } } };
    }
    static QJsonObject responsesRequest(const QString& model, bool stream, bool withTool = false)
    {
        QJsonObject request { { "model", model }, { "stream", stream }, { "store", false },
            { "instructions", "Be brief." },
            { "input",
                QJsonArray { QJsonObject { { "role", "user" },
                    { "content",
                        QJsonArray {
                            QJsonObject { { "type", "input_text" }, { "text", "Hi" } } } } } } } };
        if (withTool) {
            QJsonObject tool = weatherFunction();
            tool.insert("type", "function");
            request.insert("tools", QJsonArray { tool });
        }
        return request;
    }
    static QJsonObject geminiRequest(bool withTool = false)
    {
        QJsonObject request { { "systemInstruction",
                                  QJsonObject { { "parts",
                                      QJsonArray { QJsonObject { { "text", "Be brief." } } } } } },
            { "contents",
                QJsonArray { QJsonObject { { "role", "user" },
                    { "parts", QJsonArray { QJsonObject { { "text", "Hi" } } } } } } } };
        if (withTool) {
            request.insert("tools",
                QJsonArray {
                    QJsonObject { { "functionDeclarations", QJsonArray { weatherFunction() } } } });
        }
        return request;
    }
    static QString geminiPath(const QString& model, Client client, bool stream)
    {
        if (!stream)
            return QStringLiteral("/v1beta/models/%1:generateContent").arg(model);
        return QStringLiteral("/v1beta/models/%1:streamGenerateContent%2")
            .arg(model, client == Client::GeminiArray ? QString() : QStringLiteral("?alt=sse"));
    }

    static RouterHarness::Response ask(
        RouterHarness& h, Client client, const QString& model, bool stream, bool withTool = false)
    {
        if (client == Client::Responses)
            return h.post(
                QStringLiteral("/v1/responses"), responsesRequest(model, stream, withTool));
        // Gemini's clients present the key as Google's SDKs do.
        return h.post(geminiPath(model, client, stream), geminiRequest(withTool), {},
            { { "x-goog-api-key", RouterHarness::token() } });
    }

    // A Gemini answer's chunks: the whole answer, the SSE events, or the JSON array's elements.
    static QList<QJsonObject> geminiChunks(
        const RouterHarness::Response& response, Client client, bool stream)
    {
        QList<QJsonObject> chunks;
        if (!stream) {
            chunks.append(QJsonDocument::fromJson(response.body).object());
        } else if (client == Client::GeminiArray) {
            for (const QJsonValue& chunk : QJsonDocument::fromJson(response.body).array())
                chunks.append(chunk.toObject());
        } else {
            for (const QByteArray& event : response.events())
                chunks.append(QJsonDocument::fromJson(event).object());
        }
        return chunks;
    }
    // The Responses API's events of a streamed answer, each with its type.
    static QList<QJsonObject> responsesEvents(const RouterHarness::Response& response)
    {
        QList<QJsonObject> events;
        for (const QByteArray& event : response.events())
            events.append(QJsonDocument::fromJson(event).object());
        return events;
    }
    // The final Responses object: the answer, or the response of response.completed.
    static QJsonObject finalResponse(const RouterHarness::Response& response, bool stream)
    {
        if (!stream)
            return QJsonDocument::fromJson(response.body).object();
        for (const QJsonObject& event : responsesEvents(response)) {
            if (event["type"].toString() == u"response.completed")
                return event["response"].toObject();
        }
        return {};
    }

    // The answer's text, as the client reads it.
    static QString textOf(const RouterHarness::Response& response, Client client, bool stream)
    {
        QString text;
        if (client == Client::Responses) {
            if (stream) {
                for (const QJsonObject& event : responsesEvents(response)) {
                    if (event["type"].toString() == u"response.output_text.delta")
                        text += event["delta"].toString();
                }
                return text;
            }
            for (const QJsonValue& item : response.json()["output"].toArray()) {
                if (item["type"].toString() == u"message")
                    text += item["content"][0]["text"].toString();
            }
            return text;
        }
        for (const QJsonObject& chunk : geminiChunks(response, client, stream)) {
            for (const QJsonValue& part : chunk["candidates"][0]["content"]["parts"].toArray()) {
                if (!part["thought"].toBool())
                    text += part["text"].toString();
            }
        }
        return text;
    }

    static void addClientRows(const QStringList& kinds)
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("client");
        QTest::addColumn<bool>("stream");
        for (const QString& kind : kinds) {
            for (const auto& [name, client] : { std::pair { "responses", Client::Responses },
                     std::pair { "gemini", Client::Gemini },
                     std::pair { "gemini array", Client::GeminiArray } }) {
                for (const bool stream : { false, true }) {
                    if (client == Client::GeminiArray && !stream)
                        continue; // the same whole answer as Client::Gemini's
                    QTest::addRow("%s, %s%s", qPrintable(kind), name, stream ? ", streamed" : "")
                        << kind << int(client) << stream;
                }
            }
        }
    }

private slots:
    void answersThroughEveryUpstream_data() { addClientRows(UpstreamKinds::names()); }
    void answersThroughEveryUpstream()
    {
        QFETCH(QString, kind);
        QFETCH(int, client);
        QFETCH(bool, stream);
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, kind, QStringLiteral("Only")) });
        const UpstreamKinds::Upstream upstream = UpstreamKinds::of(kind);
        const auto response = ask(h, Client(client), upstream.model, stream);
        QVERIFY2(response.status == 200, response.body.constData());
        QCOMPARE(textOf(response, Client(client), stream), QStringLiteral("Hello from the fake."));

        // The provider was asked in its own format, streamed (the router streams every chat):
        // OpenAI's own keys speak the Responses API, and take a Gemini client's chat completions.
        const FakeProvider::Attempt attempt = h.fake().attempts().constLast();
        QCOMPARE(attempt.path,
            kind == u"openai" && Client(client) != Client::Responses
                ? QByteArray("/v1/chat/completions")
                : upstream.path);
        const RequestRecord record = h.lastFinished();
        QCOMPARE(record.status, 200);
        QCOMPARE(record.attempts.size(), 1);
        QVERIFY2(record.usage.completion > 0, qPrintable(kind));

        if (Client(client) == Client::Responses) {
            const QJsonObject answer = finalResponse(response, stream);
            QCOMPARE(answer["object"].toString(), QStringLiteral("response"));
            QCOMPARE(answer["status"].toString(), QStringLiteral("completed"));
            QVERIFY(answer["usage"]["output_tokens"].toInt() > 0);
        } else {
            const QList<QJsonObject> chunks = geminiChunks(response, Client(client), stream);
            QVERIFY(!chunks.isEmpty());
            QCOMPARE(chunks.constLast()["candidates"][0]["finishReason"].toString(),
                QStringLiteral("STOP"));
            QVERIFY(chunks.constLast()["usageMetadata"]["candidatesTokenCount"].toInt() > 0);
            if (stream) {
                const QByteArray contentType = response.header("Content-Type");
                QVERIFY2(contentType.startsWith(Client(client) == Client::GeminiArray
                                 ? "application/json"
                                 : "text/event-stream"),
                    contentType.constData());
            }
        }
    }

    void toolCallsComeBackInTheClientsShape_data() { addClientRows(UpstreamKinds::names()); }
    void toolCallsComeBackInTheClientsShape()
    {
        QFETCH(QString, kind);
        QFETCH(int, client);
        QFETCH(bool, stream);
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, kind, QStringLiteral("Only")) });
        h.fake().script(m_kinds.fakeKeyOf(kind, QStringLiteral("Only")), {},
            { .behaviour = Behaviour::ToolCall });
        const auto response
            = ask(h, Client(client), UpstreamKinds::of(kind).model, stream, /*withTool=*/true);
        QVERIFY2(response.status == 200, response.body.constData());
        QString name;
        QJsonObject arguments;
        if (Client(client) == Client::Responses) {
            for (const QJsonValue& item : finalResponse(response, stream)["output"].toArray()) {
                if (item["type"].toString() == u"function_call") {
                    name = item["name"].toString();
                    arguments
                        = QJsonDocument::fromJson(item["arguments"].toString().toUtf8()).object();
                    QVERIFY(!item["call_id"].toString().isEmpty());
                }
            }
        } else {
            for (const QJsonObject& chunk : geminiChunks(response, Client(client), stream)) {
                for (const QJsonValue& part :
                    chunk["candidates"][0]["content"]["parts"].toArray()) {
                    if (part["functionCall"].isObject()) {
                        name = part["functionCall"]["name"].toString();
                        arguments = part["functionCall"]["args"].toObject();
                    }
                }
            }
        }
        QVERIFY2(name == u"get_weather", response.body.constData());
        QCOMPARE(arguments, QJsonObject({ { "city", "Paris" } }));
    }

    // A 429 on the first key, the answer from the second, for either protocol.
    void failsOverOnARateLimit_data()
    {
        addClientRows({ QStringLiteral("openai-compatible"), QStringLiteral("gemini") });
    }
    void failsOverOnARateLimit()
    {
        QFETCH(QString, kind);
        QFETCH(int, client);
        QFETCH(bool, stream);
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, kind, QStringLiteral("First")),
            m_kinds.keyFor(h, kind, QStringLiteral("Second")) });
        h.fake().script("first", {},
            { .behaviour = Behaviour::Status,
                .status = 429,
                .headers = { { "Retry-After", "30" } },
                .body = "{\"error\": {\"message\": \"Slow down\", \"code\": 429}}" });
        const auto response = ask(h, Client(client), UpstreamKinds::of(kind).model, stream);
        QVERIFY2(response.status == 200, response.body.constData());
        QCOMPARE(textOf(response, Client(client), stream), QStringLiteral("Hello from the fake."));
        QCOMPARE(response.header("x-keyway-key"), QByteArray("Second"));
        const RequestRecord record = h.lastFinished();
        QCOMPARE(record.attempts.size(), 2);
        QCOMPARE(record.attempts[0].errorClass, QStringLiteral("rate_limited"));
    }

    // After the first event the status line is out: a failure ends the stream with the
    // protocol's own error, never a quiet end that would pass for a whole answer.
    void aBrokenStreamEndsWithTheProtocolsError_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("client");
        for (const QString& kind :
            { QStringLiteral("anthropic"), QStringLiteral("gemini"), QStringLiteral("openai") }) {
            QTest::addRow("%s, responses", qPrintable(kind)) << kind << int(Client::Responses);
            QTest::addRow("%s, gemini", qPrintable(kind)) << kind << int(Client::Gemini);
            QTest::addRow("%s, gemini array", qPrintable(kind)) << kind << int(Client::GeminiArray);
        }
    }
    void aBrokenStreamEndsWithTheProtocolsError()
    {
        QFETCH(QString, kind);
        QFETCH(int, client);
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, kind, QStringLiteral("Only")) });
        h.fake().script("only", {}, { .behaviour = Behaviour::ErrorEventMidStream });
        const auto response = ask(h, Client(client), UpstreamKinds::of(kind).model, true);
        QCOMPARE(response.status, 200);
        if (Client(client) == Client::Responses) {
            QStringList types;
            for (const QJsonObject& event : responsesEvents(response))
                types.append(event["type"].toString());
            QVERIFY2(!types.contains(QStringLiteral("response.completed")),
                qPrintable(types.join(u' ')));
            QCOMPARE(types.value(types.size() - 1), QStringLiteral("response.failed"));
            QVERIFY(types.contains(QStringLiteral("error")));
        } else if (Client(client) == Client::GeminiArray) {
            const QJsonArray chunks = QJsonDocument::fromJson(response.body).array();
            QVERIFY2(!chunks.isEmpty(), response.body.constData());
            QVERIFY(chunks.last()["error"]["code"].toInt() >= 500);
        } else {
            // Google writes its error as a bare JSON object after the events, which its SDK
            // recognises; an SSE-framed error it would ignore.
            const qsizetype lastEvent = response.body.lastIndexOf("\r\n\r\n");
            QVERIFY2(lastEvent > 0, response.body.constData());
            const QJsonObject error
                = QJsonDocument::fromJson(response.body.mid(lastEvent + 4)).object();
            QVERIFY2(error["error"]["code"].toInt() >= 500, response.body.constData());
        }
        QCOMPARE(h.lastFinished().status, 502);
    }

    void errorsComeInTheClientsShape()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("gemini"), QStringLiteral("Only")) });
        // No key serves the model: Google's shape for Gemini's clients, OpenAI's for Responses.
        RouterHarness::Key onlyFlash
            = m_kinds.keyFor(h, QStringLiteral("gemini"), QStringLiteral("Only"));
        onlyFlash.servedModels = { QStringLiteral("gemini-2.5-flash") };
        h.setKeys({ onlyFlash });
        const auto gemini = ask(h, Client::Gemini, QStringLiteral("gemini-9"), false);
        QCOMPARE(gemini.status, 404);
        QCOMPARE(gemini.json()["error"]["status"].toString(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(gemini.json()["error"]["code"].toInt(), 404);
        const auto responses = ask(h, Client::Responses, QStringLiteral("gemini-9"), false);
        QCOMPARE(responses.status, 404);
        QCOMPARE(responses.json()["error"]["code"].toString(), QStringLiteral("model_not_found"));

        // A request the protocol refuses, before any key is asked.
        const auto noContents
            = h.post(QStringLiteral("/v1beta/models/gemini-2.5-flash:generateContent"),
                QJsonObject { { "generationConfig", QJsonObject() } }, {},
                { { "x-goog-api-key", RouterHarness::token() } });
        QCOMPARE(noContents.status, 400);
        QCOMPARE(
            noContents.json()["error"]["status"].toString(), QStringLiteral("INVALID_ARGUMENT"));
        const auto unknownMethod = h.post(QStringLiteral("/v1beta/models/gemini-2.5-flash:predict"),
            geminiRequest(), {}, { { "x-goog-api-key", RouterHarness::token() } });
        QCOMPARE(unknownMethod.status, 404);
        QCOMPARE(unknownMethod.json()["error"]["status"].toString(), QStringLiteral("NOT_FOUND"));
        const auto noInput
            = h.post(QStringLiteral("/v1/responses"), QJsonObject { { "model", "gpt-4.1" } });
        QCOMPARE(noInput.status, 400);
        QCOMPARE(
            noInput.json()["error"]["type"].toString(), QStringLiteral("invalid_request_error"));

        // An unknown key, in Google's shape.
        const auto stranger
            = h.post(geminiPath(QStringLiteral("gemini-2.5-flash"), Client::Gemini, false),
                geminiRequest(), {}, { { "x-goog-api-key", "kw-" + QByteArray(43, 'x') } });
        QCOMPARE(stranger.status, 401);
        QCOMPARE(stranger.json()["error"]["status"].toString(), QStringLiteral("UNAUTHENTICATED"));
    }

    // Every key resting: Gemini CLI waits as long as RetryInfo says, the others read Retry-After.
    void aRestingPoolSaysWhenToRetry()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("gemini"), QStringLiteral("Only")) });
        h.fake().script("only", {},
            { .behaviour = Behaviour::Status,
                .status = 429,
                .headers = { { "Retry-After", "40" } },
                .body = GeminiWire::error(429, "Quota exceeded.", "RESOURCE_EXHAUSTED") });
        const auto first = ask(h, Client::Gemini, QStringLiteral("gemini-2.5-flash"), false);
        QCOMPARE(first.status, 429);
        const auto again = ask(h, Client::Gemini, QStringLiteral("gemini-2.5-flash"), false);
        QCOMPARE(again.status, 429);
        QCOMPARE(again.json()["error"]["status"].toString(), QStringLiteral("RESOURCE_EXHAUSTED"));
        const QJsonValue details = again.json()["error"]["details"][0];
        QCOMPARE(details["@type"].toString(),
            QStringLiteral("type.googleapis.com/google.rpc.RetryInfo"));
        const int delay = details["retryDelay"].toString().chopped(1).toInt();
        QVERIFY2(delay > 30 && delay <= 40, qPrintable(details["retryDelay"].toString()));
        QCOMPARE(again.header("Retry-After").toInt(), delay);
    }

    // Google's ?key= is a credential like the others, and never reaches a record.
    void aKeyInTheQueryIsAcceptedAndNeverRecorded()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("gemini"), QStringLiteral("Only")) });
        const auto response
            = h.post(QStringLiteral("/v1beta/models/gemini-2.5-flash:generateContent?key=")
                    + QString::fromLatin1(RouterHarness::token()),
                geminiRequest(), {});
        QVERIFY2(response.status == 200, response.body.constData());
        const QByteArray record = QJsonDocument(RequestRecordJson::toJson(h.lastFinished()))
                                      .toJson(QJsonDocument::Compact);
        QVERIFY(!record.contains(RouterHarness::token()));
        QCOMPARE(h.lastFinished().endpoint,
            QStringLiteral("/v1beta/models/gemini-2.5-flash:generateContent"));
    }

    void geminiClientsListTheModelsTheirKeyReaches()
    {
        RouterHarness h;
        RouterHarness::Key key
            = m_kinds.keyFor(h, QStringLiteral("gemini"), QStringLiteral("Only"));
        key.servedModels = { QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro") };
        h.setKeys({ key });
        const auto list = h.get(QStringLiteral("/v1beta/models"));
        QCOMPARE(list.status, 200);
        QStringList names;
        for (const QJsonValue& model : list.json()["models"].toArray())
            names.append(model["name"].toString());
        names.sort();
        QCOMPARE(names,
            QStringList({ QStringLiteral("models/gemini-2.5-flash"),
                QStringLiteral("models/gemini-2.5-pro") }));
        const auto one = h.get(QStringLiteral("/v1beta/models/gemini-2.5-pro"));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json()["name"].toString(), QStringLiteral("models/gemini-2.5-pro"));
        QCOMPARE(h.get(QStringLiteral("/v1beta/models/gpt-4.1")).status, 404);
    }

    // A stored response lives on the account that made it: a request continuing it goes to
    // that key alone, resting or not, and one Keyway cannot place is refused with the reason.
    void previousResponsesGoToTheKeyThatMadeThem()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("openai"), QStringLiteral("Maker")),
            m_kinds.keyFor(h, QStringLiteral("openai"), QStringLiteral("Other")) });
        QJsonObject first = responsesRequest(QStringLiteral("gpt-4.1"), true);
        first.remove("store"); // OpenAI keeps responses by default
        const auto made = h.post(QStringLiteral("/v1/responses"), first);
        QVERIFY2(made.status == 200, made.body.constData());
        const QString id = finalResponse(made, true)["id"].toString();
        QVERIFY(!id.isEmpty());

        h.fake().script("maker", {},
            { .behaviour = Behaviour::Status,
                .status = 429,
                .headers = { { "Retry-After", "20" } },
                .body = "{\"error\": {\"message\": \"Slow down\", \"type\": \"requests\"}}" });
        h.fake().clearAttempts();
        QJsonObject next = responsesRequest(QStringLiteral("gpt-4.1"), false);
        next.insert("previous_response_id", id);
        const auto resting = h.post(QStringLiteral("/v1/responses"), next);
        QVERIFY2(resting.status == 429, resting.body.constData());
        for (const FakeProvider::Attempt& attempt : h.fake().attempts())
            QCOMPARE(attempt.key, QByteArray("maker")); // never the other account

        next.insert("previous_response_id", "resp_unknown");
        const auto unknown = h.post(QStringLiteral("/v1/responses"), next);
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json()["error"]["code"].toString(),
            QStringLiteral("previous_response_not_found"));

        // store: false keeps nothing at OpenAI, so nothing to continue.
        const auto unkept = h.post(
            QStringLiteral("/v1/responses"), responsesRequest(QStringLiteral("gpt-4.1"), true));
        QCOMPARE(unkept.status, 200);
        next.insert("previous_response_id", finalResponse(unkept, true)["id"].toString());
        QCOMPARE(h.post(QStringLiteral("/v1/responses"), next).status, 400);
    }

    // Azure takes Responses requests as they came: the v1 API, or a dated version's own path,
    // the deployment named in the body either way.
    void azureKeysTakeResponsesAsTheyCame_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("v1") << QString() << QByteArray("/openai/v1/responses");
        QTest::newRow("dated") << QStringLiteral("2025-04-01-preview")
                               << QByteArray("/openai/responses?api-version=2025-04-01-preview");
    }
    void azureKeysTakeResponsesAsTheyCame()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QByteArray, target);
        RouterHarness h;
        RouterHarness::Key azure(QStringLiteral("Azure"), Tier::Prioritized,
            { QStringLiteral("my-gpt-5") }, QStringLiteral("azure"));
        if (!apiVersion.isEmpty())
            azure.settings = { { "api-version", apiVersion } };
        h.setKeys({ azure });
        for (const bool stream : { false, true }) {
            const auto response = ask(h, Client::Responses, QStringLiteral("my-gpt-5"), stream);
            QVERIFY2(response.status == 200, response.body.constData());
            QCOMPARE(textOf(response, Client::Responses, stream),
                QStringLiteral("Hello from the fake."));
            const FakeProvider::Attempt attempt = h.fake().attempts().constLast();
            QCOMPARE(attempt.path,
                target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
            QCOMPARE(attempt.key, QByteArray("azure")); // in api-key, Azure's header
            QCOMPARE(QJsonDocument::fromJson(attempt.body).object()["model"].toString(),
                QStringLiteral("my-gpt-5"));
        }
    }

    // Gemini 3 refuses earlier function calls without their thought signature; a turn another
    // provider answered has none, so Google's placeholder goes in its place.
    void geminiThreeGetsAPlaceholderForUnsignedCalls()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("gemini"), QStringLiteral("Only")) });
        const QJsonObject call { { "functionCall",
            QJsonObject {
                { "name", "get_weather" }, { "args", QJsonObject { { "city", "Paris" } } } } } };
        const QJsonObject result { { "functionResponse",
            QJsonObject { { "name", "get_weather" },
                { "response", QJsonObject { { "weather", "sunny" } } } } } };
        QJsonObject request = geminiRequest(true);
        request.insert("contents",
            QJsonArray { QJsonObject { { "role", "user" },
                             { "parts", QJsonArray { QJsonObject { { "text", "Weather?" } } } } },
                QJsonObject { { "role", "model" }, { "parts", QJsonArray { call } } },
                QJsonObject { { "role", "user" }, { "parts", QJsonArray { result } } } });
        for (const QString& model :
            { QStringLiteral("gemini-3-pro-preview"), QStringLiteral("gemini-2.5-flash") }) {
            const auto response
                = h.post(QStringLiteral("/v1beta/models/%1:generateContent").arg(model), request,
                    {}, { { "x-goog-api-key", RouterHarness::token() } });
            QVERIFY2(response.status == 200, response.body.constData());
            const QJsonObject sent
                = QJsonDocument::fromJson(h.fake().attempts().constLast().body).object();
            const QJsonValue signature = sent["contents"][1]["parts"][0]["thoughtSignature"];
            if (model.startsWith(u"gemini-3"))
                QCOMPARE(signature.toString(), QStringLiteral("skip_thought_signature_validator"));
            else
                QVERIFY(signature.isUndefined());
        }
    }

    // A request whose content no key's format can carry is the client's to change: 400, and
    // no provider is called.
    void untranslatableRequestsAreRefused()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("anthropic"), QStringLiteral("Claude")) });
        QJsonObject request = responsesRequest(QStringLiteral("claude-sonnet-4-5"), false);
        request.insert("background", true);
        const auto response = h.post(QStringLiteral("/v1/responses"), request);
        QCOMPARE(response.status, 400);
        QCOMPARE(
            response.json()["error"]["code"].toString(), QStringLiteral("unsupported_request"));
        QVERIFY(h.fake().attempts().isEmpty());
    }

    // Gemini's embeddings: as they are to a Gemini key, as OpenAI's to an OpenAI-format key.
    void geminiClientsEmbedAtGeminiAndOpenAiKeys_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("gemini") << QStringLiteral("gemini")
                                << QByteArray("/v1beta/models/gemini-embedding-001:embedContent");
        QTest::newRow("openai-compatible")
            << QStringLiteral("openai-compatible") << QByteArray("/v1/embeddings");
    }
    void geminiClientsEmbedAtGeminiAndOpenAiKeys()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, path);
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, kind, QStringLiteral("Only")) });
        const HttpHeaders googleKey { { "x-goog-api-key", RouterHarness::token() } };
        const QJsonObject content { { "parts", QJsonArray { QJsonObject { { "text", "Hi" } } } } };
        const auto one = h.post(QStringLiteral("/v1beta/models/gemini-embedding-001:embedContent"),
            { { "content", content }, { "taskType", "RETRIEVAL_QUERY" },
                { "outputDimensionality", 3 } },
            {}, googleKey);
        QVERIFY2(one.status == 200, one.body.constData());
        QCOMPARE(one.json()["embedding"]["values"].toArray(), QJsonArray({ 0.5, 0.25, 0.125 }));
        const FakeProvider::Attempt attempt = h.fake().attempts().constLast();
        QCOMPARE(attempt.path, path);
        if (kind == u"openai-compatible") {
            const QJsonObject sent = QJsonDocument::fromJson(attempt.body).object();
            QCOMPARE(sent["input"].toArray(), QJsonArray({ "Hi" }));
            QCOMPARE(sent["dimensions"].toInt(), 3);
            QVERIFY(h.lastFinished().attempts.constLast().droppedFields.contains(
                QStringLiteral("taskType")));
        }

        const QJsonObject request { { "model", "models/gemini-embedding-001" },
            { "content", content } };
        const auto batch
            = h.post(QStringLiteral("/v1beta/models/gemini-embedding-001:batchEmbedContents"),
                { { "requests", QJsonArray { request, request } } }, {}, googleKey);
        QVERIFY2(batch.status == 200, batch.body.constData());
        QCOMPARE(batch.json()["embeddings"].toArray().size(), 2);
        QCOMPARE(batch.json()["embeddings"][1]["values"].toArray().size(), 3);
    }

    void geminiKeysCountTokensThemselves()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("gemini"), QStringLiteral("Only")) });
        const auto counted = h.post(QStringLiteral("/v1beta/models/gemini-2.5-flash:countTokens"),
            geminiRequest(), {}, { { "x-goog-api-key", RouterHarness::token() } });
        QVERIFY2(counted.status == 200, counted.body.constData());
        QCOMPARE(counted.json()["totalTokens"].toInt(), 14);
        QCOMPARE(h.fake().attempts().constLast().path,
            QByteArray("/v1beta/models/gemini-2.5-flash:countTokens"));
        QCOMPARE(h.lastFinished().usage.prompt, 14);
    }

    // countTokens, counted by an Anthropic key in Google's terms.
    void geminiClientsCountTokensAnywhereAnthropicCounts()
    {
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, QStringLiteral("anthropic"), QStringLiteral("Claude")) });
        const auto counted = h.post(QStringLiteral("/v1beta/models/claude-sonnet-4-5:countTokens"),
            geminiRequest(), {}, { { "x-goog-api-key", RouterHarness::token() } });
        QVERIFY2(counted.status == 200, counted.body.constData());
        QCOMPARE(counted.json()["totalTokens"].toInt(), 14);
        QCOMPARE(h.fake().attempts().constLast().path, QByteArray("/v1/messages/count_tokens"));
        const QJsonObject sent
            = QJsonDocument::fromJson(h.fake().attempts().constLast().body).object();
        QCOMPARE(sent["system"].toString(), QStringLiteral("Be brief."));
        QVERIFY(!sent.contains("max_tokens"));
    }
};

QTEST_GUILESS_MAIN(TestInboundProtocols)
#include "TestInboundProtocols.moc"
