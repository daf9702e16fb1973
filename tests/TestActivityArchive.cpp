#include "app/activity/ActivityArchive.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

RequestRecord record(const QString& id, const QDateTime& at)
{
    RequestRecord r;
    r.id = id;
    r.startedAt = at;
    r.localKeyId = 4;
    r.memberId = 2;
    r.workspaceId = 1;
    r.endpoint = QStringLiteral("/v1/chat/completions");
    r.requestedModel = QStringLiteral("gpt-4.1");
    r.servedModel = QStringLiteral("gpt-4.1");
    r.status = 200;
    r.keyLabel = QStringLiteral("B"); // errorMessage stays a null string
    r.usage = { 10, 5, 2, 1 };
    r.cost = 0.0125;
    AttemptRecord failed;
    failed.requestId = id;
    failed.number = 1;
    failed.keyId = 1;
    failed.keyLabel = QStringLiteral("A");
    failed.providerId = QStringLiteral("openai");
    failed.tier = Tier::Prioritized;
    failed.startedAt = at;
    failed.httpStatus = 429;
    failed.errorClass = QStringLiteral("rate_limited");
    failed.rateLimitHeaders = { { "retry-after", "7" } };
    failed.droppedFields = { QStringLiteral("stream_options") };
    AttemptRecord answered = failed;
    answered.number = 2;
    answered.keyId = 2;
    answered.keyLabel = QStringLiteral("B");
    answered.tier = Tier::Fallback;
    answered.httpStatus = 200;
    answered.errorClass.clear();
    answered.rateLimitHeaders.clear();
    answered.usage = r.usage;
    r.attempts = { failed, answered };
    return r;
}

} // namespace

