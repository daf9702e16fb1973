#include "app/activity/ActivityLog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

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
            for (int i = 0; i < 25; ++i)
                log.record(record(i));
            log.flush();
            QCOMPARE(failed.size(), 1);
            const QString message = failed.first().first().toString();
            QVERIFY2(message.startsWith(u"15 request"), qPrintable(message));
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
};

QTEST_GUILESS_MAIN(TestActivityLog)
#include "TestActivityLog.moc"
