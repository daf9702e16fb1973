// The fault-injection suite (issue 15, item 3): each fault the fake provider can put on, once for
// a client that wants a whole answer and once for one that streams. Each scenario checks what
// the client got (status, answer or events, x-keyway-key, x-keyway-attempts), what the provider
// saw (which keys, how many attempts, the gaps between them) and what the request record says;
// after each, a healthy request must succeed. Short deadlines keep the suite fast; the minute-long
// outage has its own test (TestOutageRecovery).
//
// Chat calls go to providers streamed for both kinds of client, so a stream that breaks before
// the client has anything fails over for a whole answer, while a streaming client that already
// has its first event gets an error event instead.
#include "tests/support/RouterHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;
using Clock = KeyHealth::Clock;
using Ms = std::chrono::milliseconds;

namespace {

FakeProvider::Script behaving(Behaviour behaviour, Ms delay = 0ms)
{
    return { behaviour, 200, {}, {}, delay };
}

FakeProvider::Script status(int code, FakeProvider::Headers headers = {}, QByteArray body = {})
{
    if (body.isEmpty()) {
        body = QJsonDocument(
            QJsonObject { { "error",
                QJsonObject { { "message", "scripted failure" }, { "type", "server_error" } } } })
                   .toJson(QJsonDocument::Compact);
    }
    return { Behaviour::Status, code, std::move(headers), std::move(body), 0ms };
}

// OpenAI's error bodies, as its API sends them for a request that cannot be served.
QByteArray openAiError(const char* message, const char* code, const char* param)
{
    return QJsonDocument(
        QJsonObject { { "error",
            QJsonObject { { "message", message }, { "type", "invalid_request_error" },
                { "param", param }, { "code", code } } } })
        .toJson(QJsonDocument::Compact);
}

QJsonValue json(const QByteArray& data)
{
    return QJsonDocument::fromJson(data).object();
}

// Timing bounds leave this much for the scheduler of a busy machine.
constexpr Ms slack = 60ms;

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;
    const QString m_model = QStringLiteral("gpt-4.1");
    bool m_stream = false;
    int m_keyCount = 0;

    RouterHarness& h() { return *m_harness; }
    FakeProvider& fake() { return m_harness->fake(); }

    static RouterSettings shortSettings()
    {
        RouterSettings settings;
        settings.headersTimeout = 300ms;
        settings.firstEventTimeout = 1000ms;
        settings.streamIdleTimeout = 300ms;
        settings.deadline = 10s;
        settings.waitBudget = 3s;
        return settings;
    }
    void setKeys(const QStringList& labels)
    {
        QList<RouterHarness::Key> keys;
        for (const QString& label : labels)
            keys.append(RouterHarness::Key(label));
        h().setKeys(keys, shortSettings());
        m_keyCount = int(keys.size());
    }

    // A chat request as this row's client sends it; a streaming client asks for the usage too.
    RouterHarness::Response ask()
    {
        QJsonObject body = RouterHarness::chat(m_model, m_stream);
        if (m_stream)
            body.insert("stream_options", QJsonObject { { "include_usage", true } });
        return h().post(QStringLiteral("/v1/chat/completions"), body);
    }

    QList<QByteArray> seen() const
    {
        QList<QByteArray> keys;
        for (const FakeProvider::Attempt& attempt : m_harness->fake().attempts())
            keys.append(attempt.key);
        return keys;
    }
    QList<Clock::time_point> timesOn(const QByteArray& key) const
    {
        QList<Clock::time_point> times;
        for (const FakeProvider::Attempt& attempt : m_harness->fake().attempts()) {
            if (attempt.key == key)
                times.append(attempt.at);
        }
        return times;
    }
    static qint64 gapMs(Clock::time_point from, Clock::time_point to)
    {
        return std::chrono::duration_cast<Ms>(to - from).count();
    }
    QStringList errorClasses() const
    {
        QStringList classes;
        for (const AttemptRecord& attempt : m_harness->lastFinished().attempts)
            classes.append(attempt.errorClass);
        return classes;
    }

    void verifyServed(const RouterHarness::Response& response, const QByteArray& key, int attempts);
    void verifyWholeAnswer(const RouterHarness::Response& response);
    void verifyAccounting(const QByteArray& key, int attempts);
    void verifyBrokenStream(const RouterHarness::Response& response);
    void verifyClientError(
        const RouterHarness::Response& response, const QByteArray& body, const QString& reason);
    void waitForAKeyToBeReady();

private slots:
    void init();
    void cleanup();

