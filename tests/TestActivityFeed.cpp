#include "app/activity/ActivityFeed.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

namespace {

RequestRecord started(const QString& id)
{
    RequestRecord r;
    r.id = id;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.requestedModel = QStringLiteral("gpt-4.1");
    return r;
}

AttemptRecord attempt(const QString& id, int number)
{
    AttemptRecord a;
    a.requestId = id;
    a.number = number;
    a.httpStatus = number == 1 ? 429 : 200;
    return a;
}

RequestRecord finished(const QString& id)
{
    RequestRecord r = started(id);
    r.status = 200;
    r.attempts = { attempt(id, 1), attempt(id, 2) };
    return r;
}

} // namespace

class TestActivityFeed : public QObject
{
    Q_OBJECT

private slots:
    void gathersEachRequestsEventsIntoOneUpdate()
    {
        ActivityFeed feed;
        QSignalSpy updated(&feed, &ActivityFeed::updated);
        feed.requestStarted(started(QStringLiteral("gen-1")));
        feed.attemptFinished(attempt(QStringLiteral("gen-1"), 1));
        feed.requestStarted(started(QStringLiteral("gen-2")));
        QVERIFY(updated.wait());
        auto requests = updated.first().first().value<QList<RequestRecord>>();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).id, QStringLiteral("gen-1"));
        QCOMPARE(requests.at(0).attempts.size(), 1);
        QCOMPARE(requests.at(1).id, QStringLiteral("gen-2"));

        // Later events of a request already delivered come as an update of their own.
        feed.attemptFinished(attempt(QStringLiteral("gen-2"), 1));
        QVERIFY(updated.wait());
        requests = updated.last().first().value<QList<RequestRecord>>();
        QCOMPARE(requests.size(), 1);
        QVERIFY(!requests.first().startedAt.isValid()); // attempts only
        QCOMPARE(requests.first().attempts.size(), 1);
    }

    void deliversAtMostTwentyTimesASecondUnderLoad()
    {
        ActivityFeed feed;
        QHash<QString, RequestRecord> last;
        int deliveries = 0;
        connect(&feed, &ActivityFeed::updated, this,
            [&](const QList<RequestRecord>& requests, int dropped) {
                ++deliveries;
                QCOMPARE(dropped, 0);
                for (const RequestRecord& r : requests) {
                    if (r.startedAt.isValid())
                        last.insert(r.id, r);
                }
            });
        QElapsedTimer clock;
        clock.start();
        QList<QThread*> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&feed, t] {
                for (int i = 0; i < 2000; ++i) {
                    const QString id = QStringLiteral("gen-%1-%2").arg(t).arg(i);
                    feed.requestStarted(started(id));
                    feed.attemptFinished(attempt(id, 1));
                    feed.requestFinished(finished(id));
                    if (i % 100 == 0)
                        QThread::msleep(5); // a second or so of traffic
                }
            }));
            threads.last()->start();
        }
        for (QThread* thread : threads) {
            while (!thread->wait(10))
                QCoreApplication::processEvents();
            delete thread;
        }
        QTRY_COMPARE(last.size(), 8000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(deliveries <= elapsed / 50 + 2,
            qPrintable(QStringLiteral("%1 deliveries in %2 ms").arg(deliveries).arg(elapsed)));
        for (const RequestRecord& r : std::as_const(last)) {
            QCOMPARE(r.status, 200); // the finished state came last
            QCOMPARE(r.attempts.size(), 2);
        }
    }

    void countsWhatItCannotHold()
    {
        ActivityFeed feed;
        QSignalSpy updated(&feed, &ActivityFeed::updated);
        // No event loop runs meanwhile, so nothing is delivered until all are in.
        for (int i = 0; i < ActivityFeed::maxWaiting + 250; ++i)
            feed.requestStarted(started(QStringLiteral("gen-%1").arg(i)));
        QVERIFY(updated.wait());
        QCOMPARE(
            updated.first().first().value<QList<RequestRecord>>().size(), ActivityFeed::maxWaiting);
        QCOMPARE(updated.first().at(1).toInt(), 250);
    }
};

QTEST_GUILESS_MAIN(TestActivityFeed)
#include "TestActivityFeed.moc"