class TestActivityArchive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void itsFileSitsBesideTheDatabase()
    {
        QCOMPARE(ActivityArchive::pathFor(QStringLiteral("/data/keyway.db")),
            QStringLiteral("/data/keyway-activity.db"));
    }

    void failuresSayTheyAreTheActivityLogs()
    {
        ActivityArchive archive;
        const auto opened = archive.open(m_dir.path());
        QVERIFY(!opened);
        QCOMPARE(opened.failure().kind, FailureKind::Database);
        QCOMPARE(opened.failure().message,
            QStringLiteral("The activity log could not be used. %1 is a folder, not a database "
                           "file.")
                .arg(m_dir.path()));
    }

    void writesAndReadsRecordsWithTheirAttempts()
    {
        ActivityArchive archive;
        const QString path = m_dir.filePath(QStringLiteral("a.db"));
        QVERIFY(archive.open(path));
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup), 0);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(archive.write({ record(QStringLiteral("gen-1"), now.addSecs(-2)),
            record(QStringLiteral("gen-2"), now.addSecs(-1)) }));
        const auto found = archive.find(QStringLiteral("gen-2"));
        QVERIFY(found && found->has_value());
        const RequestRecord r = **found;
        QCOMPARE(r.usage, (TokenUsage { 10, 5, 2, 1 }));
        QCOMPARE(r.cost, std::optional(0.0125));
        QCOMPARE(r.attempts.size(), 2);
        QCOMPARE(r.attempts.at(0).rateLimitHeaders.value(0).second, QByteArray("7"));
        QCOMPARE(r.attempts.at(0).droppedFields, QStringList { QStringLiteral("stream_options") });
        QCOMPARE(r.attempts.at(1).tier, Tier::Fallback);
        QCOMPARE(r.startedAt, now.addSecs(-1));
        QVERIFY(!archive.find(QStringLiteral("gen-3"))->has_value());

        qint64 sequence = 0;
        const auto latest = archive.latest(1, &sequence);
        QCOMPARE(latest->size(), 1);
        QCOMPARE(latest->constFirst().id, QStringLiteral("gen-2"));
        QVERIFY(archive.write({ record(QStringLiteral("gen-3"), now) }));
        const auto newer = archive.after(sequence, &sequence);
        QCOMPARE(newer->size(), 1);
        QCOMPARE(newer->constFirst().id, QStringLiteral("gen-3"));
        QVERIFY(archive.after(sequence)->isEmpty());

        // No price known is not the same as free.
        RequestRecord unpriced = record(QStringLiteral("gen-4"), now);
        unpriced.cost.reset();
        QVERIFY(archive.write({ unpriced }));
        QVERIFY(!(*archive.find(QStringLiteral("gen-4")))->cost);
    }

    // Many rows go in one statement; what does not fill one goes row by row. Rows written
    // before the headers and dropped fields were stored as lines hold JSON, still read.
    void writesManyRowsPerStatementAndReadsOlderRows()
    {
        const QString path = m_dir.filePath(QStringLiteral("many.db"));
        ActivityArchive archive;
        QVERIFY(archive.open(path));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<RequestRecord> records;
        for (int i = 0; i < 130; ++i)
            records.append(record(QStringLiteral("gen-m%1").arg(i), now.addMSecs(i)));
        records[128].attempts[0].rateLimitHeaders.append(
            std::pair<QByteArray, QByteArray>("x-ratelimit-remaining", "9"));
        int statements = 0;
        QVERIFY(archive.write(records, [&statements] { ++statements; }));
        QVERIFY2(statements < 20, qPrintable(QString::number(statements))); // 390 rows
        const auto latest = archive.latest(1000);
        QVERIFY(latest);
        QCOMPARE(latest->size(), 130);
        QCOMPARE(latest->at(128).attempts.size(), 2);
        QCOMPARE(latest->at(128).attempts.at(0).rateLimitHeaders,
            (HttpHeaders { { "retry-after", "7" }, { "x-ratelimit-remaining", "9" } }));
        QCOMPARE(latest->at(129).attempts.at(1).rateLimitHeaders, HttpHeaders {});
        QCOMPARE(latest->at(129).attempts.at(1).droppedFields, QStringList { "stream_options" });
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE attempts SET rate_limit_headers = '{\"retry-after\":\"3\"}', "
                "dropped_fields = '[\"seed\",\"top_k\"]' WHERE request_id = 'gen-m5'")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        const auto old = archive.find(QStringLiteral("gen-m5"));
        QVERIFY(old && *old);
        QCOMPARE((*old)->attempts.at(0).rateLimitHeaders, (HttpHeaders { { "retry-after", "3" } }));
        QCOMPARE((*old)->attempts.at(1).droppedFields, (QStringList { "seed", "top_k" }));
    }

    void aFileOfTheFirstVersionGainsTheCostColumn()
    {
        const QString path = m_dir.filePath(QStringLiteral("v1.db"));
        {
            // The first schema, as Keyway 0.1 wrote it, with one request in it.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE requests (sequence INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT "
                "NULL UNIQUE, started_at TEXT NOT NULL, local_key_id INTEGER NOT NULL, member_id "
                "INTEGER NOT NULL, workspace_id INTEGER NOT NULL, endpoint TEXT NOT NULL, "
                "requested_model TEXT NOT NULL, served_model TEXT NOT NULL, stream INTEGER NOT "
                "NULL, status INTEGER NOT NULL, error TEXT NOT NULL, key_label TEXT NOT NULL, "
                "latency_ms INTEGER NOT NULL, prompt_tokens INTEGER NOT NULL, completion_tokens "
                "INTEGER NOT NULL, cached_tokens INTEGER NOT NULL, reasoning_tokens INTEGER NOT "
                "NULL)")));
            QVERIFY(
                q.exec(QStringLiteral("INSERT INTO requests VALUES (NULL, 'gen-old', "
                                      "'2026-10-01T10:00:00.000Z', 1, 1, 1, '/v1/chat/"
                                      "completions', 'm', 'm', 0, 200, '', 'A', 5, 1, 2, 0, 0)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        }
        QSqlDatabase::removeDatabase(path);

        ActivityArchive archive;
        QVERIFY(archive.open(path));
        const auto old = archive.find(QStringLiteral("gen-old"));
        QVERIFY(old && old->has_value());
        QCOMPARE((*old)->usage.completion, 2);
        QVERIFY(!(*old)->cost);
        QVERIFY(
            archive.write({ record(QStringLiteral("gen-new"), QDateTime::currentDateTimeUtc()) }));
        QCOMPARE((*archive.find(QStringLiteral("gen-new")))->cost, std::optional(0.0125));
    }

    void prunesByAgeAndBySize()
    {
        ActivityArchive archive;
        QVERIFY(archive.open(m_dir.filePath(QStringLiteral("b.db"))));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<RequestRecord> records;
        for (int i = 0; i < 3000; ++i)
            records.append(record(QStringLiteral("gen-%1").arg(i), now.addSecs(i - 3000)));
        records[0].startedAt = now.addDays(-40);
        QVERIFY(archive.write(records));
        auto pruned = archive.prune({ 30, 100 }, now);
        QCOMPARE(*pruned, 1); // only the one older than 30 days
        const qint64 before = *archive.dataBytes();
        pruned = archive.prune({ 30, 1 }, now); // 1 MB: the oldest go until it fits
        QVERIFY(*pruned > 0);
        QVERIFY(*archive.dataBytes() <= 1024 * 1024);
        QVERIFY(*archive.dataBytes() < before);
        QVERIFY(archive.find(QStringLiteral("gen-2999"))->has_value()); // the newest stay
        QVERIFY(!archive.find(QStringLiteral("gen-1"))->has_value());
    }

    void reportsUseByKeyAndMonth()
    {
        ActivityArchive archive;
        QVERIFY(archive.open(m_dir.filePath(QStringLiteral("usage.db"))));
        const QDateTime november(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        // Two requests that failed over from A (429) to B, one B alone, one last month.
        RequestRecord alone = record(QStringLiteral("gen-alone"), november.addDays(1));
        alone.attempts = { alone.attempts.last() };
        alone.attempts.first().number = 1;
        QVERIFY(archive.write({ record(QStringLiteral("gen-1"), november),
            record(QStringLiteral("gen-2"), november.addSecs(60)), alone,
            record(QStringLiteral("gen-old"), november.addMonths(-1)) }));

        const auto report = archive.usage(november.addMonths(-2));
        QVERIFY(report);
        QCOMPARE(report->keyMonths.size(), 4); // A and B in each month
        const UsageReport::KeyMonth b = report->keyMonths.at(0);
        QCOMPARE(b.month, QStringLiteral("2026-11"));
        QCOMPARE(b.keyLabel, QStringLiteral("B"));
        QCOMPARE(b.attempts, 3);
        QCOMPARE(b.answered, 3);
        QCOMPARE(b.failovers, 0);
        QCOMPARE(b.promptTokens, 30);
        QCOMPARE(b.cost.value_or(-1), 3 * 0.0125); // the key that answered bears the cost
        const UsageReport::KeyMonth a = report->keyMonths.at(1);
        QCOMPARE(a.keyLabel, QStringLiteral("A"));
        QCOMPARE(a.attempts, 2);
        QCOMPARE(a.answered, 0);
        QCOMPARE(a.failovers, 2);
        QCOMPARE(a.rateLimited, 2);
        QVERIFY(!a.cost);
        QCOMPARE(report->keyMonths.at(2).month, QStringLiteral("2026-10"));

        QCOMPARE(report->days.size(), 3);
        QCOMPARE(report->days.at(1).day, QDate(2026, 11, 20));
        QCOMPARE(report->days.at(1).requests, 2);
        QCOMPARE(report->days.at(1).failedOver, 2);
        QCOMPARE(report->days.at(2).failedOver, 0);

        QCOMPARE(archive.usage(november.addDays(2))->keyMonths.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestActivityArchive)
#include "TestActivityArchive.moc"
