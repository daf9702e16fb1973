#include "router/providers/google/GoogleErrors.h"
#include "tests/support/RouterHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

// Google AI Studio (Gemini API) keys through the router: generateContent and
// streamGenerateContent?alt=sse with x-goog-api-key, for Anthropic and OpenAI clients, and
// Google's errors read as Google means them (RetryInfo, daily quotas, API_KEY_INVALID).
class TestGemini : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;
    RouterHarness& h() { return *m_harness; }

    static RouterHarness::Key geminiKey(const QString& label)
    {
        return RouterHarness::Key(label, Tier::Prioritized, {}, QStringLiteral("gemini"));
    }
    static QJsonObject message(bool stream = false)
    {
        return { { "model", "gemini-2.5-flash" }, { "max_tokens", 256 }, { "stream", stream },
            { "system", "Be brief." },
            { "messages",
                QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } } } };
    }
    RouterHarness::Response send(const QJsonObject& body)
    {
        return h().post(QStringLiteral("/v1/messages"), body, RouterHarness::token(),
            { { "anthropic-version", "2023-06-01" } });
    }
    static QJsonObject weatherTool()
    {
        return { { "type", "function" },
            { "function",
                QJsonObject { { "name", "get_weather" }, { "description", "The weather" },
                    { "parameters",
                        QJsonObject { { "type", "object" },
                            { "properties",
                                QJsonObject { { "city", QJsonObject { { "type", "string" } } } } },
                            { "required", QJsonArray { "city" } },
                            { "additionalProperties", false } } } } } };
    }
    // Google's 429 with the details its clients read.
    static QByteArray resourceExhausted(const QJsonArray& details)
    {
        const QJsonObject error { { "code", 429 },
            { "message", "You exceeded your current quota." }, { "status", "RESOURCE_EXHAUSTED" },
            { "details", details } };
        return QJsonDocument(QJsonObject { { "error", error } }).toJson(QJsonDocument::Compact);
    }
    static std::chrono::seconds cooldownLeft(const KeyHealth& health)
    {
        return std::chrono::duration_cast<std::chrono::seconds>(
            health.until - KeyHealth::Clock::now());
    }

