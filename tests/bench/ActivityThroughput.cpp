// How many request records a second the activity log can write, without a router: the question
// is whether the log keeps up with a router at full throughput (~19,000 requests a second on two
// cores, tests/bench/run.sh), so the router's costs stay out of the figure.
//
// Two measures, each on a fresh archive in a temporary folder:
//  - archive: ActivityArchive::write alone, in batches of the log's batch size, as fast as it
//    goes (the writer's ceiling).
//  - log: THREADS threads call ActivityLog::record for SECONDS at RATE records a second in all
//    (0: as fast as they can), as router threads do; then the log is flushed. Reports how many
//    records the log turned away and how long the flush took.
//
// Every record has one successful attempt with the fields a router's record has, so a "row" is a
// request and its attempt.
//
//   keyway-activity-throughput [SECONDS] [RATE] [THREADS] [ATTEMPTS_WITH_HEADERS]

#include "app/activity/ActivityArchive.h"
#include "app/activity/ActivityLog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {

RequestRecord sampleRecord(qint64 number, bool withHeaders)
{
    RequestRecord r;
    // The router's form (FailoverSession): the second first, so ids arrive nearly in order.
    r.id = QStringLiteral("gen-%1-%2%3")
               .arg(QDateTime::currentSecsSinceEpoch())
               .arg(QUuid::createUuid().toString(QUuid::Id128).left(12))
               .arg(number);
    r.localKeyId = 1;
    r.memberId = 1;
    r.workspaceId = 1;
    r.endpoint = QStringLiteral("/v1/chat/completions");
    r.requestedModel = QStringLiteral("bench-plain");
    r.servedModel = QStringLiteral("bench");
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.latencyMs = 1;
    r.status = 200;
    r.keyLabel = QStringLiteral("plain");
    r.usage = { 5, 4, 0, 0 };
    AttemptRecord a;
    a.requestId = r.id;
    a.number = 1;
    a.keyId = 1;
    a.keyLabel = r.keyLabel;
    a.providerId = QStringLiteral("openai-compatible");
    a.model = r.servedModel;
    a.startedAt = r.startedAt;
    a.latencyMs = 1;
    a.httpStatus = 200;
    a.bytes = 250;
    a.usage = r.usage;
    if (withHeaders) { // as OpenAI sends them on every answer
        a.rateLimitHeaders = { { "x-ratelimit-limit-requests", "10000" },
            { "x-ratelimit-remaining-requests", "9999" }, { "x-ratelimit-reset-requests", "6ms" } };
    }
    r.attempts = { a };
    return r;
}

// Records made before the clock starts: the router has its record at hand too.
QList<RequestRecord> sampleRecords(qsizetype count, bool withHeaders)
{
    QList<RequestRecord> records;
    records.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        records.append(sampleRecord(i, withHeaders));
    return records;
}

qint64 rowsIn(const QString& path)
{
    qint64 rows = 0;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM requests")) && q.next())
                rows = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return rows;
}

// CPU seconds of the calling thread: wall time says little on a machine others share.
double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

void measureArchive(bool withHeaders)
{
    constexpr int batches = 20;
    QTemporaryDir dir;
    ActivityArchive archive;
    if (!archive.open(dir.filePath(QStringLiteral("activity.db"))))
        return;
    const QList<RequestRecord> records
        = sampleRecords(qsizetype(batches) * ActivityLog::batchLimit, withHeaders);
    QElapsedTimer clock;
    clock.start();
    const double cpuBefore = threadCpuSeconds();
    for (int b = 0; b < batches; ++b) {
        if (auto done = archive.write(
                records.mid(qsizetype(b) * ActivityLog::batchLimit, ActivityLog::batchLimit));
            !done) {
            std::fprintf(stderr, "%s\n", qPrintable(done.failure().message));
            return;
        }
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const double cpu = threadCpuSeconds() - cpuBefore;
    std::printf("archive requests=%lld seconds=%.2f requests_per_s=%.0f cpu_s=%.2f "
                "requests_per_cpu_s=%.0f\n",
        qlonglong(records.size()), seconds, double(records.size()) / seconds, cpu,
        double(records.size()) / cpu);
}

void measureLog(int seconds, int rate, int threads, bool withHeaders)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("activity.db"));
    // A pool of distinct records, reused with fresh ids so that every one is a row of its own.
    const QList<RequestRecord> pool = sampleRecords(50'000, withHeaders);
    std::atomic<qint64> offered { 0 };
    QElapsedTimer flushClock;
    double flushSeconds = 0;
    {
        ActivityLog log(path);
        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<QThread>> producers;
        for (int t = 0; t < threads; ++t) {
            producers.emplace_back(QThread::create([&, t] {
                const double perThread = double(rate) / threads; // records a second
                for (qint64 n = 0;; ++n) {
                    const qint64 elapsedNs = clock.nsecsElapsed();
                    if (elapsedNs >= qint64(seconds) * 1'000'000'000)
                        break;
                    if (rate > 0) {
                        const qint64 dueNs = qint64(double(n) / perThread * 1e9);
                        if (dueNs > elapsedNs)
                            QThread::usleep(quint64((dueNs - elapsedNs) / 1000));
                    }
                    RequestRecord r = pool.at((n * threads + t) % pool.size());
                    r.id = QStringLiteral("gen-%1-%2%3")
                               .arg(QDateTime::currentSecsSinceEpoch())
                               .arg(r.id.right(12))
                               .arg(n * threads + t);
                    r.attempts.first().requestId = r.id;
                    log.record(r);
                    ++offered;
                }
            }));
            producers.back()->start();
        }
        for (auto& producer : producers)
            producer->wait();
        flushClock.start();
        log.flush();
        flushSeconds = double(flushClock.nsecsElapsed()) / 1e9;
    }
    const qint64 kept = rowsIn(path);
    std::printf("log seconds=%d threads=%d offered=%lld offered_per_s=%.0f kept=%lld "
                "turned_away=%lld flush_s=%.2f\n",
        seconds, threads, qlonglong(offered.load()), double(offered.load()) / seconds,
        qlonglong(kept), qlonglong(offered.load() - kept), flushSeconds);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seconds = args.value(1, QStringLiteral("10")).toInt();
    const int rate = args.value(2, QStringLiteral("19000")).toInt();
    const int threads = args.value(3, QStringLiteral("2")).toInt();
    const bool withHeaders = args.value(4, QStringLiteral("0")) == u"1";
    measureArchive(withHeaders);
    measureLog(seconds, rate, threads, withHeaders);
    return 0;
}
