#include "router/codecs/EventStreamDecoder.h"
#include "tests/support/FakeProvider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

// The fake provider as a client meets it: what later router tests stand on.
class TestFakeProvider : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    QNetworkReply* post(
        FakeProvider& provider, const QByteArray& key, const char* model, bool stream)
    {
        QNetworkRequest request(QUrl(provider.baseUrl() + "/chat/completions"));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + key);
        request.setTransferTimeout(3000);
        const QJsonObject body { { "model", model }, { "stream", stream } };
        return m_network.post(request, QJsonDocument(body).toJson());
    }

    // The whole reply: status, body, and the error the client saw.
    struct Seen
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    // A request to any endpoint of the fake, its key in `keyHeader` (a bearer token unless named).
    QNetworkReply* postTo(FakeProvider& provider, const QString& path, const QJsonObject& body,
        const QByteArray& key = "sk-a", const QByteArray& keyHeader = "Authorization")
    {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(provider.port()) + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader(keyHeader, keyHeader == "Authorization" ? "Bearer " + key : key);
        request.setTransferTimeout(3000);
        return m_network.post(request, QJsonDocument(body).toJson());
    }

    struct Event
    {
        QByteArray type; // its event: line, if any
        QJsonObject data;
    };

    // The server-sent events of a body, LF or CRLF framed.
    static QList<Event> events(QByteArray body)
    {
        body.replace("\r\n", "\n");
        QList<Event> events;
        for (qsizetype start = 0, end = 0; (end = body.indexOf("\n\n", start)) >= 0;
             start = end + 2) {
            Event event;
            for (const QByteArray& line : body.mid(start, end - start).split('\n')) {
                if (line.startsWith("event: "))
                    event.type = line.mid(7);
                else if (line.startsWith("data: "))
                    event.data = QJsonDocument::fromJson(line.mid(6)).object();
            }
            events.append(event);
        }
        return events;
    }

    static QJsonObject parsed(const QByteArray& json)
    {
        return QJsonDocument::fromJson(json).object();
    }

    // The name and arguments of the tool call in an answer, whole or streamed, in `wire`'s
    // format.
    static QPair<QString, QJsonObject> callIn(
        const QString& wire, bool stream, const QByteArray& body)
    {
        if (!stream) {
            const QJsonObject answer = parsed(body);
            if (wire == u"openai") {
                const QJsonObject function
                    = answer["choices"][0]["message"]["tool_calls"][0]["function"].toObject();
                return { function["name"].toString(),
                    parsed(function["arguments"].toString().toUtf8()) };
            }
            if (wire == u"anthropic")
                return { answer["content"][1]["name"].toString(),
                    answer["content"][1]["input"].toObject() };
            if (wire == u"gemini") {
                const QJsonValue call
                    = answer["candidates"][0]["content"]["parts"][1]["functionCall"];
                return { call["name"].toString(), call["args"].toObject() };
            }
            const QJsonValue use = answer["output"]["message"]["content"][1]["toolUse"];
            return { use["name"].toString(), use["input"].toObject() };
        }
        if (wire == u"converse")
            return callInConverseStream(body);
        QString name;
        QByteArray arguments;
        for (const Event& event : events(body)) {
            const QJsonObject& data = event.data;
            if (wire == u"openai") {
                const QJsonValue function
                    = data["choices"][0]["delta"]["tool_calls"][0]["function"];
                name += function["name"].toString();
                arguments += function["arguments"].toString().toUtf8();
            } else if (wire == u"anthropic") {
                name += data["content_block"]["name"].toString();
                arguments += data["delta"]["partial_json"].toString().toUtf8();
            } else {
                const QJsonValue call
                    = data["candidates"][0]["content"]["parts"][0]["functionCall"];
                if (call.isObject())
                    return { call["name"].toString(), call["args"].toObject() };
            }
        }
        return { name, parsed(arguments) };
    }

    static QPair<QString, QJsonObject> callInConverseStream(const QByteArray& body)
    {
        QString name;
        QByteArray input;
        EventStreamDecoder decoder;
        for (const EventStreamDecoder::Message& message : decoder.feed(body)) {
            const QJsonObject payload = parsed(message.payload);
            name += payload["start"]["toolUse"]["name"].toString();
            input += payload["delta"]["toolUse"]["input"].toString().toUtf8();
        }
        return { name, parsed(input) };
    }

    static QString typesOf(const QList<Event>& events)
    {
        QStringList types;
        for (const Event& event : events)
            types += QString::fromUtf8(event.type);
        return types.join(u' ');
    }

    Seen finish(QNetworkReply* reply, int timeoutMs = 5000)
    {
        QByteArray body;
        connect(reply, &QIODevice::readyRead, this, [&] { body += reply->readAll(); });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(timeoutMs);
        body += reply->readAll();
        Seen seen { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), body,
            reply->error() };
        reply->deleteLater();
        return seen;
    }

