// Streamed answers through a real router (DESIGN.md section 2, point 5): events pass through as
// they come, headers wait for the first real event. How streams that break, stall or come slowly
// are handled, plain and streamed: TestFaultInjection.
#include "tests/support/RawClient.h"
#include "tests/support/RouterHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

namespace {

QJsonValue json(const QByteArray& data)
{
    return QJsonDocument::fromJson(data).object();
}

FakeProvider::Script behaving(Behaviour behaviour, std::chrono::milliseconds delay = 0ms)
{
    return { behaviour, 200, {}, {}, delay };
}

QByteArray rawStreamRequest()
{
    return RawClient::chatRequest(RouterHarness::token(),
        QJsonDocument(RouterHarness::chat(QStringLiteral("gpt-4.1"), true))
            .toJson(QJsonDocument::Compact));
}

} // namespace

class TestStreaming : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;

    RouterHarness& h() { return *m_harness; }
    RouterHarness::Response stream(QJsonObject extra = {})
    {
        QJsonObject body = RouterHarness::chat(QStringLiteral("gpt-4.1"), true);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return h().post(QStringLiteral("/v1/chat/completions"), body);
    }
    void setKeys(RouterSettings settings = {})
    {
        h().setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") } }, settings);
    }

private slots:
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        setKeys();
    }
    void cleanup() { m_harness.reset(); }

    void eventsPassThroughWithoutAUsageChunkNobodyAskedFor()
    {
        const auto response = stream();
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("Content-Type").startsWith("text/event-stream"));
        QCOMPARE(response.header("x-keyway-key"), "A");
        QCOMPARE(response.header("x-keyway-attempts"), "1");
        const QList<QByteArray> events = response.events();
        QCOMPARE(events.size(), 5); // four chunks and [DONE]
        QCOMPARE(events.constLast(), "[DONE]");
        QString text;
        for (const QByteArray& event : events.first(4)) {
            QVERIFY(!json(event)["usage"].isObject());
            text += json(event)["choices"][0]["delta"]["content"].toString();
        }
        QCOMPARE(text, QStringLiteral("Hello from the fake."));
        // The router asked for usage for its own count.
        QVERIFY(h().fake().attempts().constFirst().stream);
        QCOMPARE(h().lastFinished().usage.completion, 4);
        QCOMPARE(h().lastFinished().status, 200);
    }

    void theUsageChunkComesWhenTheClientAsks()
    {
        const auto response
            = stream({ { "stream_options", QJsonObject { { "include_usage", true } } } });
        const QList<QByteArray> events = response.events();
        QCOMPARE(events.size(), 6);
        QCOMPARE(json(events.at(4))["usage"]["completion_tokens"].toInt(), 4);
        QVERIFY(!json(events.at(4))["usage"].toObject().contains(QStringLiteral("cost")));
    }

    void theUsageChunkCarriesTheEstimatedCost()
    {
        h().catalog.add({ .canonicalId = QStringLiteral("openai/gpt-4.1"),
            .nativeIds = { { QStringLiteral("openai"), QStringLiteral("gpt-4.1") } },
            .price = ModelPrice { .input = 2, .output = 8, .cachedInput = 0.5 } });
        setKeys();
        const auto response
            = stream({ { "stream_options", QJsonObject { { "include_usage", true } } } });
        const QJsonValue usage = json(response.events().at(4))["usage"];
        const double expected
            = (usage["prompt_tokens"].toDouble() * 2 + usage["completion_tokens"].toDouble() * 8)
            / 1e6;
        QVERIFY(expected > 0);
        QCOMPARE(usage["cost"].toDouble(), expected);
        QCOMPARE(h().lastFinished().cost.value_or(-1), expected);
    }

    void aStreamThatFailsBeforeItsFirstEventFailsOver_data()
    {
        QTest::addColumn<FakeProvider::Script>("script");
        QTest::addColumn<QString>("errorClass");
        // Qt reports a chunked body cut short either as a network error or as an early end.
        QTest::newRow("cut after the headers")
            << behaving(Behaviour::FailAfterHeaders) << QStringLiteral("server_error|stream_error");
        QTest::newRow("error event first (overloaded)")
            << FakeProvider::Script { Behaviour::ErrorEventFirst, 529, {}, {}, 0ms }
            << QStringLiteral("rate_limited");
    }
    void aStreamThatFailsBeforeItsFirstEventFailsOver()
    {
        QFETCH(FakeProvider::Script, script);
        QFETCH(QString, errorClass);
        h().fake().script("a", {}, script);
        const auto response = stream();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("x-keyway-key"), "B");
        QCOMPARE(response.header("x-keyway-attempts"), "2");
        QCOMPARE(response.events().size(), 5);
        const QString seen = h().lastFinished().attempts.constFirst().errorClass;
        QVERIFY2(errorClass.split(u'|').contains(seen), qPrintable(seen));
    }

    void azureStreamsMayBeginWithEmptyChoices()
    {
        h().setKeys({ { QStringLiteral("Z"), Tier::Prioritized, { QStringLiteral("gpt-4.1") },
            QStringLiteral("azure") } });
        h().fake().script("z", {}, behaving(Behaviour::AzureFilterResultsFirst));
        const auto response = stream();
        QCOMPARE(response.status, 200);
        const QList<QByteArray> events = response.events();
        QCOMPARE(events.size(), 6);
        QVERIFY(json(events.constFirst())["prompt_filter_results"].isArray());
        QCOMPARE(events.constLast(), "[DONE]");
        const FakeProvider::Attempt attempt = h().fake().attempts().constFirst();
        QVERIFY2(attempt.path.endsWith("/openai/v1/chat/completions"), attempt.path.constData());
        QCOMPARE(attempt.key, "z"); // sent as api-key, Azure's header
    }

    void aClientThatLeavesCancelsTheUpstreamRequest()
    {
        h().fake().script("a", {}, behaving(Behaviour::StallMidStream));
        RawClient client(h().router().port());
        client.send(rawStreamRequest());
        QVERIFY(client.receiveCount("data:", 1).contains("Hello"));
        client.abort();
        QTRY_COMPARE(h().fake().cancelledRequests(), 1);
        QTRY_COMPARE(h().finished().size(), 1);
        QCOMPARE(h().lastFinished().status, 499);
        QCOMPARE(h().lastFinished().attempts.constFirst().errorClass, QStringLiteral("cancelled"));
    }

    void twoHundredConcurrentStreams()
    {
        const quint16 port = h().router().port();
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 200; ++i) {
            clients.push_back(std::make_unique<RawClient>(port));
            clients.back()->send(rawStreamRequest());
        }
        int complete = 0;
        for (const auto& client : clients) {
            const QByteArray received = client->receive(
                [](const QByteArray& got) { return got.endsWith("0\r\n\r\n"); }, 30'000);
            if (received.startsWith("HTTP/1.1 200") && received.contains("data: [DONE]"))
                ++complete;
        }
        QCOMPARE(complete, 200);
        QCOMPARE(h().fake().attempts().size(), 200);
    }
};

QTEST_GUILESS_MAIN(TestStreaming)
#include "TestStreaming.moc"