    void rateLimitWithRetryAfterIsHonoured_data() { modes(); }
    void rateLimitWithRetryAfterIsHonoured();
    void persistentRateLimitBacksOffWhileTheNextKeyServes_data() { modes(); }
    void persistentRateLimitBacksOffWhileTheNextKeyServes();
    void persistentRateLimitEverywhereEndsIn429_data() { modes(); }
    void persistentRateLimitEverywhereEndsIn429();
    void serverErrorOnceThenHealthy_data() { modes(); }
    void serverErrorOnceThenHealthy();
    void persistent503EndsAfterBoundedAttempts_data() { modes(); }
    void persistent503EndsAfterBoundedAttempts();
    void resetBeforeHeadersFailsOver_data() { modes(); }
    void resetBeforeHeadersFailsOver();
    void noAnswerAtAllFailsOverAndOpensTheCircuit_data() { modes(); }
    void noAnswerAtAllFailsOverAndOpensTheCircuit();
    void slowFirstTokenIsWaitedFor_data() { modes(); }
    void slowFirstTokenIsWaitedFor();
    void firstTokenLaterThanItsTimeoutFailsOver_data() { modes(); }
    void firstTokenLaterThanItsTimeoutFailsOver();
    void streamCutMidAnswerIsNeverATruncatedSuccess_data() { modes(); }
    void streamCutMidAnswerIsNeverATruncatedSuccess();
    void stalledStreamIsLeft_data() { modes(); }
    void stalledStreamIsLeft();
    void errorEventMidAnswer_data() { modes(); }
    void errorEventMidAnswer();
    void malformedEventIsDroppedAndRecorded_data() { modes(); }
    void malformedEventIsDroppedAndRecorded();
    void streamWithoutDoneIsFinalisedPromptly_data() { modes(); }
    void streamWithoutDoneIsFinalisedPromptly();
    void contextLengthIsOneAttempt_data() { modes(); }
    void contextLengthIsOneAttempt();
    void contentFilterReasonReachesTheClient_data() { modes(); }
    void contentFilterReasonReachesTheClient();
    void failoverAccounting_data() { modes(); }
    void failoverAccounting();

private:
    static void modes()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("plain") << false;
        QTest::newRow("streamed") << true;
    }
};

void TestFaultInjection::init()
{
    m_harness = std::make_unique<RouterHarness>();
    m_stream = qstrcmp(QTest::currentDataTag(), "streamed") == 0;
    setKeys({ QStringLiteral("A"), QStringLiteral("B") });
}

// After each scenario the providers heal, and a healthy request must be served at once by a
// key that is not resting: nothing the fault left behind may wedge the router.
void TestFaultInjection::cleanup()
{
    if (!QTest::currentTestFailed()) {
        for (const QByteArray key : { "a", "b" })
            fake().script(key, {}, behaving(Behaviour::Answer));
        waitForAKeyToBeReady();
        fake().clearAttempts();
        const auto response = ask();
        verifyWholeAnswer(response);
        QCOMPARE(response.header("x-keyway-attempts"), "1");
        QCOMPARE(fake().attempts().size(), 1);
    }
    m_harness.reset();
}