private slots:
    void answersAndRecordsAttempts()
    {
        FakeProvider provider;
        Seen seen = finish(post(provider, "sk-a", "gpt-4.1", false));
        QCOMPARE(seen.status, 200);
        QCOMPARE(QJsonDocument::fromJson(seen.body).object().value("model").toString(),
            QString("gpt-4.1"));
        seen = finish(post(provider, "sk-b", "gpt-4.1", true));
        QVERIFY(seen.body.startsWith("data: "));
        QVERIFY(seen.body.endsWith("data: [DONE]\n\n"));
        QVERIFY(seen.body.contains("\"usage\""));
        const auto attempts = provider.attempts();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).key, QByteArray("sk-a"));
        QCOMPARE(attempts.at(1).key, QByteArray("sk-b"));
        QVERIFY(attempts.at(1).stream);
        QVERIFY(attempts.at(1).at >= attempts.at(0).at);
    }

    void scriptsPerKeyAndModel()
    {
        FakeProvider provider;
        provider.script("sk-a", {},
            { Behaviour::Status, 429, { { "Retry-After", "7" } },
                R"({"error":{"code":"rate_limit_exceeded"}})", 0ms });
        provider.script("sk-a", "gpt-4o",
            { Behaviour::Status, 404, {}, R"({"error":{"code":"model_not_found"}})", 0ms });
        QCOMPARE(finish(post(provider, "sk-a", "gpt-4.1", false)).status, 429);
        QCOMPARE(finish(post(provider, "sk-a", "gpt-4o", false)).status, 404);
        QCOMPARE(finish(post(provider, "sk-other", "gpt-4o", false)).status, 200);
    }

    void failsAsScripted()
    {
        FakeProvider provider;
        provider.script("reset", {}, { Behaviour::ResetBeforeHeaders, 0, {}, {}, 0ms });
        provider.script("silent", {}, { Behaviour::NoAnswer, 0, {}, {}, 0ms });
        provider.script("cut", {}, { Behaviour::CutMidStream, 0, {}, {}, 0ms });
        provider.script("stall", {}, { Behaviour::StallMidStream, 0, {}, {}, 0ms });
        provider.script("malformed", {}, { Behaviour::MalformedEvent, 0, {}, {}, 0ms });
        provider.script("nodone", {}, { Behaviour::StreamWithoutDone, 0, {}, {}, 0ms });
        provider.script("slow", {}, { Behaviour::SlowFirstToken, 0, {}, {}, 400ms });

        QVERIFY(finish(post(provider, "reset", "m", false)).error != QNetworkReply::NoError);
        QCOMPARE(finish(post(provider, "silent", "m", false)).error,
            QNetworkReply::OperationCanceledError); // transfer timeout
        const Seen cut = finish(post(provider, "cut", "m", true));
        QVERIFY(cut.body.startsWith("data: "));
        QVERIFY(!cut.body.contains("[DONE]"));
        QVERIFY(cut.error != QNetworkReply::NoError);
        const Seen stall = finish(post(provider, "stall", "m", true));
        QCOMPARE(stall.body.count("data: "), 1);
        QCOMPARE(stall.error, QNetworkReply::OperationCanceledError);
        QVERIFY(finish(post(provider, "malformed", "m", true))
                    .body.contains("data: {\"choices\": [\n\n"));
        const Seen noDone = finish(post(provider, "nodone", "m", true));
        QCOMPARE(noDone.error, QNetworkReply::NoError);
        QVERIFY(!noDone.body.contains("[DONE]"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(finish(post(provider, "slow", "m", true)).body.endsWith("[DONE]\n\n"));
        QVERIFY(timer.elapsed() >= 350);
        // Every behaviour was met once; QNetworkAccessManager sends a request again by itself
        // when a reused connection drops before any answer, so the reset one may be seen twice.
        QMap<QByteArray, int> perKey;
        for (const FakeProvider::Attempt& attempt : provider.attempts())
            ++perKey[attempt.key];
        QCOMPARE(perKey.size(), 7);
        for (auto it = perKey.cbegin(); it != perKey.cend(); ++it)
            QVERIFY2(
                it.value() == 1 || (it.key() == "reset" && it.value() == 2), it.key().constData());
    }

    // OpenAI's Responses API, streamed: every event named twice (event: line and type), numbered
    // from 0, the text in deltas, the finished response at the end, and no [DONE].
    void responsesStreamsTheWholeEventSequence()
    {
        FakeProvider provider;
        const Seen seen = finish(postTo(provider, QStringLiteral("/v1/responses"),
            { { "model", "gpt-5.5" }, { "stream", true }, { "input", "Hi" } }));
        QCOMPARE(seen.status, 200);
        QVERIFY(!seen.body.contains("[DONE]"));
        const QList<Event> stream = events(seen.body);
        QCOMPARE(typesOf(stream),
            QStringLiteral("response.created response.in_progress response.output_item.added "
                           "response.content_part.added response.output_text.delta "
                           "response.output_text.delta response.output_text.done "
                           "response.content_part.done response.output_item.done "
                           "response.completed"));
        QString text;
        for (int i = 0; i < stream.size(); ++i) {
            QCOMPARE(stream.at(i).data["type"].toString().toUtf8(), stream.at(i).type);
            QCOMPARE(stream.at(i).data["sequence_number"].toInt(-1), i);
            text += stream.at(i).data["delta"].toString();
        }
        QCOMPARE(text, QStringLiteral("Hello from the fake."));
        QCOMPARE(stream.at(6).data["text"].toString(), text);
        QCOMPARE(stream.at(0).data["response"]["status"].toString(), QStringLiteral("in_progress"));
        QVERIFY(stream.at(0).data["response"]["output"].toArray().isEmpty());
        const QJsonObject done = stream.constLast().data["response"].toObject();
        QCOMPARE(done["status"].toString(), QStringLiteral("completed"));
        QCOMPARE(done["model"].toString(), QStringLiteral("gpt-5.5"));
        QCOMPARE(done["output"][0]["content"][0]["text"].toString(), text);
        QCOMPARE(done["output"][0]["status"].toString(), QStringLiteral("completed"));
        QCOMPARE(done["usage"]["input_tokens"].toInt(), 5);
        QCOMPARE(done["usage"]["input_tokens_details"]["cached_tokens"].toInt(), 2);
        QCOMPARE(done["usage"]["output_tokens"].toInt(), 4);
        QCOMPARE(done["usage"]["output_tokens_details"]["reasoning_tokens"].toInt(-1), 0);
        QCOMPARE(done["usage"]["total_tokens"].toInt(), 9);
        const FakeProvider::Attempt attempt = provider.attempts().constLast();
        QCOMPARE(attempt.path, QByteArray("/v1/responses"));
        QVERIFY(attempt.stream);
        QCOMPARE(attempt.model, QStringLiteral("gpt-5.5"));
    }

    // Azure's Responses API: the deployment as the model, the key in api-key; asked whole.
    void responsesAnswersWholeAtAzuresPath()
    {
        FakeProvider provider;
        const Seen seen = finish(postTo(provider, QStringLiteral("/openai/v1/responses"),
            { { "model", "my-deployment" }, { "input", "Hi" } }, "azure-key", "api-key"));
        QCOMPARE(seen.status, 200);
        const QJsonObject response = parsed(seen.body);
        QCOMPARE(response["object"].toString(), QStringLiteral("response"));
        QCOMPARE(response["status"].toString(), QStringLiteral("completed"));
        QCOMPARE(response["model"].toString(), QStringLiteral("my-deployment"));
        QCOMPARE(response["output"][0]["type"].toString(), QStringLiteral("message"));
        QCOMPARE(response["output"][0]["content"][0]["text"].toString(),
            QStringLiteral("Hello from the fake."));
        QCOMPARE(response["usage"]["total_tokens"].toInt(), 9);
        const FakeProvider::Attempt attempt = provider.attempts().constLast();
        QCOMPARE(attempt.key, QByteArray("azure-key"));
        QCOMPARE(attempt.model, QStringLiteral("my-deployment"));
        QVERIFY(!attempt.stream);
    }

    void responsesCallsTheScriptedTool_data()
    {
        QTest::addColumn<bool>("custom");
        QTest::addColumn<bool>("stream");
        QTest::newRow("function call, whole") << false << false;
        QTest::newRow("function call, streamed") << false << true;
        QTest::newRow("custom tool call, whole") << true << false;
        QTest::newRow("custom tool call, streamed") << true << true;
    }

    void responsesCallsTheScriptedTool()
    {
        QFETCH(bool, custom);
        QFETCH(bool, stream);
        const QString patch = QStringLiteral(
            "*** Begin Patch\n*** Add File: hello.txt\n+hello from patch\n*** End Patch\n");
        const QJsonObject arguments { { "cmd", "echo héllo" }, { "yield_time_ms", 1000 } };
        FakeProvider provider;
        provider.script("sk-a", {},
            { .behaviour = Behaviour::ToolCall,
                .call = custom
                    ? FakeToolCall::customTool(QStringLiteral("apply_patch"), patch)
                    : FakeToolCall::function(QStringLiteral("exec_command"), arguments) });
        const Seen seen = finish(postTo(provider, QStringLiteral("/v1/responses"),
            { { "model", "gpt-5.5" }, { "stream", stream } }));
        QCOMPARE(seen.status, 200);
        QJsonObject item;
        if (stream) {
            const QList<Event> stream = events(seen.body);
            const QString pieces = custom ? QStringLiteral("custom_tool_call_input")
                                          : QStringLiteral("function_call_arguments");
            QCOMPARE(typesOf(stream),
                QStringLiteral("response.created response.in_progress response.output_item.added "
                               "response.%1.delta response.%1.delta response.%1.done "
                               "response.output_item.done response.completed")
                    .arg(pieces));
            QString streamed;
            for (int i = 0; i < stream.size(); ++i) {
                QCOMPARE(stream.at(i).data["sequence_number"].toInt(-1), i);
                streamed += stream.at(i).data["delta"].toString();
            }
            QCOMPARE(stream.at(2).data["item"]["status"].toString(), QStringLiteral("in_progress"));
            item = stream.at(6).data["item"].toObject();
            QCOMPARE(stream.constLast().data["response"]["output"][0].toObject(), item);
            QCOMPARE(streamed, custom ? patch : item["arguments"].toString());
            QCOMPARE(stream.at(5).data[custom ? "input" : "arguments"],
                item[custom ? "input" : "arguments"]);
        } else {
            item = parsed(seen.body)["output"][0].toObject();
        }
        QCOMPARE(item["call_id"].toString(), QStringLiteral("call_fake1"));
        QCOMPARE(item["status"].toString(), QStringLiteral("completed"));
        if (custom) {
            QCOMPARE(item["type"].toString(), QStringLiteral("custom_tool_call"));
            QCOMPARE(item["name"].toString(), QStringLiteral("apply_patch"));
            QCOMPARE(item["input"].toString(), patch);
        } else {
            QCOMPARE(item["type"].toString(), QStringLiteral("function_call"));
            QCOMPARE(item["name"].toString(), QStringLiteral("exec_command"));
            QCOMPARE(parsed(item["arguments"].toString().toUtf8()), arguments);
        }
    }

    // The Responses API's ways of breaking: response.failed after the first delta (numbered on),
    // an error event first, the whole stream without more, a bad event among good ones.
    void responsesBreaksAsScripted()
    {
        FakeProvider provider;
        provider.script("failed", {}, { Behaviour::ErrorEventMidStream, 0, {}, {}, 0ms });
        provider.script("first", {}, { Behaviour::ErrorEventFirst, 429, {}, {}, 0ms });
        provider.script("nodone", {}, { Behaviour::StreamWithoutDone, 0, {}, {}, 0ms });
        provider.script("malformed", {}, { Behaviour::MalformedEvent, 0, {}, {}, 0ms });
        provider.script("echo", {}, { Behaviour::EchoSecretMidStream, 0, {}, {}, 0ms });
        const auto streamOf = [&](const QByteArray& key) {
            return events(finish(postTo(provider, QStringLiteral("/v1/responses"),
                                     { { "model", "gpt-5.5" }, { "stream", true } }, key))
                              .body);
        };
        QList<Event> stream = streamOf("failed");
        QCOMPARE(stream.size(), 6);
        QCOMPARE(stream.at(4).type, QByteArray("response.output_text.delta"));
        QCOMPARE(stream.constLast().type, QByteArray("response.failed"));
        QCOMPARE(stream.constLast().data["sequence_number"].toInt(), 5);
        QCOMPARE(
            stream.constLast().data["response"]["status"].toString(), QStringLiteral("failed"));
        QCOMPARE(stream.constLast().data["response"]["error"]["code"].toString(),
            QStringLiteral("server_error"));
        stream = streamOf("echo");
        QCOMPARE(stream.constLast().type, QByteArray("response.failed"));
        QVERIFY(
            stream.constLast().data["response"]["error"]["message"].toString().contains(u"echo"));
        stream = streamOf("first");
        QCOMPARE(stream.size(), 1);
        QCOMPARE(stream.constFirst().type, QByteArray("error"));
        QCOMPARE(stream.constFirst().data["sequence_number"].toInt(-1), 0);
        QCOMPARE(
            stream.constFirst().data["code"].toString(), QStringLiteral("rate_limit_exceeded"));
        QCOMPARE(stream.constFirst().data["error"]["code"].toString(),
            QStringLiteral("rate_limit_exceeded"));
        stream = streamOf("nodone");
        QCOMPARE(stream.size(), 10);
        QCOMPARE(stream.constLast().type, QByteArray("response.completed"));
        stream = streamOf("malformed");
        QCOMPARE(stream.size(), 11);
        QVERIFY(stream.at(1).data.isEmpty());
        QCOMPARE(stream.constLast().type, QByteArray("response.completed"));
    }

    // Every wire calls the tool the script names, with its arguments, whole and streamed (in
    // pieces the client puts together).
    void scriptedToolCallsInEveryWire_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("stream");
        const QString gemini = QStringLiteral("/v1beta/models/gemini-2.5-flash:");
        const QString converse = QStringLiteral("/model/acme.tools-v1%3A0/");
        for (const bool stream : { false, true }) {
            const char* how = stream ? ", streamed" : ", whole";
            QTest::addRow("openai%s", how)
                << QStringLiteral("openai") << QStringLiteral("/v1/chat/completions") << stream;
            QTest::addRow("anthropic%s", how)
                << QStringLiteral("anthropic") << QStringLiteral("/v1/messages") << stream;
            QTest::addRow("gemini%s", how) << QStringLiteral("gemini")
                                           << gemini
                    + (stream ? QStringLiteral("streamGenerateContent?alt=sse")
                              : QStringLiteral("generateContent"))
                                           << stream;
            QTest::addRow("converse%s", how) << QStringLiteral("converse")
                                             << converse
                    + (stream ? QStringLiteral("converse-stream") : QStringLiteral("converse"))
                                             << stream;
        }
    }

    void scriptedToolCallsInEveryWire()
    {
        QFETCH(QString, wire);
        QFETCH(QString, path);
        QFETCH(bool, stream);
        const QJsonObject arguments { { "dir_path", "./src" },
            { "ignore", QJsonArray { "*.o", "café" } } };
        FakeProvider provider;
        provider.script("sk-a", {},
            { .behaviour = Behaviour::ToolCall,
                .call = FakeToolCall::function(QStringLiteral("list_directory"), arguments) });
        const Seen seen = finish(postTo(provider, path,
            { { "model", "m" }, { "stream", stream },
                { "messages",
                    QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } } } }));
        QCOMPARE(seen.status, 200);
        const auto [name, seenArguments] = callIn(wire, stream, seen.body);
        QCOMPARE(name, QStringLiteral("list_directory"));
        QCOMPARE(seenArguments, arguments);
        QCOMPARE(provider.attempts().constLast().stream, stream);
    }

    // Unscripted, the call is still the one the tests before scripting expect.
    void aToolCallIsGetWeatherUnlessScripted()
    {
        FakeProvider provider;
        provider.script("sk-a", {}, { Behaviour::ToolCall, 200, {}, {}, 0ms });
        const Seen seen
            = finish(postTo(provider, QStringLiteral("/v1/messages"), { { "model", "m" } }));
        const auto [name, arguments] = callIn(QStringLiteral("anthropic"), false, seen.body);
        QCOMPARE(name, QStringLiteral("get_weather"));
        QCOMPARE(arguments, QJsonObject({ { "city", "Paris" } }));
    }
};

QTEST_GUILESS_MAIN(TestFakeProvider)
#include "TestFakeProvider.moc"
