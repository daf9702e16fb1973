// The outcome table of DESIGN.md section 2, row by row, through a real router in front of the
// fake provider: what the client gets, what the provider saw, what the key's health became.
#include "router/http/UpstreamLimits.h"
#include "tests/support/Compression.h"
#include "tests/support/RawClient.h"
#include "tests/support/RouterHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;
using Clock = KeyHealth::Clock;

namespace {

FakeProvider::Script status(int code, FakeProvider::Headers headers = {}, QByteArray body = {})
{
    if (body.isEmpty())
        body = R"({"error":{"message":"scripted failure","type":"server_error"}})";
    return { Behaviour::Status, code, std::move(headers), std::move(body), 0ms };
}

QByteArray httpDate(const QDateTime& time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace

class TestFailover : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;
    const QString m_model = QStringLiteral("gpt-4.1");

    RouterHarness& h() { return *m_harness; }
    QList<QByteArray> keysSeen() const
    {
        QList<QByteArray> keys;
        for (const FakeProvider::Attempt& attempt : m_harness->fake().attempts())
            keys.append(attempt.key);
        return keys;
    }
    KeyHealth healthOf(qint64 keyId) const { return m_harness->router().health().value(keyId); }
    qint64 restMs(qint64 keyId) const
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
            healthOf(keyId).until - Clock::now())
            .count();
    }
    // 200 with 1 GiB of zeros in 1 MiB of gzip.
    static FakeProvider::Script bomb(const QByteArray& contentType)
    {
        return { Behaviour::Status, 200,
            { { "Content-Encoding", "gzip" }, { "Content-Type", contentType } }, gzipBomb(1024),
            0ms };
    }
    static QString limitText()
    {
        return QStringLiteral("more than %1 MiB").arg(UpstreamLimits::maxBodyBytes / 1024 / 1024);
    }
    RouterHarness::Response chat(const QString& model = {})
    {
        return h().post(QStringLiteral("/v1/chat/completions"),
            RouterHarness::chat(model.isEmpty() ? m_model : model));
    }

