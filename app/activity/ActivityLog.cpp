#include "app/activity/ActivityLog.h"

#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <climits>

#ifdef __GLIBC__
#include <malloc.h>
#endif

Q_LOGGING_CATEGORY(lcActivity, "keyway.activity")

class ActivityLog::Writer : public QObject
{
public:
    Writer(ActivityLog* log, QString path)
        : m_log(log)
        , m_path(std::move(path))
    { }

    void start()
    {
        // Normal priority: at nice 10 (as it ran before), a router that kept two cores busy
        // left the writer a few per cent of them, and it kept about half of the requests
        // (tests/bench, TestActivityLog).
        if (auto opened = m_archive.open(m_path); !opened) {
            report(opened.failure().message);
            return;
        }
        m_open = true;
        m_batchTimer.setSingleShot(true);
        QObject::connect(&m_batchTimer, &QTimer::timeout, this, [this] { writePending(); });
        QObject::connect(&m_pruneTimer, &QTimer::timeout, this, [this] { prune(); });
        m_pruneTimer.start(std::chrono::hours(1));
        prune();
    }

    void startBatch(bool full)
    {
        if (full)
            writePending();
        else if (!m_batchTimer.isActive())
            m_batchTimer.start(batchInterval);
    }

    void writePending()
    {
        m_batchTimer.stop();
        const Pending pending = m_log->takePending();
        if (!pending.turnedAway.isEmpty())
            keepUseOf(pending.turnedAway);
        if (pending.records.isEmpty() || !m_open)
            return;
        // No giving way between statements: a writer that yields loses its turn to every
        // busy router thread, and fell behind by a third when they kept the cores busy
        // (TestActivityLog). A router thread that wakes preempts it as any other thread of
        // normal priority.
        if (auto done = m_archive.write(pending.records); !done)
            report(done.failure().message);
        if (pending.records.size() >= batchLimit)
            releaseFreedMemory();
    }

    void announceNotKept()
    {
        if (!m_open)
            return;
        if (auto unkept = m_archive.unkeptRequests(); unkept)
            emit m_log->notKept(*unkept);
    }

    void setRetention(const ActivityArchive::Retention& retention)
    {
        const bool tighter
            = retention.days < m_retention.days || retention.megabytes < m_retention.megabytes;
        m_retention = retention;
        if (tighter)
            prune();
    }

    void find(const QString& id, const std::function<void(std::optional<RequestRecord>)>& done)
    {
        writePending(); // a request just finished may still wait in the batch
        if (!m_open) {
            done(std::nullopt);
            return;
        }
        auto found = m_archive.find(id);
        done(found ? *found : std::nullopt);
    }

    void usage(const QDateTime& since, const std::function<void(std::optional<UsageReport>)>& done)
    {
        writePending();
        if (!m_open) {
            done(std::nullopt);
            return;
        }
        auto found = m_archive.usage(since);
        if (!found)
            report(found.failure().message);
        done(found ? std::optional(*found) : std::nullopt);
    }

    void recent(int limit, const std::function<void(std::optional<QList<RequestRecord>>)>& done)
    {
        writePending();
        if (!m_open) {
            done(std::nullopt);
            return;
        }
        auto found = m_archive.latest(limit);
        if (!found)
            report(found.failure().message);
        done(found ? std::optional(*found) : std::nullopt);
    }

private:
    // Records turned away are lost, but not their use: the usage figures stay exact.
    void keepUseOf(const UnkeptUse& turnedAway)
    {
        report(ActivityLog::tr("%n request(s) were not logged: the router served them faster "
                               "than the activity log could write",
            nullptr, int(std::min<qint64>(turnedAway.requests(), INT_MAX))));
        if (!m_open)
            return;
        if (auto added = m_archive.addUnkept(turnedAway); !added)
            report(added.failure().message);
        announceNotKept();
    }

    void prune()
    {
        if (!m_open)
            return;
        auto pruned = m_archive.prune(m_retention, QDateTime::currentDateTimeUtc());
        if (!pruned)
            report(pruned.failure().message);
        else if (*pruned > 0)
            qCInfo(lcActivity) << "pruned" << *pruned << "requests from the activity log";
    }

    static void releaseFreedMemory()
    {
#ifdef __GLIBC__
        // A backlog of records, freed now, would otherwise stay in the process's heap.
        malloc_trim(0);
#endif
    }

    void report(const QString& message)
    {
        qCWarning(lcActivity) << message;
        emit m_log->failed(message);
    }

    ActivityLog* m_log;
    QString m_path;
    ActivityArchive m_archive;
    bool m_open = false;
    ActivityArchive::Retention m_retention;
    // Children, so that they move to the log's thread with the writer.
    QTimer m_batchTimer { this };
    QTimer m_pruneTimer { this };
};

ActivityLog::ActivityLog(QString path, int maxWaiting, QObject* parent)
    : QObject(parent)
    , m_writer(new Writer(this, std::move(path)))
    , m_maxWaiting(maxWaiting)
{
    m_thread.setObjectName(QStringLiteral("keyway-activity"));
    m_writer->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer] { writer->start(); });
}

ActivityLog::~ActivityLog()
{
    flush();
    // Deleted on its own thread before that thread is told to quit: a deleteLater() queued to it
    // could still be waiting when quit() ends the loop, leaving the writer and its database
    // connection behind (LeakSanitizer saw it, scripts/test-sanitized.sh).
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { delete writer; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ActivityLog::record(const RequestRecord& record)
{
    qsizetype waiting = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (m_pending.size() >= m_maxWaiting) {
            m_turnedAway.add(record);
            return;
        }
        m_pending.append(record);
        waiting = m_pending.size();
    }
    if (waiting == 1 || waiting == batchLimit) {
        const bool full = waiting == batchLimit;
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, full] { writer->startBatch(full); });
    }
}

ActivityLog::Pending ActivityLog::takePending()
{
    QMutexLocker lock(&m_mutex);
    return { std::exchange(m_pending, {}), std::exchange(m_turnedAway, {}) };
}

void ActivityLog::setRetention(const ActivityArchive::Retention& retention)
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, retention] { writer->setRetention(retention); });
}

void ActivityLog::find(const QString& id, std::function<void(std::optional<RequestRecord>)> done)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, id, done] { writer->find(id, done); });
}

void ActivityLog::usage(
    const QDateTime& since, std::function<void(std::optional<UsageReport>)> done)
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, since, done] { writer->usage(since, done); });
}

void ActivityLog::recent(int limit, std::function<void(std::optional<QList<RequestRecord>>)> done)
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, limit, done] { writer->recent(limit, done); });
}

void ActivityLog::announceNotKept()
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer] { writer->announceNotKept(); });
}

void ActivityLog::flush()
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { writer->writePending(); }, Qt::BlockingQueuedConnection);
}
