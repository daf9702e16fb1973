#pragma once

#include "app/activity/ActivityArchive.h"
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
// The router can serve requests faster than SQLite takes rows (about 18,000 a second against
// nginx on two cores, tests/bench), so the records waiting are bounded: beyond the limit they are
// counted, not kept, and the count is reported with failed().
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

signals:
    // Something could not be written (or records were turned away); those records are lost,
    // the log goes on.
    void failed(const QString& message);

private:
    class Writer;

    struct Pending
    {
        QList<RequestRecord> records;
        qsizetype turnedAway = 0; // records that found the waiting list full
    };
    Pending takePending();

    QThread m_thread;
    Writer* m_writer = nullptr; // lives on m_thread
    const int m_maxWaiting;
    QMutex m_mutex; // guards the two below
    QList<RequestRecord> m_pending;
    qsizetype m_turnedAway = 0;
};
