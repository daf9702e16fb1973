#include "tests/support/RouterHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

// POST /v1/messages and /v1/messages/count_tokens through Anthropic-format keys: the request
// as the client wrote it with the key's own credentials, the answer and its events as they
// came, usage read on the way, failover on 529, errors in Anthropic's shape.
class TestAnthropicEndpoint : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;
    RouterHarness& h() { return *m_harness; }

    static QJsonObject message(bool stream = false)
    {
        return { { "model", "claude-sonnet-4-5" }, { "max_tokens", 1024 }, { "stream", stream },
            { "messages",
                QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } } } };
    }
    // As Claude Code calls: the local key as x-api-key, a version and betas.
    RouterHarness::Response send(
        const QJsonObject& body, const QString& path = QStringLiteral("/v1/messages?beta=true"))
    {
        return h().post(path, body, {},
            { { "x-api-key", RouterHarness::token() }, { "anthropic-version", "2023-06-01" },
                { "anthropic-beta",
                    "interleaved-thinking-2025-05-14,context-management-2025-06-27" } });
    }
    static QJsonValue json(const QByteArray& data)
    {
        return QJsonDocument::fromJson(data).object();
    }

private slots:
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        h().setKeys(
            { { QStringLiteral("Claude"), Tier::Prioritized, {}, QStringLiteral("anthropic") },
                { QStringLiteral("Spare"), Tier::Prioritized, {}, QStringLiteral("anthropic") } });
    }
    void cleanup() { m_harness.reset(); }

    void answersAsTheProviderDid()
    {
        const auto response = send(message());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["type"].toString(), QStringLiteral("message"));
        QCOMPARE(response.json()["content"][0]["text"].toString(),
            QStringLiteral("Hello from the fake."));
        QCOMPARE(response.header("x-keyway-key"), "Claude");
        const FakeProvider::Attempt attempt = h().fake().attempts().constFirst();
        QCOMPARE(attempt.path, QByteArray("/v1/messages"));
        QCOMPARE(attempt.key, QByteArray("claude")); // the key's secret as x-api-key
        QCOMPARE(headerValue(attempt.headers, "anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(headerValue(attempt.headers, "anthropic-beta"),
            QByteArray("interleaved-thinking-2025-05-14,context-management-2025-06-27"));
        QVERIFY(!headerValue(attempt.headers, "x-api-key").contains(RouterHarness::token()));
        // The model as the catalog-less planner sends it, the usage with the cache counted in.
        QCOMPARE(attempt.model, QStringLiteral("claude-sonnet-4-5"));
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.usage.prompt, 7); // 5 new + 2 read from the cache
        QCOMPARE(record.usage.cached, 2);
        QCOMPARE(record.usage.completion, 4);
        QCOMPARE(record.endpoint, QStringLiteral("/v1/messages"));
    }

    // Azure AI Foundry's Anthropic endpoint: the key's base URL ends in /anthropic, and the key
    // goes as Azure's api-key besides x-api-key.
    void reachesAzureFoundrysAnthropicEndpoint()
    {
        RouterHarness::Key azure(
            QStringLiteral("Foundry"), Tier::Prioritized, {}, QStringLiteral("anthropic"));
        azure.basePath = QStringLiteral("/anthropic");
        h().setKeys({ azure });
        QCOMPARE(send(message()).status, 200);
        const FakeProvider::Attempt attempt = h().fake().attempts().constLast();
        QCOMPARE(attempt.path, QByteArray("/anthropic/v1/messages"));
        QCOMPARE(headerValue(attempt.headers, "x-api-key"), QByteArray("foundry"));
        QCOMPARE(headerValue(attempt.headers, "api-key"), QByteArray("foundry"));
    }

    void streamsEventByEvent()
    {
        const auto response = send(message(true));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("Content-Type").startsWith("text/event-stream"));
        const QList<QByteArray> events = response.events();
        QCOMPARE(events.size(), 8);
        QCOMPARE(json(events.first())["type"].toString(), QStringLiteral("message_start"));
        QCOMPARE(json(events.at(1))["type"].toString(), QStringLiteral("ping"));
        QCOMPARE(json(events.constLast())["type"].toString(), QStringLiteral("message_stop"));
        QVERIFY(!response.body.contains("[DONE]"));
        QVERIFY(response.body.contains("event: content_block_delta\n"));
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.status, 200);
        QCOMPARE(record.usage.prompt, 7); // with the 2 read from the cache
        QCOMPARE(record.usage.completion, 4); // message_delta's cumulative count
        QCOMPARE(record.servedModel, QStringLiteral("claude-sonnet-4-5"));
    }

    void failsOverOnOverloaded()
    {
        h().fake().script("claude", {},
            { Behaviour::Status, 529, {},
                R"({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})" });
        const auto response = send(message());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("x-keyway-key"), "Spare");
        QCOMPARE(
            h().lastFinished().attempts.constFirst().errorClass, QStringLiteral("rate_limited"));
    }

    void anErrorMidStreamEndsItWithAnAnthropicErrorEvent()
    {
        h().fake().script("claude", {}, { Behaviour::ErrorEventMidStream, 200, {}, {}, 0ms });
        const auto response = send(message(true));
        QCOMPARE(response.status, 200);
        const QList<QByteArray> events = response.events();
        const QJsonValue last = json(events.constLast());
        QCOMPARE(last["type"].toString(), QStringLiteral("error"));
        QVERIFY(!last["error"]["message"].toString().isEmpty());
        QVERIFY(response.body.contains("event: error\n"));
    }

    void countsTokens()
    {
        QJsonObject body = message();
        body.remove("max_tokens");
        const auto response = send(body, QStringLiteral("/v1/messages/count_tokens"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["input_tokens"].toInt(), 14);
        QCOMPARE(h().fake().attempts().constLast().path, QByteArray("/v1/messages/count_tokens"));
    }

    void errorsComeInAnthropicsShape_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QJsonObject noMax = message();
        noMax.remove("max_tokens");
        QJsonObject noMessages = message();
        noMessages.remove("messages");
        QTest::newRow("no max_tokens")
            << noMax << RouterHarness::token() << 400 << "invalid_request_error";
        QTest::newRow("no messages")
            << noMessages << RouterHarness::token() << 400 << "invalid_request_error";
        QTest::newRow("unknown local key") << message() << QByteArray("kw-" + QByteArray(43, 'x'))
                                           << 401 << "authentication_error";
        QTest::newRow("no local key") << message() << QByteArray() << 401 << "authentication_error";
    }
    void errorsComeInAnthropicsShape()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QByteArray, key);
        QFETCH(int, status);
        QFETCH(QString, type);
        HttpHeaders headers { { "anthropic-version", "2023-06-01" } };
        if (!key.isEmpty())
            headers.append({ "x-api-key", key });
        const auto response = h().post(QStringLiteral("/v1/messages"), body, {}, headers);
        QCOMPARE(response.status, status);
        QCOMPARE(response.json()["type"].toString(), QStringLiteral("error"));
        QCOMPARE(response.json()["error"]["type"].toString(), type);
        QVERIFY(!response.json()["error"]["message"].toString().isEmpty());
        QVERIFY(h().fake().attempts().isEmpty());
    }

    void theProvidersOwnRefusalReachesTheClientAsItCame()
    {
        const QByteArray refusal
            = R"({"type": "error", "error": {"type": "invalid_request_error", )"
              R"("message": "prompt is too long: 210000 tokens > 200000 maximum"}})";
        h().fake().script("claude", {}, { Behaviour::Status, 400, {}, refusal });
        const auto response = send(message());
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json()["error"]["message"].toString(),
            QStringLiteral("prompt is too long: 210000 tokens > 200000 maximum"));
        QCOMPARE(h().fake().attempts().size(), 1); // the request is at fault, not the key
    }
};

QTEST_GUILESS_MAIN(TestAnthropicEndpoint)
#include "TestAnthropicEndpoint.moc"
