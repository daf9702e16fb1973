// The default deadlines serve both the silent provider and the slow thinker (issue 15, item 1):
// with default settings, a key that accepts and never answers is left for the next within 15 s
// and skipped from then on, while a model that thinks 90 s before its first token, and an answer
// that takes 3 minutes, still come through — plain and streamed. The cases run side by side, so
// the test takes about as long as its slowest answer (3 minutes).
#include "tests/support/RawClient.h"
#include "tests/support/RouterHarness.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

namespace {

struct Pending
{
    QString name;
    bool stream = false;
    std::unique_ptr<RawClient> client;
    QElapsedTimer clock;
};

bool answerIsWhole(const QByteArray& got, bool stream)
{
    return got.contains(stream ? "[DONE]" : "\"finish_reason\"");
}

} // namespace

class TestDefaultDeadlines : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;

    Pending send(const QString& model, bool stream)
    {
        Pending pending { model + (stream ? QStringLiteral(" streamed") : QStringLiteral(" plain")),
            stream, std::make_unique<RawClient>(m_harness->router().port()), {} };
        pending.clock.start();
        pending.client->send(RawClient::chatRequest(RouterHarness::token(),
            QJsonDocument(RouterHarness::chat(model, stream)).toJson(QJsonDocument::Compact)));
        return pending;
    }

    // The whole answer and how long it took from sending; waits at most `timeoutMs` more.
    static QByteArray finish(Pending& pending, int timeoutMs, qint64* elapsedMs)
    {
        const QByteArray got = pending.client->receive(
            [&](const QByteArray& bytes) { return answerIsWhole(bytes, pending.stream); },
            timeoutMs);
        *elapsedMs = pending.clock.elapsed();
        return got;
    }

    int attemptsFor(const QString& model) const
    {
        int count = 0;
        for (const FakeProvider::Attempt& attempt : m_harness->fake().attempts())
            count += attempt.model == model ? 1 : 0;
        return count;
    }

private slots:
    void serveTheSilentProviderAndTheSlowThinker()
    {
        m_harness = std::make_unique<RouterHarness>();
        m_harness->setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") } }); // defaults
        FakeProvider& fake = m_harness->fake();
        fake.script("a", QStringLiteral("gpt-silent"), { Behaviour::NoAnswer, 0, {}, {}, 0ms });
        fake.script(
            "a", QStringLiteral("gpt-thinker"), { Behaviour::SlowFirstToken, 0, {}, {}, 90s });
        fake.script(
            "a", QStringLiteral("gpt-long"), { Behaviour::SlowFirstToken, 0, {}, {}, 180s });

        std::vector<Pending> slow;
        for (const QString& model : { QStringLiteral("gpt-thinker"), QStringLiteral("gpt-long") }) {
            for (const bool stream : { false, true })
                slow.push_back(send(model, stream)); // awaited in this order, the shortest first
        }
        QTRY_COMPARE(
            attemptsFor(QStringLiteral("gpt-thinker")) + attemptsFor(QStringLiteral("gpt-long")),
            4);

        // Silent: both requests leave key A for B within 15 s, and A's circuit is open.
        std::vector<Pending> silent;
        for (const bool stream : { false, true })
            silent.push_back(send(QStringLiteral("gpt-silent"), stream));
        for (Pending& pending : silent) {
            qint64 elapsed = 0;
            const QByteArray answer = finish(pending, 20'000, &elapsed);
            QVERIFY2(answerIsWhole(answer, pending.stream), qPrintable(pending.name));
            QVERIFY2(answer.contains("x-keyway-key: B"), answer.constData());
            QVERIFY2(elapsed < 15'000, qPrintable(pending.name + u' ' + QString::number(elapsed)));
            qInfo("%s: answered by the next key after %lld ms", qPrintable(pending.name), elapsed);
        }
        // The next request does not wait for A: its circuit opened at the first silence.
        const int triedBefore = attemptsFor(QStringLiteral("gpt-silent"));
        Pending next = send(QStringLiteral("gpt-silent"), false);
        qint64 nextElapsed = 0;
        const QByteArray nextAnswer = finish(next, 5'000, &nextElapsed);
        QVERIFY2(nextAnswer.contains("x-keyway-key: B"), nextAnswer.constData());
        QVERIFY(nextAnswer.contains("x-keyway-attempts: 1"));
        QCOMPARE(attemptsFor(QStringLiteral("gpt-silent")), triedBefore + 1);
        QVERIFY(nextElapsed < 2'000);

        // The thinker and the long answer come from key A, as it answered them.
        for (Pending& pending : slow) {
            qint64 elapsed = 0;
            const QByteArray answer = finish(pending, 200'000, &elapsed);
            QVERIFY2(answerIsWhole(answer, pending.stream), qPrintable(pending.name));
            QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());
            QVERIFY2(answer.contains("x-keyway-key: A"), answer.left(400).constData());
            QVERIFY2(answer.contains("Hello") || answer.contains("fake"), qPrintable(pending.name));
            qInfo("%s: answered after %lld ms", qPrintable(pending.name), elapsed);
        }
    }
};

QTEST_GUILESS_MAIN(TestDefaultDeadlines)
#include "TestDefaultDeadlines.moc"