// Keys resting after a scenario that rate-limited them all would make the healthy request wait
// or be refused; the scenario has already shown that, so the check waits for one to be back.
void TestFaultInjection::waitForAKeyToBeReady()
{
    const HealthSnapshot health = h().router().health();
    std::optional<Clock::time_point> earliest;
    for (qint64 keyId = 1; keyId <= m_keyCount; ++keyId) {
        const KeyHealth key = health.value(keyId);
        if (key.state == KeyHealth::State::Ready)
            return;
        if (!earliest || key.until < *earliest)
            earliest = key.until;
    }
    const qint64 wait = gapMs(Clock::now(), *earliest);
    QVERIFY2(wait < 10'000, qPrintable(QString::number(wait)));
    if (wait > 0)
        QTest::qWait(int(wait + slack.count()));
}

void TestFaultInjection::verifyWholeAnswer(const RouterHarness::Response& response)
{
    QCOMPARE(response.status, 200);
    if (!m_stream) {
        const QJsonValue answer = response.json();
        QCOMPARE(answer["model"].toString(), m_model);
        QCOMPARE(answer["choices"][0]["message"]["content"].toString(),
            QStringLiteral("Hello from the fake."));
        QCOMPARE(answer["choices"][0]["finish_reason"].toString(), QStringLiteral("stop"));
        QCOMPARE(answer["usage"]["completion_tokens"].toInt(), 4);
        return;
    }
    QVERIFY(response.header("Content-Type").startsWith("text/event-stream"));
    const QList<QByteArray> events = response.events();
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.constLast(), "[DONE]");
    QString text;
    int usageEvents = 0;
    for (const QByteArray& event : events.first(events.size() - 1)) {
        const QJsonValue chunk = json(event);
        QVERIFY2(!chunk["error"].isObject(), event.constData());
        QCOMPARE(chunk["model"].toString(), m_model);
        text += chunk["choices"][0]["delta"]["content"].toString();
        if (chunk["usage"].isObject()) {
            ++usageEvents;
            QCOMPARE(chunk["usage"]["completion_tokens"].toInt(), 4);
        }
    }
    QCOMPARE(text, QStringLiteral("Hello from the fake."));
    QCOMPARE(usageEvents, 1);
}

// The record names the key that served and counts only its attempt as an answer: the failed
// ones carry an error class and none of the usage.
void TestFaultInjection::verifyAccounting(const QByteArray& key, int attempts)
{
    const RequestRecord record = h().lastFinished();
    QCOMPARE(record.status, 200);
    QCOMPARE(record.stream, m_stream);
    QCOMPARE(record.keyLabel, QString::fromLatin1(key));
    QCOMPARE(record.servedModel, m_model);
    QCOMPARE(record.usage, (TokenUsage { 5, 4, 0, 0 }));
    QCOMPARE(record.attempts.size(), attempts);
    for (int i = 0; i + 1 < attempts; ++i) {
        const AttemptRecord& failed = record.attempts.at(i);
        QVERIFY2(!failed.errorClass.isEmpty(), qPrintable(failed.keyLabel));
        QVERIFY2(failed.usage.isEmpty(), qPrintable(failed.keyLabel));
    }
    const AttemptRecord& served = record.attempts.constLast();
    QCOMPARE(served.keyLabel, QString::fromLatin1(key));
    QCOMPARE(served.errorClass, QString());
    QCOMPARE(served.httpStatus, 200);
    QCOMPARE(served.usage, record.usage);
}

void TestFaultInjection::verifyServed(
    const RouterHarness::Response& response, const QByteArray& key, int attempts)
{
    verifyWholeAnswer(response);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(response.header("x-keyway-key"), key);
    QCOMPARE(response.header("x-keyway-attempts"), QByteArray::number(attempts));
    verifyAccounting(key, attempts);
}

// The first event reached the client, then the provider failed it: the stream ends with an error
// event and never with [DONE], and no other key is asked (the client has part of an answer).
void TestFaultInjection::verifyBrokenStream(const RouterHarness::Response& response)
{
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("x-keyway-key"), "A");
    QCOMPARE(response.header("x-keyway-attempts"), "1");
    const QList<QByteArray> events = response.events();
    QVERIFY(events.size() >= 2);
    QVERIFY(!events.contains("[DONE]"));
    QCOMPARE(json(events.constFirst())["choices"][0]["delta"]["content"].toString(),
        QStringLiteral("Hello"));
    const QJsonValue last = json(events.constLast());
    QCOMPARE(last["choices"][0]["finish_reason"].toString(), QStringLiteral("error"));
    QVERIFY(!last["error"]["message"].toString().isEmpty());
    QCOMPARE(seen(), QList<QByteArray> { "a" });
    const RequestRecord record = h().lastFinished();
    QCOMPARE(record.status, 502);
    QCOMPARE(errorClasses(), QStringList { QStringLiteral("stream_error") });
}

// A request the provider refuses as it is: one attempt, the provider's body to the client as it
// was sent, and the key's health untouched.
void TestFaultInjection::verifyClientError(
    const RouterHarness::Response& response, const QByteArray& body, const QString& reason)
{
    QCOMPARE(response.status, 400);
    QCOMPARE(response.body, body);
    QVERIFY2(
        response.json()["error"]["message"].toString().contains(reason), response.body.constData());
    QCOMPARE(response.header("x-keyway-key"), "A");
    QCOMPARE(response.header("x-keyway-attempts"), "1");
    QCOMPARE(seen(), QList<QByteArray> { "a" });
    QCOMPARE(errorClasses(), QStringList { QStringLiteral("client_error") });
    QVERIFY(!h().router().health().contains(1));
}

