#include "app/activity/ActivityLog.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

namespace {

// A request as the router makes them under load, on one of three keys; every seventh failed
// over from a rate-limited key, and only some have a price.
RequestRecord busyRecord(int number)
{
    RequestRecord r;
    r.id = QStringLiteral("gen-%1").arg(number);
    r.startedAt = QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59)).addMSecs(number % 2000);
    r.endpoint = QStringLiteral("/v1/chat/completions");
    r.requestedModel = r.servedModel = QStringLiteral("gpt-4.1");
    r.status = 200;
    r.usage = { 5 + number % 3, 4, 0, 0 };
    if (number % 2 == 0)
        r.cost = 0.001 * (number % 5);
    AttemptRecord answered;
    answered.requestId = r.id;
    answered.number = 1;
    answered.keyId = 1 + number % 3;
    answered.keyLabel = QStringLiteral("key %1").arg(answered.keyId);
    answered.startedAt = r.startedAt;
    answered.httpStatus = 200;
    answered.usage = r.usage;
    if (number % 7 == 0) {
        AttemptRecord limited = answered;
        limited.keyId = 9;
        limited.keyLabel = QStringLiteral("limited");
        limited.httpStatus = 429;
        limited.errorClass = QStringLiteral("rate_limited");
        limited.rateLimitHeaders = { { "retry-after", "1" } };
        limited.usage = {};
        answered.number = 2;
        r.attempts = { limited, answered };
    } else {
        r.attempts = { answered };
    }
    return r;
}

Result<UsageReport> usageIn(const QString& path)
{
    ActivityArchive archive;
    if (auto opened = archive.open(path); !opened)
        return opened.failure();
    return archive.usage(QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC));
}

// Records `count` requests from `threads` threads, `perSecond` in all.
void recordFromThreads(ActivityLog& log, int count, int threads, int perSecond)
{
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<QThread>> producers;
    for (int t = 0; t < threads; ++t) {
        producers.emplace_back(QThread::create([&log, &clock, count, threads, perSecond, t] {
            for (int n = t; n < count; n += threads) {
                const qint64 dueMs = qint64(n) * 1000 / perSecond;
                if (dueMs > clock.elapsed())
                    QThread::msleep(quint64(dueMs - clock.elapsed()));
                log.record(busyRecord(n));
            }
        }));
        producers.back()->start();
    }
    for (auto& producer : producers)
        producer->wait();
}

RequestRecord record(int number)
{
    RequestRecord r;
    r.id = QStringLiteral("gen-%1").arg(number);
    r.startedAt = QDateTime::currentDateTimeUtc().addSecs(number); // in order
    r.endpoint = QStringLiteral("/v1/chat/completions");
    r.requestedModel = r.servedModel = QStringLiteral("gpt-4.1");
    r.status = 200;
    return r;
}

} // namespace

class TestActivityLog : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatWasRecorded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("activity.db"));
        {
            ActivityLog log(path);
            for (int i = 0; i < 3; ++i)
                log.record(record(i));
        } // the destructor writes what is pending
        ActivityArchive archive;
        QVERIFY(archive.open(path));
        const auto latest = archive.latest(10);
        QVERIFY(latest);
        QCOMPARE(latest->size(), 3);
        QCOMPARE(latest->last().id, QStringLiteral("gen-2"));
    }

    void turnsRecordsAwayBeyondItsLimitAndSaysHowMany()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("activity.db"));
        {
            ActivityLog log(path, 10);
            QSignalSpy failed(&log, &ActivityLog::failed);
            QSignalSpy notKept(&log, &ActivityLog::notKept);
            for (int i = 0; i < 25; ++i)
                log.record(record(i));
            log.flush();
            QCOMPARE(failed.size(), 1);
            const QString message = failed.first().first().toString();
            QVERIFY2(message.startsWith(u"15 request"), qPrintable(message));
            QCOMPARE(notKept.size(), 1);
            QCOMPARE(notKept.first().first().toLongLong(), qint64(15));
            log.record(record(25)); // room again once the batch is written
        }
        ActivityArchive archive;
        QVERIFY(archive.open(path));
        const auto latest = archive.latest(100);
        QVERIFY(latest);
        QCOMPARE(latest->size(), 11);
        QCOMPARE(latest->at(9).id, QStringLiteral("gen-9"));
        QCOMPARE(latest->last().id, QStringLiteral("gen-25"));
    }

    // With a tiny bound most records are turned away: the usage figures are still exactly what
    // they would be had every record been kept, and the count of those not kept is reported.
    void usageStaysExactWhenRecordsAreTurnedAway()
    {
        QTemporaryDir dir;
        const QString turnedAway = dir.filePath(QStringLiteral("turned-away.db"));
        const QString allKept = dir.filePath(QStringLiteral("all-kept.db"));
        constexpr int count = 3000;
        qint64 reported = 0;
        {
            ActivityLog log(turnedAway, 50);
            connect(
                &log, &ActivityLog::notKept, &log,
                [&reported](qint64 requests) { reported = requests; }, Qt::DirectConnection);
            recordFromThreads(log, count, 3, 1'000'000);
            log.flush();
        }
        {
            ActivityLog log(allKept, count);
            for (int n = 0; n < count; ++n)
                log.record(busyRecord(n));
        }
        const auto expected = usageIn(allKept);
        const auto found = usageIn(turnedAway);
        QVERIFY(expected && found);
        QCOMPARE(expected->notKept, qint64(0));
        QVERIFY2(found->notKept > count / 2, qPrintable(QString::number(found->notKept)));
        QCOMPARE(reported, found->notKept);
        // November 30th and December 1st, UTC: both months and both days.
        const auto byKeyMonth = [](const UsageReport& report) {
            QMap<std::pair<QString, qint64>, UsageReport::KeyMonth> uses;
            for (const UsageReport::KeyMonth& use : report.keyMonths)
                uses.insert({ use.month, use.keyId }, use);
            return uses;
        };
        const auto expectedUses = byKeyMonth(*expected);
        const auto foundUses = byKeyMonth(*found);
        QCOMPARE(expectedUses.size(), 8);
        QCOMPARE(foundUses.keys(), expectedUses.keys());
        for (const UsageReport::KeyMonth& e : expectedUses) {
            const UsageReport::KeyMonth& f = foundUses.value({ e.month, e.keyId });
            QCOMPARE(f.keyLabel, e.keyLabel);
            QCOMPARE(f.attempts, e.attempts);
            QCOMPARE(f.answered, e.answered);
            QCOMPARE(f.failovers, e.failovers);
            QCOMPARE(f.rateLimited, e.rateLimited);
            QCOMPARE(f.promptTokens, e.promptTokens);
            QCOMPARE(f.completionTokens, e.completionTokens);
            QCOMPARE(f.cost.has_value(), e.cost.has_value());
            if (e.cost)
                QVERIFY(qAbs(*f.cost - *e.cost) < 1e-9);
        }
        QCOMPARE(found->days.size(), 2);
        for (qsizetype i = 0; i < expected->days.size(); ++i) {
            QCOMPARE(found->days.at(i).day, expected->days.at(i).day);
            QCOMPARE(found->days.at(i).requests, expected->days.at(i).requests);
            QCOMPARE(found->days.at(i).failedOver, expected->days.at(i).failedOver);
        }
    }
};

QTEST_GUILESS_MAIN(TestActivityLog)
#include "TestActivityLog.moc"
