#include "router/routing/HealthTracker.h"

#include <QTest>

using namespace std::chrono_literals;
using Clock = HealthTracker::Clock;

class TestHealthTracker : public QObject
{
    Q_OBJECT

private:
    const Clock::time_point m_now = Clock::now();
    const QString m_model = QStringLiteral("gpt-4.1");

    static KeyHealth healthOf(const HealthTracker& tracker, qint64 id)
    {
        return tracker.snapshot().value(id);
    }

private slots:
    void rateLimitsRestAsToldOrBackOffWithJitter()
    {
        double jitter = 0.0;
        HealthTracker tracker([&] { return jitter; });
        tracker.record(1, m_model, UpstreamOutcome::RateLimited, 7000ms, m_now);
        QCOMPARE(healthOf(tracker, 1).state, KeyHealth::State::CoolingDown);
        QCOMPARE(healthOf(tracker, 1).until, m_now + 7000ms);

        // Without a hint: 1 s, 2 s, 4 s ... capped at 60 s, each between half and all of it.
        const QList<std::chrono::milliseconds> full { 1000ms, 2000ms, 4000ms, 8000ms, 16000ms,
            32000ms, 60000ms, 60000ms };
        for (qsizetype i = 0; i < full.size(); ++i) {
            jitter = i % 2 == 0 ? 0.0 : 0.999;
            tracker.record(2, m_model, UpstreamOutcome::RateLimited, std::nullopt, m_now);
            const auto rest = healthOf(tracker, 2).until - m_now;
            QVERIFY(rest >= full.at(i) / 2);
            QVERIFY(rest <= full.at(i));
        }
        tracker.record(2, m_model, UpstreamOutcome::Success, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 2).state, KeyHealth::State::Ready);
        jitter = 0.0;
        tracker.record(2, m_model, UpstreamOutcome::RateLimited, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 2).until, m_now + 500ms); // the backoff starts over
    }

    void invalidOutOfCreditAndUnusableModels()
    {
        HealthTracker tracker;
        tracker.record(1, m_model, UpstreamOutcome::InvalidKey, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 1).state, KeyHealth::State::Invalid);
        tracker.record(2, m_model, UpstreamOutcome::OutOfCredit, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 2).state, KeyHealth::State::OutOfCredit);
        QCOMPARE(healthOf(tracker, 2).until, m_now + 1h);
        tracker.record(3, m_model, UpstreamOutcome::ModelUnusable, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 3).state, KeyHealth::State::Ready);
        QCOMPARE(healthOf(tracker, 3).unusableModels.value(m_model), m_now + 10min);
        tracker.record(4, m_model, UpstreamOutcome::ClientError, std::nullopt, m_now);
        QVERIFY(!tracker.snapshot().value(4).unusableModels.contains(m_model));
        QCOMPARE(healthOf(tracker, 4).state, KeyHealth::State::Ready);
        tracker.forget(1);
        QVERIFY(!tracker.snapshot().contains(1));
    }

    void theCircuitOpensAfterThreeFailuresAndProbesWithGrowingWaits()
    {
        HealthTracker tracker;
        tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now);
        tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 1).state, KeyHealth::State::Ready);
        tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 1).state, KeyHealth::State::CircuitOpen);
        QCOMPARE(healthOf(tracker, 1).until, m_now + 5s);
        // Each failed probe doubles the wait, up to a minute.
        Clock::time_point t = m_now + 5s;
        for (const auto wait : { 10s, 20s, 40s, 60s, 60s }) {
            tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, t);
            QCOMPARE(healthOf(tracker, 1).until, t + wait);
            t += wait;
        }
        tracker.record(1, m_model, UpstreamOutcome::Success, std::nullopt, t);
        QCOMPARE(healthOf(tracker, 1).state, KeyHealth::State::Ready);
        // A success in between resets the count.
        tracker.record(2, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now);
        tracker.record(2, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now);
        tracker.record(2, m_model, UpstreamOutcome::Success, std::nullopt, m_now);
        tracker.record(2, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now);
        QCOMPARE(healthOf(tracker, 2).state, KeyHealth::State::Ready);
    }

    // A probe refused at once cost its request nothing: the next one comes after the first wait
    // again, so a provider back from an outage is noticed within seconds. A costly failure
    // doubles the wait, and silence is never cheap.
    void cheapProbeFailuresKeepTheFirstWait()
    {
        HealthTracker tracker;
        for (int i = 0; i < HealthTracker::failuresToOpenCircuit; ++i)
            tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now, 5ms);
        Clock::time_point t = m_now + 5s;
        for (int i = 0; i < 3; ++i) {
            tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, t, 20ms);
            QCOMPARE(healthOf(tracker, 1).until, t + 5s);
            t += 5s;
        }
        tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, t, 30s);
        QCOMPARE(healthOf(tracker, 1).until, t + 10s);
        t += 10s;
        tracker.record(1, m_model, UpstreamOutcome::Silent, std::nullopt, t, 300ms);
        QCOMPARE(healthOf(tracker, 1).until, t + 20s);
        t += 20s;
        tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, t, 20ms);
        QCOMPARE(healthOf(tracker, 1).until, t + 5s);
    }

    void onlyOneProbeIsOutAtATime()
    {
        HealthTracker tracker;
        QVERIFY(tracker.claimProbe(1)); // a healthy key needs no claim
        QVERIFY(tracker.claimProbe(1));
        for (int i = 0; i < HealthTracker::failuresToOpenCircuit; ++i)
            tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now);
        QVERIFY(tracker.claimProbe(1));
        QVERIFY(!tracker.claimProbe(1));
        tracker.releaseProbe(1); // the probing request went away without an answer
        QVERIFY(tracker.claimProbe(1));
        tracker.record(1, m_model, UpstreamOutcome::ServerFailure, std::nullopt, m_now + 5s);
        QVERIFY(tracker.claimProbe(1)); // the answer ends the probe
    }
};

QTEST_GUILESS_MAIN(TestHealthTracker)
#include "TestHealthTracker.moc"