private slots:
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        h().setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") },
            { QStringLiteral("C"), Tier::Fallback } });
    }
    void cleanup() { m_harness.reset(); }

    void successAnswersFromTheFirstKey()
    {
        const auto response = chat();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["choices"].toArray().size(), 1);
        QCOMPARE(response.header("x-keyway-key"), "A");
        QCOMPARE(response.header("x-keyway-attempts"), "1");
        QVERIFY(response.header("x-keyway-request-id").startsWith("gen-"));
        QCOMPARE(response.header("X-Generation-Id"), response.header("x-keyway-request-id"));
        QCOMPARE(keysSeen(), QList<QByteArray> { "a" });
        // The provider got the key's own credentials, never the client's.
        const FakeProvider::Attempt attempt = h().fake().attempts().constFirst();
        for (const auto& [name, value] : attempt.headers)
            QVERIFY2(!value.contains(RouterHarness::token()), name.constData());
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.status, 200);
        QCOMPARE(record.keyLabel, QStringLiteral("A"));
        QCOMPARE(record.servedModel, m_model);
        QCOMPARE(record.usage.prompt, 5);
        QCOMPARE(record.usage.completion, 4);
        // No price in the catalog: no made-up cost.
        QVERIFY(!record.cost);
        QVERIFY(!response.json()["usage"].toObject().contains(QStringLiteral("cost")));
    }

    void theAnswerCarriesItsEstimatedCost()
    {
        h().catalog.add({ .canonicalId = QStringLiteral("openai/gpt-4.1"),
            .nativeIds = { { QStringLiteral("openai"), m_model } },
            .price = ModelPrice { .input = 2, .output = 8, .cachedInput = 0.5 } });
        h().setKeys({ { QStringLiteral("A") } });
        const auto response = chat(QStringLiteral("openai/gpt-4.1"));
        QCOMPARE(response.status, 200);
        const double expected = (5 * 2.0 + 4 * 8.0) / 1e6;
        QCOMPARE(response.json()["usage"]["cost"].toDouble(), expected);
        QCOMPARE(response.json()["usage"]["completion_tokens"].toInt(), 4);
        QCOMPARE(h().lastFinished().cost.value_or(-1), expected);
    }

    void rateLimitsFailOverAndRestTheKey_data()
    {
        QTest::addColumn<FakeProvider::Headers>("headers");
        QTest::addColumn<qint64>("shortestRestMs");
        QTest::addColumn<qint64>("longestRestMs");
        QTest::newRow("retry-after-ms") << FakeProvider::Headers { { "retry-after-ms", "1500" } }
                                        << qint64(1000) << qint64(1500);
        QTest::newRow("Retry-After seconds")
            << FakeProvider::Headers { { "Retry-After", "7" } } << qint64(6500) << qint64(7000);
        QTest::newRow("Retry-After HTTP date") << FakeProvider::Headers {
            { "Retry-After", httpDate(QDateTime::currentDateTimeUtc().addSecs(20)) }
        } << qint64(18000) << qint64(20000);
        QTest::newRow("OpenAI reset at zero remaining") << FakeProvider::Headers {
            { "x-ratelimit-remaining-requests", "0" }, { "x-ratelimit-reset-requests", "6m0s" }
        } << qint64(359'000) << qint64(360'000);
        QTest::newRow("nothing said: backoff with jitter")
            << FakeProvider::Headers {} << qint64(400) << qint64(1000);
    }
    void rateLimitsFailOverAndRestTheKey()
    {
        QFETCH(FakeProvider::Headers, headers);
        QFETCH(qint64, shortestRestMs);
        QFETCH(qint64, longestRestMs);
        h().fake().script("a", {}, status(429, headers));
        const auto response = chat();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("x-keyway-key"), "B");
        QCOMPARE(response.header("x-keyway-attempts"), "2");
        QCOMPARE(healthOf(1).state, KeyHealth::State::CoolingDown);
        QVERIFY2(restMs(1) >= shortestRestMs && restMs(1) <= longestRestMs,
            qPrintable(QString::number(restMs(1))));
        const AttemptRecord first = h().lastFinished().attempts.constFirst();
        QCOMPARE(first.errorClass, QStringLiteral("rate_limited"));
        QCOMPARE(first.httpStatus, 429);
        QCOMPARE(first.rateLimitHeaders.isEmpty(), headers.isEmpty());
        if (shortestRestMs > 1000) {
            // While it rests, the key is not asked again.
            QCOMPARE(chat().header("x-keyway-key"), "B");
            QCOMPARE(keysSeen(), (QList<QByteArray> { "a", "b", "b" }));
        }
    }

    void anInvalidKeyIsSkippedUntilItIsEdited()
    {
        h().fake().script("a", {}, status(401));
        QCOMPARE(chat().header("x-keyway-key"), "B");
        QCOMPARE(healthOf(1).state, KeyHealth::State::Invalid);
        QCOMPARE(chat().header("x-keyway-key"), "B");
        QCOMPARE(keysSeen(), (QList<QByteArray> { "a", "b", "b" }));
        h().router().forgetHealth(1); // the user edited or re-tested it
        h().fake().script("a", {}, { Behaviour::Answer, 200, {}, {}, 0ms });
        QCOMPARE(chat().header("x-keyway-key"), "A");
    }

    void runningOutOfCreditRestsTheKeyAnHour_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("402") << 402 << QByteArray();
        QTest::newRow("429 insufficient_quota")
            << 429
            << QByteArray(R"({"error":{"message":"quota","type":"insufficient_quota",)"
                          R"("code":"insufficient_quota"}})");
    }
    void runningOutOfCreditRestsTheKeyAnHour()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, body);
        h().fake().script("a", {}, status(code, {}, body));
        QCOMPARE(chat().header("x-keyway-key"), "B");
        QCOMPARE(healthOf(1).state, KeyHealth::State::OutOfCredit);
        QVERIFY(restMs(1) > 3'590'000 && restMs(1) <= 3'600'000);
        QCOMPARE(
            h().lastFinished().attempts.constFirst().errorClass, QStringLiteral("out_of_credit"));
    }

    void aMissingModelOrPermissionRestsOnlyThatModel_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("403") << 403;
        QTest::newRow("404") << 404;
    }
    void aMissingModelOrPermissionRestsOnlyThatModel()
    {
        QFETCH(int, code);
        h().fake().script("a", m_model, status(code));
        QCOMPARE(chat().header("x-keyway-key"), "B");
        QCOMPARE(healthOf(1).state, KeyHealth::State::Ready);
        QVERIFY(healthOf(1).unusableModels.contains(m_model));
        QCOMPARE(chat().header("x-keyway-key"), "B");
        QCOMPARE(chat(QStringLiteral("gpt-4o")).header("x-keyway-key"), "A");
        QCOMPARE(keysSeen(), (QList<QByteArray> { "a", "b", "b", "a" }));
    }

    void serverFailuresFailOverAndOpenTheCircuit_data()
    {
        QTest::addColumn<FakeProvider::Script>("script");
        QTest::newRow("500") << status(500);
        QTest::newRow("503") << status(503);
        // The router never sends an attempt again by itself: a dropped connection is one send.
        QTest::newRow("connection reset")
            << FakeProvider::Script { Behaviour::ResetBeforeHeaders, 0, {}, {}, 0ms };
    }
    void serverFailuresFailOverAndOpenTheCircuit()
    {
        QFETCH(FakeProvider::Script, script);
        RouterSettings settings;
        h().setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") } }, settings);
        h().fake().script("a", {}, script);
        for (int i = 0; i < HealthTracker::failuresToOpenCircuit; ++i) {
            const auto response = chat();
            QCOMPARE(response.status, 200);
            QCOMPARE(response.header("x-keyway-key"), "B");
        }
        QCOMPARE(healthOf(1).state, KeyHealth::State::CircuitOpen);
        QCOMPARE(chat().header("x-keyway-key"), "B");
        QList<QByteArray> expected;
        for (int i = 0; i < HealthTracker::failuresToOpenCircuit; ++i)
            expected += QList<QByteArray> { "a", "b" };
        QCOMPARE(keysSeen(), expected + QList<QByteArray> { "b" });
        QCOMPARE(h().finished().constFirst().attempts.constFirst().errorClass,
            QStringLiteral("server_error"));
    }

    // With no other key left, a provider slow to send its headers is waited for as long as a
    // model may think, not given up on after the headers timeout.
    void theLastKeyIsWaitedForLonger()
    {
        RouterSettings settings;
        settings.headersTimeout = 200ms;
        h().setKeys({ { QStringLiteral("A") } }, settings);
        h().fake().script("a", {}, { Behaviour::SlowHeaders, 0, {}, {}, 800ms });
        const auto response = chat();
        QCOMPARE(response.status, 200);
        QCOMPARE(keysSeen(), QList<QByteArray> { "a" });
    }

    void aHalfOpenCircuitLetsOneProbeThrough()
    {
        RouterSettings settings;
        settings.headersTimeout = 1500ms;
        h().setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") } }, settings);
        h().fake().script("a", {}, status(500));
        for (int i = 0; i < HealthTracker::failuresToOpenCircuit; ++i)
            QCOMPARE(chat().header("x-keyway-key"), "B");
        QCOMPARE(healthOf(1).state, KeyHealth::State::CircuitOpen);
        QTest::qWait(int(HealthTracker::firstProbeWait.count()) + 100);

        // The first request after the wait probes A, which hangs; one arriving meanwhile does
        // not join the probe but goes straight to B.
        h().fake().script("a", {}, { Behaviour::NoAnswer, 0, {}, {}, 0ms });
        h().fake().clearAttempts();
        RawClient probing(h().router().port());
        probing.send(RawClient::chatRequest(RouterHarness::token(),
            QJsonDocument(RouterHarness::chat(m_model)).toJson(QJsonDocument::Compact)));
        QTRY_COMPARE(keysSeen(), QList<QByteArray> { "a" });
        QCOMPARE(chat().header("x-keyway-key"), "B");
        QCOMPARE(keysSeen(), (QList<QByteArray> { "a", "b" }));
        // The probe times out and its request, too, is answered by B; A's wait doubles.
        const QByteArray answer = probing.receive(
            [](const QByteArray& got) { return got.contains("\"finish_reason\""); });
        QVERIFY2(answer.contains("x-keyway-key: B"), answer.constData());
        QCOMPARE(healthOf(1).state, KeyHealth::State::CircuitOpen);
        QVERIFY(restMs(1) > 9000);
    }

    void aLoneFailingKeyIsRetriedOnceAfterABackoff()
    {
        h().setKeys({ { QStringLiteral("A") } });
        h().fake().script("a", {}, status(503));
        const auto response = chat();
        QCOMPARE(response.status, 502);
        const QList<FakeProvider::Attempt> attempts = h().fake().attempts();
        QCOMPARE(attempts.size(), 2);
        QVERIFY(attempts.at(1).at - attempts.at(0).at >= 450ms);
        const QJsonObject error = response.json()["error"].toObject();
        QCOMPARE(error["code"].toString(), QStringLiteral("upstream_error"));
        QCOMPARE(error["metadata"]["provider_responses"].toArray().size(), 2);
        QCOMPARE(error["metadata"]["provider_responses"][0]["status"].toInt(), 503);
    }

    void aCompressionBombFailsOverAtTheLimit_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("answer") << false;
        QTest::newRow("stream") << true; // a stream's inflated bytes count too
    }
    void aCompressionBombFailsOverAtTheLimit()
    {
        QFETCH(bool, stream);
        h().fake().script("a", {}, bomb(stream ? "text/event-stream" : "application/json"));
        const auto response = h().post(
            QStringLiteral("/v1/chat/completions"), RouterHarness::chat(m_model, stream));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("x-keyway-key"), "B");
        if (stream)
            QCOMPARE(response.events().constLast(), "[DONE]");
        else
            QCOMPARE(response.json()["choices"].toArray().size(), 1);
        const AttemptRecord bombed = h().lastFinished().attempts.constFirst();
        QCOMPARE(bombed.keyLabel, QStringLiteral("A"));
        QCOMPARE(bombed.errorClass, QStringLiteral("server_error"));
        QVERIFY2(bombed.errorMessage.contains(limitText()), qPrintable(bombed.errorMessage));
    }

    void aLoneKeysCompressionBombIsAClearError()
    {
        h().setKeys({ { QStringLiteral("A") } });
        h().fake().script("a", {}, bomb("application/json"));
        const auto response = chat();
        QCOMPARE(response.status, 502);
        const QString message = response.json()["error"]["message"].toString();
        QVERIFY2(message.contains(limitText()), qPrintable(message));
        // Still up, and still answering.
        QCOMPARE(h().get(QStringLiteral("/health")).status, 200);
    }

    void aKeyWhoseCaFileHoldsNoCertificateIsSkipped()
    {
        QTemporaryDir dir;
        const QString caFile = dir.filePath(QStringLiteral("ca.pem"));
        QFile file(caFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        RouterHarness::Key a(QStringLiteral("A"));
        a.caFile = caFile;
        h().setKeys({ a, { QStringLiteral("B") } });
        for (int i = 0; i < HealthTracker::failuresToOpenCircuit; ++i) {
            const auto response = chat();
            QCOMPARE(response.status, 200);
            QCOMPARE(response.header("x-keyway-key"), "B");
        }
        QCOMPARE(keysSeen(), (QList<QByteArray> { "b", "b", "b" })); // nothing went out with A
        const AttemptRecord skipped = h().lastFinished().attempts.constFirst();
        QCOMPARE(skipped.errorClass, QStringLiteral("configuration"));
        QVERIFY2(skipped.errorMessage.contains(u"holds no certificate"),
            qPrintable(skipped.errorMessage));
        // The key's setup is at fault, not its health.
        QCOMPARE(healthOf(1).state, KeyHealth::State::Ready);
    }

    void clientErrorsGoBackAsTheyAre_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        // 400 context length and content filter, plain and streamed: TestFaultInjection.
        QTest::newRow("422") << 422 << QByteArray(R"({"error":{"message":"bad field"}})");
    }
    void clientErrorsGoBackAsTheyAre()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, body);
        h().fake().script("a", {}, status(code, {}, body));
        const auto response = chat();
        QCOMPARE(response.status, code);
        QCOMPARE(response.body, body);
        QCOMPARE(response.header("x-keyway-key"), "A");
        QCOMPARE(keysSeen(), QList<QByteArray> { "a" });
        QVERIFY(!h().router().health().contains(1)); // the request was at fault, not the key
    }

    void answers429WhenTheWaitWouldBeTooLong()
    {
        h().setKeys({ { QStringLiteral("A") } });
        h().fake().script("a", {}, status(429, { { "Retry-After", "30" } }));
        auto response = chat();
        QCOMPARE(response.status, 429);
        QVERIFY(response.header("Retry-After").toInt() >= 29);
        QCOMPARE(response.json()["error"]["type"].toString(), QStringLiteral("rate_limit_error"));
        // Asked again while it rests, the key is not bothered: the answer comes at once.
        response = chat();
        QCOMPARE(response.status, 429);
        QCOMPARE(h().fake().attempts().size(), 1);
        const QJsonArray excluded = response.json()["error"]["metadata"]["excluded_keys"].toArray();
        QCOMPARE(excluded.size(), 1);
        QVERIFY(excluded[0]["state"].toString().contains(QStringLiteral("cool")));
    }

    void theAttemptBudgetBoundsTheTries()
    {
        RouterSettings settings;
        settings.attemptBudget = 2;
        h().setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") }, { QStringLiteral("C") } },
            settings);
        for (const QByteArray key : { "a", "b", "c" })
            h().fake().script(key, {}, status(500));
        QCOMPARE(chat().status, 502);
        QCOMPARE(keysSeen(), (QList<QByteArray> { "a", "b" }));
    }

    void theDeadlineBoundsTheRequest()
    {
        RouterSettings settings;
        settings.deadline = 700ms;
        h().setKeys({ { QStringLiteral("A") } }, settings);
        h().fake().script("a", {}, { Behaviour::NoAnswer, 0, {}, {}, 0ms });
        const auto response = chat();
        QCOMPARE(response.status, 504);
        QVERIFY2(response.elapsedMs >= 650 && response.elapsedMs < 3000,
            qPrintable(QString::number(response.elapsedMs)));
        QCOMPARE(h().lastFinished().attempts.constFirst().errorClass, QStringLiteral("timeout"));
        QVERIFY(!h().router().health().contains(1)); // the deadline is the request's, not the key's
    }

    void theModelsListFallsBackToTheNextModel()
    {
        h().setKeys({ { QStringLiteral("A") } });
        h().fake().script("a", QStringLiteral("gpt-x"), status(404));
        QJsonObject body = RouterHarness::chat(QStringLiteral("gpt-x"));
        body["models"] = QJsonArray { QStringLiteral("gpt-y") };
        const auto response = h().post(QStringLiteral("/v1/chat/completions"), body);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["model"].toString(), QStringLiteral("gpt-y"));
        QCOMPARE(h().fake().attempts().size(), 2);
        QCOMPARE(h().fake().attempts().at(1).model, QStringLiteral("gpt-y"));
        QCOMPARE(h().lastFinished().servedModel, QStringLiteral("gpt-y"));
        QCOMPARE(h().lastFinished().requestedModel, QStringLiteral("gpt-x"));
    }

    void openRouterKeysAttributeTheApp()
    {
        h().setKeys(
            { { QStringLiteral("R"), Tier::SharedCapacity, {}, QStringLiteral("openrouter") } });
        QCOMPARE(chat(QStringLiteral("anthropic/claude-sonnet-4.5")).status, 200);
        const FakeProvider::Attempt attempt = h().fake().attempts().constFirst();
        QCOMPARE(attempt.model, QStringLiteral("anthropic/claude-sonnet-4.5"));
        bool titled = false;
        for (const auto& [name, value] : attempt.headers)
            titled = titled
                || (name.compare("X-Title", Qt::CaseInsensitive) == 0 && value == "Keyway");
        QVERIFY(titled);
    }

    void aModelNoKeyServesIs404()
    {
        const auto response = chat(QStringLiteral("mistral-large-latest"));
        QCOMPARE(response.status, 404);
        QCOMPARE(response.json()["error"]["code"].toString(), QStringLiteral("model_not_found"));
        QVERIFY(h().fake().attempts().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "TestFailover.moc"