private slots:
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        h().setKeys({ geminiKey(QStringLiteral("Gemini")), geminiKey(QStringLiteral("Spare")) });
    }
    void cleanup() { m_harness.reset(); }

    void anthropicClientsGetGeminisAnswer()
    {
        const auto response = send(message());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["content"][0]["text"].toString(),
            QStringLiteral("Hello from the fake."));
        QCOMPARE(response.json()["stop_reason"].toString(), QStringLiteral("end_turn"));
        const FakeProvider::Attempt attempt = h().fake().attempts().constLast();
        // Asked streamed, though the client wants a whole answer: liveness shows at once.
        QCOMPARE(attempt.path, QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent"));
        QCOMPARE(attempt.key, QByteArray("gemini")); // as x-goog-api-key
        QVERIFY(headerValue(attempt.headers, "Authorization").isEmpty());
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.usage.prompt, 5);
        QCOMPARE(record.usage.cached, 2);
        QCOMPARE(record.usage.completion, 4);
    }

    // Anthropic's API takes system turns among the messages (Claude Code sends them); Gemini
    // only a system instruction ahead of the conversation, which they join.
    void systemTurnsJoinTheSystemInstruction()
    {
        QJsonObject body = message();
        body.insert("messages",
            QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } },
                QJsonObject { { "role", "system" }, { "content", "Answer in French." } } });
        const auto response = send(body);
        QVERIFY2(response.status == 200, response.body.constData());
        const QJsonObject sent
            = QJsonDocument::fromJson(h().fake().attempts().constLast().body).object();
        QCOMPARE(sent["systemInstruction"]["parts"][0]["text"].toString(),
            QStringLiteral("Be brief.\n\nAnswer in French."));
        QCOMPARE(sent["contents"].toArray().size(), 1);
        QVERIFY(h().lastFinished().attempts.constLast().droppedFields.contains(
            QStringLiteral("messages[].role=system (moved to the system prompt)")));
    }

    void openAiClientsStreamFromGemini()
    {
        QJsonObject chat = RouterHarness::chat(QStringLiteral("gemini-2.5-flash"), true);
        chat.insert("stream_options", QJsonObject { { "include_usage", true } });
        const auto response = h().post(QStringLiteral("/v1/chat/completions"), chat);
        QCOMPARE(response.status, 200);
        QString text;
        qint64 completionTokens = 0;
        for (const QByteArray& event : response.events()) {
            const QJsonObject chunk = QJsonDocument::fromJson(event).object();
            text += chunk["choices"][0]["delta"]["content"].toString();
            completionTokens = std::max(
                completionTokens, chunk["usage"].toObject()["completion_tokens"].toInteger());
        }
        QCOMPARE(text, QStringLiteral("Hello from the fake."));
        QCOMPARE(completionTokens, 4);
        QCOMPARE(response.events().constLast(), QByteArray("[DONE]"));
        QCOMPARE(h().fake().attempts().constLast().path,
            QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent"));
        QCOMPARE(h().lastFinished().usage.completion, 4);
    }

    void toolCallsArriveIntact_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("whole") << false;
        QTest::newRow("streamed") << true;
    }
    void toolCallsArriveIntact()
    {
        QFETCH(bool, stream);
        h().fake().script("gemini", {}, { .behaviour = Behaviour::ToolCall });
        QJsonObject chat = RouterHarness::chat(QStringLiteral("gemini-2.5-flash"), stream);
        chat.insert("tools", QJsonArray { weatherTool() });
        const auto response = h().post(QStringLiteral("/v1/chat/completions"), chat);
        QCOMPARE(response.status, 200);
        QString name;
        QString arguments;
        QString finish;
        if (stream) {
            for (const QByteArray& event : response.events()) {
                const QJsonValue choice = QJsonDocument::fromJson(event).object()["choices"][0];
                const QJsonValue call = choice["delta"]["tool_calls"][0]["function"];
                name += call["name"].toString();
                arguments += call["arguments"].toString();
                if (choice["finish_reason"].isString())
                    finish = choice["finish_reason"].toString();
            }
        } else {
            const QJsonValue choice = response.json()["choices"][0];
            name = choice["message"]["tool_calls"][0]["function"]["name"].toString();
            arguments = choice["message"]["tool_calls"][0]["function"]["arguments"].toString();
            finish = choice["finish_reason"].toString();
        }
        QCOMPARE(name, QStringLiteral("get_weather"));
        QCOMPARE(QJsonDocument::fromJson(arguments.toUtf8()).object(),
            QJsonObject({ { "city", "Paris" } }));
        QCOMPARE(finish, QStringLiteral("tool_calls"));
        // The tool's schema went out as Gemini reads it, and what it cannot was recorded.
        QVERIFY2(h().lastFinished().attempts.constLast().droppedFields.contains(
                     QStringLiteral("tools.input_schema.additionalProperties")),
            qPrintable(h().lastFinished().attempts.constLast().droppedFields.join(u", ")));
    }

    // Gemini 3 refuses earlier calls without their thought signature, which OpenAI's format
    // cannot keep: Google's placeholder goes in its place, for Gemini 3 only.
    void earlierToolCallsCarryAThoughtSignatureForGemini3_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("placeholder");
        QTest::newRow("gemini 3") << QStringLiteral("gemini-3-pro-preview") << true;
        QTest::newRow("gemini 2.5") << QStringLiteral("gemini-2.5-flash") << false;
    }
    void earlierToolCallsCarryAThoughtSignatureForGemini3()
    {
        QFETCH(QString, model);
        QFETCH(bool, placeholder);
        const QJsonObject call { { "id", "call_1" }, { "type", "function" },
            { "function",
                QJsonObject {
                    { "name", "get_weather" }, { "arguments", "{\"city\":\"Paris\"}" } } } };
        QJsonObject chat = RouterHarness::chat(model);
        chat.insert("tools", QJsonArray { weatherTool() });
        chat.insert("messages",
            QJsonArray { QJsonObject { { "role", "user" }, { "content", "Weather in Paris?" } },
                QJsonObject { { "role", "assistant" }, { "content", QJsonValue() },
                    { "tool_calls", QJsonArray { call } } },
                QJsonObject { { "role", "tool" }, { "tool_call_id", "call_1" },
                    { "content", "Sunny, 21 °C" } } });
        QCOMPARE(h().post(QStringLiteral("/v1/chat/completions"), chat).status, 200);
        const QJsonObject sent
            = QJsonDocument::fromJson(h().fake().attempts().constLast().body).object();
        const QJsonObject callPart = sent["contents"][1]["parts"][0].toObject();
        QCOMPARE(callPart["functionCall"]["name"].toString(), QStringLiteral("get_weather"));
        QCOMPARE(callPart.contains("thoughtSignature"), placeholder);
        if (placeholder) {
            QCOMPARE(callPart["thoughtSignature"].toString(),
                QStringLiteral("skip_thought_signature_validator"));
        }
        // The result went back under the call's name.
        QCOMPARE(sent["contents"][2]["parts"][0]["functionResponse"]["name"].toString(),
            QStringLiteral("get_weather"));
    }

    void retryInfoSetsTheCooldown()
    {
        const QJsonArray details { QJsonObject {
            { "@type", "type.googleapis.com/google.rpc.RetryInfo" }, { "retryDelay", "37s" } } };
        h().fake().script("gemini", {},
            { .behaviour = Behaviour::Status, .status = 429, .body = resourceExhausted(details) });
        const auto response = send(message());
        QCOMPARE(response.status, 200); // answered by the spare key
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.attempts.size(), 2);
        QCOMPARE(record.attempts.constFirst().errorClass, QStringLiteral("rate_limited"));
        const KeyHealth health = h().router().health().value(1);
        QCOMPARE(health.state, KeyHealth::State::CoolingDown);
        QVERIFY2(cooldownLeft(health) > 30s && cooldownLeft(health) <= 37s,
            qPrintable(QString::number(cooldownLeft(health).count())));
    }

    void aDailyQuotaRestsTheKeyUntilItResets()
    {
        const QJsonArray details {
            QJsonObject { { "@type", "type.googleapis.com/google.rpc.QuotaFailure" },
                { "violations",
                    QJsonArray { QJsonObject { { "quotaMetric",
                                                   "generativelanguage.googleapis.com/"
                                                   "generate_content_free_tier_requests" },
                        { "quotaId", "GenerateRequestsPerDayPerProjectPerModel-FreeTier" },
                        { "quotaValue", "250" } } } } },
            QJsonObject {
                { "@type", "type.googleapis.com/google.rpc.RetryInfo" }, { "retryDelay", "12s" } }
        };
        h().fake().script("gemini", {},
            { .behaviour = Behaviour::Status, .status = 429, .body = resourceExhausted(details) });
        QCOMPARE(send(message()).status, 200);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto untilReset = std::chrono::seconds(now.secsTo(GoogleErrors::nextQuotaReset(now)));
        const KeyHealth health = h().router().health().value(1);
        QCOMPARE(health.state, KeyHealth::State::CoolingDown);
        QVERIFY2(qAbs((cooldownLeft(health) - std::max(untilReset, 60s)).count()) <= 5,
            qPrintable(QStringLiteral("%1 s, the reset in %2 s")
                           .arg(cooldownLeft(health).count())
                           .arg(untilReset.count())));
        // The reset is the next midnight in California.
        const QDateTime reset = GoogleErrors::nextQuotaReset(now);
        const QDateTime pacific = reset.toTimeZone(QTimeZone("America/Los_Angeles"));
        QCOMPARE(pacific.time(), QTime(0, 0));
        QVERIFY(reset > now && now.secsTo(reset) <= 24 * 3600);
    }

    void anInvalidApiKeyFailsOverAndIsRemembered()
    {
        const QJsonObject error { { "code", 400 },
            { "message", "API key not valid. Please pass a valid API key." },
            { "status", "INVALID_ARGUMENT" },
            { "details",
                QJsonArray { QJsonObject { { "@type", "type.googleapis.com/google.rpc.ErrorInfo" },
                    { "reason", "API_KEY_INVALID" }, { "domain", "googleapis.com" } } } } };
        h().fake().script("gemini", {},
            { .behaviour = Behaviour::Status,
                .status = 400,
                .body = QJsonDocument(QJsonObject { { "error", error } }).toJson() });
        QCOMPARE(send(message()).status, 200);
        QCOMPARE(
            h().lastFinished().attempts.constFirst().errorClass, QStringLiteral("invalid_key"));
        QCOMPARE(h().router().health().value(1).state, KeyHealth::State::Invalid);
    }

    void aBadRequestReachesTheClientInItsProtocol()
    {
        const QJsonObject error { { "code", 400 },
            { "message", "* GenerateContentRequest.contents: contents is not specified" },
            { "status", "INVALID_ARGUMENT" } };
        h().fake().script("gemini", {},
            { .behaviour = Behaviour::Status,
                .status = 400,
                .body = QJsonDocument(QJsonObject { { "error", error } }).toJson() });
        const auto response = send(message());
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json()["type"].toString(), QStringLiteral("error"));
        QVERIFY(response.json()["error"]["message"].toString().contains(u"contents"));
        QCOMPARE(h().lastFinished().attempts.size(), 1); // the request's fault: no failover
    }

    void anErrorMidStreamEndsTheStreamWithAnError()
    {
        h().fake().script("gemini", {}, { .behaviour = Behaviour::ErrorEventMidStream });
        const auto response = send(message(true));
        QCOMPARE(response.status, 200);
        const QJsonObject last = QJsonDocument::fromJson(response.events().constLast()).object();
        QCOMPARE(last["type"].toString(), QStringLiteral("error"));
        QVERIFY2(last["error"]["message"].toString().contains(u"overloaded"),
            response.events().constLast().constData());
    }
};

QTEST_GUILESS_MAIN(TestGemini)
#include "TestGemini.moc"
