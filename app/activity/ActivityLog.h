#pragma once

#include "app/activity/ActivityArchive.h"
#include "app/activity/UnkeptUse.h"
#include "router/records/RequestRecord.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <functional>
#include <optional>

// Writes the router's request records to the activity archive from a thread of its own, in
// batches (a second's worth, or 5,000 records, per transaction), so routing never waits on the
// disk; and prunes the archive by age and size every hour. One batch a second rather than four
// took the router's p99 at one connection from ~2.6 to ~2.1 ms on two busy cores (tests/bench):
// each commit costs more than the rows in it.
//
// The writer takes some 50,000 records a second on one core (many rows per statement, a page
// cache that holds a batch; tests/bench/ActivityThroughput), the router serves up to ~19,000
// on two. Memory still bounds what may wait: beyond maxWaiting (some 30 MB, a second of the
// router at full speed) a record is not kept; its use is summed (UnkeptUse) and added to the
// usage figures, so usage stays exact, and the count is reported (failed(), notKept(), and
// UsageReport::notKept).
class ActivityLog : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds batchInterval { 1000 };
    static constexpr int batchLimit = 5000;
    static constexpr int defaultMaxWaiting = 20'000; // some 30 MB

    // `path` is the archive's file (see ActivityArchive::pathFor).
    explicit ActivityLog(
        QString path, int maxWaiting = defaultMaxWaiting, QObject* parent = nullptr);
    ~ActivityLog() override; // writes what is pending

    // From any thread; cheap: the record waits in memory for the next batch, and only the
    // first of a batch wakes the writer.
    void record(const RequestRecord& record);
    void setRetention(const ActivityArchive::Retention& retention);
    // `done` is called on the log's thread.
    void find(const QString& id, std::function<void(std::optional<RequestRecord>)> done);
    // Use since `since`, with what is still waiting; `done` is called on the log's thread, with
    // nothing when the archive could not answer.
    void usage(const QDateTime& since, std::function<void(std::optional<UsageReport>)> done);
    // The newest `limit` requests, oldest first, with what is still waiting; `done` is called on
    // the log's thread, with nothing when the archive could not answer.
    void recent(int limit, std::function<void(std::optional<QList<RequestRecord>>)> done);
    // Blocks until what was recorded so far is on disk (for tests and shutdown).
    void flush();
    // Has notKept() say the count now (for a listener connected after the log started).
    void announceNotKept();

signals:
    // Something could not be written (or records were turned away); those records are lost,
    // the log goes on.
    void failed(const QString& message);
    // The requests not kept in the log within its retention (their use is counted), whenever
    // records are turned away and on announceNotKept(); on the log's thread.
    void notKept(qint64 requests);

private:
    class Writer;

    struct Pending
    {
        QList<RequestRecord> records;
        UnkeptUse turnedAway; // records that found the waiting list full
    };
    Pending takePending();

    QThread m_thread;
    Writer* m_writer = nullptr; // lives on m_thread
    const int m_maxWaiting;
    QMutex m_mutex; // guards the two below
    QList<RequestRecord> m_pending;
    UnkeptUse m_turnedAway;
};