// A lone key asks to be left for a second, twice: the router waits each time (within its wait
// budget) and asks again no sooner.
void TestFaultInjection::rateLimitWithRetryAfterIsHonoured()
{
    setKeys({ QStringLiteral("A") });
    fake().script("a", {}, status(429, { { "Retry-After", "1" } }), 2);
    const auto response = ask();
    verifyServed(response, "A", 3);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "a", "a" }));
    const QList<Clock::time_point> times = timesOn("a");
    for (int i = 1; i < times.size(); ++i) {
        const qint64 gap = gapMs(times.at(i - 1), times.at(i));
        QVERIFY2(gap >= 1000 - slack.count() && gap < 2000, qPrintable(QString::number(gap)));
    }
    QCOMPARE(errorClasses(),
        (QStringList { QStringLiteral("rate_limited"), QStringLiteral("rate_limited"), {} }));
}

// A key that keeps answering 429 without saying for how long: every request is served by the
// next key, and the rate-limited one is asked again only after each backoff step (0.5-1 s,
// 1-2 s, 2-4 s: half fixed, half jitter), never in a tight loop.
void TestFaultInjection::persistentRateLimitBacksOffWhileTheNextKeyServes()
{
    fake().script("a", {}, status(429));
    QElapsedTimer clock;
    clock.start();
    int requests = 0;
    while (clock.elapsed() < 4000) {
        const int triedBefore = int(timesOn("a").size());
        const auto response = ask();
        const int attempts = int(timesOn("a").size()) - triedBefore + 1;
        verifyServed(response, "B", attempts);
        if (QTest::currentTestFailed())
            return;
        ++requests;
        QTest::qWait(200);
    }
    const QList<Clock::time_point> times = timesOn("a");
    QVERIFY2(times.size() >= 3 && times.size() <= 4, qPrintable(QString::number(times.size())));
    QCOMPARE(timesOn("b").size(), requests);
    for (int step = 1; step < times.size(); ++step) {
        const qint64 shortest = (500 << (step - 1)) - slack.count();
        const qint64 gap = gapMs(times.at(step - 1), times.at(step));
        QVERIFY2(gap >= shortest, qPrintable(QStringLiteral("step %1: %2 ms").arg(step).arg(gap)));
    }
}

// Every key rate-limited without a word: the request goes from key to key, waits for the first
// back within its wait budget, and ends with a 429 naming when to come back, after a bounded
// number of attempts that each key saw no faster than its backoff.
void TestFaultInjection::persistentRateLimitEverywhereEndsIn429()
{
    for (const QByteArray key : { "a", "b" })
        fake().script(key, {}, status(429));
    const auto response = ask();
    QCOMPARE(response.status, 429);
    QVERIFY(response.header("Retry-After").toInt() >= 1);
    QCOMPARE(response.json()["error"]["type"].toString(), QStringLiteral("rate_limit_error"));
    const QList<QByteArray> keys = seen();
    QVERIFY2(keys.size() >= 3 && keys.size() <= shortSettings().attemptBudget,
        qPrintable(QString::number(keys.size())));
    QCOMPARE(keys.first(2), (QList<QByteArray> { "a", "b" }));
    QCOMPARE(response.header("x-keyway-attempts"), QByteArray::number(keys.size()));
    for (const QByteArray key : { "a", "b" }) {
        const QList<Clock::time_point> times = timesOn(key);
        for (int step = 1; step < times.size(); ++step)
            QVERIFY(
                gapMs(times.at(step - 1), times.at(step)) >= (500 << (step - 1)) - slack.count());
    }
    QCOMPARE(h().lastFinished().status, 429);
}

// A lone key's 500 is tried once more after a short backoff, and the second answer is the one.
void TestFaultInjection::serverErrorOnceThenHealthy()
{
    setKeys({ QStringLiteral("A") });
    fake().script("a", {}, status(500), 1);
    const auto response = ask();
    verifyServed(response, "A", 2);
    const QList<Clock::time_point> times = timesOn("a");
    QCOMPARE(times.size(), 2);
    QVERIFY(gapMs(times.at(0), times.at(1)) >= 500 - slack.count());
    QCOMPARE(errorClasses(), (QStringList { QStringLiteral("server_error"), {} }));
}

