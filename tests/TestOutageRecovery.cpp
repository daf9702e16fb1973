// A primary key down for a minute, then healthy, under a request every 2.5 s (issue 15, item 3):
// every request is served (by the next key while the primary is down), the primary serves again
// within 10 s of its recovery, and while it is down it is probed at most once per step of its
// circuit's backoff. Takes about a minute; run it alone with
// `ctest --preset test -R TestOutageRecovery`.
#include "tests/support/RouterHarness.h"

#include <QElapsedTimer>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;
using Clock = FakeProvider::Clock;
using Ms = std::chrono::milliseconds;

namespace {

constexpr Ms outage = 60s;
constexpr Ms requestEvery = 2500ms;
constexpr Ms backOnPrimaryWithin = 10s;

qint64 msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration_cast<Ms>(to - from).count();
}

// How many probes an open circuit allows in `span` after it opened, one per wait: a probe refused
// at once is cheap, so each wait is the first one (HealthTracker::cheapProbeFailure).
qsizetype probeStepsWithin(Ms span)
{
    return qsizetype(span / HealthTracker::firstProbeWait);
}

} // namespace

class TestOutageRecovery : public QObject
{
    Q_OBJECT

private:
    struct Served
    {
        Clock::time_point at;
        int status = 0;
        QByteArray key;
    };

    std::unique_ptr<RouterHarness> m_harness;

    Served request()
    {
        const Clock::time_point at = Clock::now();
        const auto response = m_harness->post(
            QStringLiteral("/v1/chat/completions"), RouterHarness::chat(QStringLiteral("gpt-4.1")));
        return { at, response.status, response.header("x-keyway-key") };
    }
    // Sends a request every `requestEvery` until `until`, or until `stop` holds for an answer.
    QList<Served> requestsUntil(
        Clock::time_point until, const std::function<bool(const Served&)>& stop = {})
    {
        QList<Served> served;
        Clock::time_point next = Clock::now();
        while (Clock::now() < until) {
            served.append(request());
            if (stop && stop(served.constLast()))
                break;
            next += requestEvery;
            QTest::qWait(int(std::max<qint64>(0, msBetween(Clock::now(), next))));
        }
        return served;
    }
    QList<Clock::time_point> attemptsOnPrimary(Clock::time_point from, Clock::time_point to) const
    {
        QList<Clock::time_point> times;
        for (const FakeProvider::Attempt& attempt : m_harness->fake().attempts()) {
            if (attempt.key == "a" && attempt.at >= from && attempt.at < to)
                times.append(attempt.at);
        }
        return times;
    }

private slots:
    void servedThroughoutAndBackOnThePrimarySoonAfter()
    {
        m_harness = std::make_unique<RouterHarness>();
        m_harness->setKeys({ { QStringLiteral("A") }, { QStringLiteral("B") } }); // defaults
        FakeProvider& fake = m_harness->fake();

        const Clock::time_point down = Clock::now();
        fake.script("a", {}, { Behaviour::Status, 503, {}, {}, 0ms });
        const QList<Served> duringOutage = requestsUntil(down + outage);
        for (const Served& served : duringOutage) {
            QCOMPARE(served.status, 200);
            QCOMPARE(served.key, "B");
        }

        const Clock::time_point recovered = Clock::now();
        fake.script("a", {}, { Behaviour::Answer, 200, {}, {}, 0ms });
        const QList<Served> afterwards = requestsUntil(recovered + backOnPrimaryWithin + 10s,
            [](const Served& served) { return served.key == "A"; });
        QVERIFY(!afterwards.isEmpty());
        const qint64 backAfter = msBetween(recovered, afterwards.constLast().at);

        // Three failures open the circuit; from then on, one probe per wait at most.
        const QList<Clock::time_point> probes = attemptsOnPrimary(down, recovered);
        QVERIFY(probes.size() >= HealthTracker::failuresToOpenCircuit);
        const Clock::time_point opened = probes.at(HealthTracker::failuresToOpenCircuit - 1);
        const qsizetype steps = probeStepsWithin(Ms(msBetween(opened, recovered)));
        const qsizetype probesWhileOpen = probes.size() - HealthTracker::failuresToOpenCircuit;
        qInfo("%lld requests during the %lld s outage; the primary saw %lld of them (%d to open "
              "its circuit, then %lld probes in %lld backoff steps); back on the primary %lld ms "
              "after its recovery",
            qlonglong(duringOutage.size()), qlonglong(outage.count() / 1000),
            qlonglong(probes.size()), HealthTracker::failuresToOpenCircuit,
            qlonglong(probesWhileOpen), qlonglong(steps), backAfter);

        for (const Served& served : afterwards)
            QCOMPARE(served.status, 200);
        QCOMPARE(afterwards.constLast().key, "A");
        QVERIFY2(backAfter <= backOnPrimaryWithin.count(), qPrintable(QString::number(backAfter)));
        QVERIFY(probesWhileOpen <= steps);
        for (qsizetype i = HealthTracker::failuresToOpenCircuit; i < probes.size(); ++i) {
            const qint64 gap = msBetween(probes.at(i - 1), probes.at(i));
            QVERIFY2(
                gap >= HealthTracker::firstProbeWait.count(), qPrintable(QString::number(gap)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOutageRecovery)
#include "TestOutageRecovery.moc"