// Both keys answer 503 for good: the next key, one more try on it after a short backoff, then a
// 502 listing every attempt — three calls, no more.
void TestFaultInjection::persistent503EndsAfterBoundedAttempts()
{
    for (const QByteArray key : { "a", "b" })
        fake().script(key, {}, status(503));
    const auto response = ask();
    QCOMPARE(response.status, 502);
    QCOMPARE(response.header("x-keyway-attempts"), "3");
    const QJsonObject error = response.json()["error"].toObject();
    QCOMPARE(error["code"].toString(), QStringLiteral("upstream_error"));
    const QJsonArray attempts = error["metadata"]["provider_responses"].toArray();
    QCOMPARE(attempts.size(), 3);
    for (const QJsonValue attempt : attempts)
        QCOMPARE(attempt["status"].toInt(), 503);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b", "b" }));
    const QList<Clock::time_point> times = timesOn("b");
    QVERIFY(gapMs(times.at(0), times.at(1)) >= 500 - slack.count());
    QCOMPARE(h().lastFinished().status, 502);
}

void TestFaultInjection::resetBeforeHeadersFailsOver()
{
    fake().script("a", {}, behaving(Behaviour::ResetBeforeHeaders));
    const auto response = ask();
    verifyServed(response, "B", 2);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b" }));
    QCOMPARE(errorClasses(), (QStringList { QStringLiteral("server_error"), {} }));
}

// A provider that takes the request and never answers is silent: left after the headers
// timeout, and its circuit opens at once so the next requests do not wait for it.
void TestFaultInjection::noAnswerAtAllFailsOverAndOpensTheCircuit()
{
    fake().script("a", {}, behaving(Behaviour::NoAnswer));
    const auto response = ask();
    verifyServed(response, "B", 2);
    QVERIFY2(response.elapsedMs >= 300 - slack.count() && response.elapsedMs < 3000,
        qPrintable(QString::number(response.elapsedMs)));
    QCOMPARE(errorClasses(), (QStringList { QStringLiteral("timeout"), {} }));
    QCOMPARE(h().router().health().value(1).state, KeyHealth::State::CircuitOpen);
    const auto next = ask();
    verifyServed(next, "B", 1);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b", "b" }));
}

// A model that thinks before its first token, within the first-event timeout, is waited for.
void TestFaultInjection::slowFirstTokenIsWaitedFor()
{
    fake().script("a", {}, behaving(Behaviour::SlowFirstToken, 400ms));
    const auto response = ask();
    verifyServed(response, "A", 1);
    QVERIFY(response.elapsedMs >= 400 - slack.count());
    QCOMPARE(seen(), QList<QByteArray> { "a" });
}

void TestFaultInjection::firstTokenLaterThanItsTimeoutFailsOver()
{
    fake().script("a", {}, behaving(Behaviour::SlowFirstToken, 3000ms));
    const auto response = ask();
    verifyServed(response, "B", 2);
    QVERIFY2(response.elapsedMs >= 1000 - slack.count() && response.elapsedMs < 2500,
        qPrintable(QString::number(response.elapsedMs)));
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b" }));
    QCOMPARE(errorClasses(), (QStringList { QStringLiteral("timeout"), {} }));
}

// One event, then the connection drops. Whole: nothing was sent yet, so the next key answers.
// Streamed: the client has the event, so its stream ends with an error event.
void TestFaultInjection::streamCutMidAnswerIsNeverATruncatedSuccess()
{
    fake().script("a", {}, behaving(Behaviour::CutMidStream));
    const auto response = ask();
    if (m_stream) {
        verifyBrokenStream(response);
        return;
    }
    verifyServed(response, "B", 2);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b" }));
    const QString cut = errorClasses().constFirst();
    QVERIFY2(cut == u"stream_error" || cut == u"server_error", qPrintable(cut));
}

// One event, then silence longer than the stream idle timeout.
void TestFaultInjection::stalledStreamIsLeft()
{
    fake().script("a", {}, behaving(Behaviour::StallMidStream));
    const auto response = ask();
    QVERIFY2(response.elapsedMs >= 300 - slack.count() && response.elapsedMs < 3000,
        qPrintable(QString::number(response.elapsedMs)));
    if (m_stream) {
        verifyBrokenStream(response);
        return;
    }
    verifyServed(response, "B", 2);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b" }));
    QCOMPARE(errorClasses(), (QStringList { QStringLiteral("timeout"), {} }));
}

// One event, then the provider's own error event.
void TestFaultInjection::errorEventMidAnswer()
{
    fake().script("a", {}, behaving(Behaviour::ErrorEventMidStream));
    const auto response = ask();
    if (m_stream) {
        verifyBrokenStream(response);
        QVERIFY(response.events().constLast().contains("The model crashed mid-answer"));
        return;
    }
    verifyServed(response, "B", 2);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b" }));
    QCOMPARE(errorClasses(), (QStringList { QStringLiteral("server_error"), {} }));
}

// An event that is not JSON among good ones: dropped, counted on the attempt, the answer whole.
void TestFaultInjection::malformedEventIsDroppedAndRecorded()
{
    fake().script("a", {}, behaving(Behaviour::MalformedEvent));
    const auto response = ask();
    verifyServed(response, "A", 1);
    QCOMPARE(seen(), QList<QByteArray> { "a" });
    QCOMPARE(h().lastFinished().attempts.constFirst().malformedEvents, 1);
}

// A complete answer whose stream closes without [DONE] is finalised when it closes, not after a
// timeout; a streaming client still gets its [DONE].
void TestFaultInjection::streamWithoutDoneIsFinalisedPromptly()
{
    fake().script("a", {}, behaving(Behaviour::StreamWithoutDone));
    const auto response = ask();
    verifyServed(response, "A", 1);
    QVERIFY2(response.elapsedMs < 1000, qPrintable(QString::number(response.elapsedMs)));
    QCOMPARE(seen(), QList<QByteArray> { "a" });
}

void TestFaultInjection::contextLengthIsOneAttempt()
{
    const QByteArray body = openAiError(
        "This model's maximum context length is 8192 tokens. However, your messages resulted "
        "in 9000 tokens.",
        "context_length_exceeded", "messages");
    fake().script("a", {}, status(400, {}, body));
    verifyClientError(ask(), body, QStringLiteral("maximum context length is 8192 tokens"));
}

void TestFaultInjection::contentFilterReasonReachesTheClient()
{
    const QByteArray body = openAiError(
        "The response was filtered due to the prompt triggering content management policy.",
        "content_filter", "prompt");
    fake().script("a", {}, status(400, {}, body));
    const auto response = ask();
    verifyClientError(response, body, QStringLiteral("content management policy"));
    QCOMPARE(response.json()["error"]["code"].toString(), QStringLiteral("content_filter"));
    QCOMPARE(h().lastFinished().attempts.constFirst().errorMessage,
        QStringLiteral(
            "The response was filtered due to the prompt triggering content management policy."));
}

// The answer names the model and the key that served it, with its usage; the request's record
// takes the usage and the cost from that attempt alone, and the failed ones are not answers.
void TestFaultInjection::failoverAccounting()
{
    h().catalog.add({ .canonicalId = QStringLiteral("openai/gpt-4.1"),
        .nativeIds = { { QStringLiteral("openai"), m_model } },
        .price = ModelPrice { .input = 2, .output = 8, .cachedInput = 0.5 } });
    h().setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") },
                    { QStringLiteral("C"), Tier::Fallback } },
        shortSettings());
    m_keyCount = 3;
    // A's attempt fails after a 200 and its headers: a failure all the same.
    fake().script("a", {}, behaving(Behaviour::FailAfterHeaders), 1);
    fake().script("b", {}, status(503), 1);
    const auto response = ask();
    verifyServed(response, "C", 3);
    QCOMPARE(seen(), (QList<QByteArray> { "a", "b", "c" }));
    const double cost = (5 * 2.0 + 4 * 8.0) / 1e6;
    QCOMPARE(h().lastFinished().cost.value_or(-1), cost);
    const QJsonValue usage
        = m_stream ? json(response.events().at(response.events().size() - 2)) : response.json();
    QCOMPARE(usage["usage"]["cost"].toDouble(), cost);
    const RequestRecord record = h().lastFinished();
    QCOMPARE(record.attempts.at(0).httpStatus, 200);
    QVERIFY(!record.attempts.at(0).errorClass.isEmpty());
    QCOMPARE(record.attempts.at(1).httpStatus, 503);
    QCOMPARE(record.attempts.at(1).errorClass, QStringLiteral("server_error"));
}

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "TestFaultInjection.moc"
