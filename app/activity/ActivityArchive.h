#pragma once

#include "app/activity/UnkeptUse.h"
#include "app/activity/UsageReport.h"
#include "app/sql/SqlDatabase.h"
#include "router/core/Result.h"
#include "router/records/RequestRecord.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <map>
#include <optional>

// The attempt log on disk: request records and their attempts in a SQLite file of their own
// beside the configuration database (keyway.db → keyway-activity.db). A separate file keeps a
// busy log from waking every configuration reader (SQLite's data_version counts any commit)
// and makes the size limit the file's size. Synchronous, bound to the thread that opened it.
class ActivityArchive
{
    Q_DECLARE_TR_FUNCTIONS(ActivityArchive)

public:
    struct Retention
    {
        int days = 30;
        qint64 megabytes = 200;
    };

    ActivityArchive();
    ~ActivityArchive();
    ActivityArchive(const ActivityArchive&) = delete;
    ActivityArchive& operator=(const ActivityArchive&) = delete;

    // The archive that belongs to a configuration database.
    static QString pathFor(const QString& databasePath);

    struct AttemptRow
    {
        QString requestId;
        const AttemptRecord* attempt = nullptr;
    };

    Result<void> open(const QString& path);
    // One transaction for the lot, many rows per statement. `afterEachStatement` runs between
    // statements, inside the transaction.
    Result<void> write(
        const QList<RequestRecord>& records, const std::function<void()>& afterEachStatement = {});
    // Adds the use of requests that were not written to the usage figures (one transaction).
    Result<void> addUnkept(const UnkeptUse& unkept);
    // Requests not kept from `since` on (UTC days), within the retention.
    Result<qint64> unkeptRequests(const QDate& since = {});
    Result<std::optional<RequestRecord>> find(const QString& id);
    // The newest `limit` requests, oldest first, with the sequence number of the newest.
    Result<QList<RequestRecord>> latest(int limit, qint64* lastSequence = nullptr);
    // Requests written after `sequence`, oldest first.
    Result<QList<RequestRecord>> after(qint64 sequence, qint64* lastSequence = nullptr);
    // Drops requests older than the retention age, then the oldest until the data fits.
    Result<int> prune(const Retention& retention, const QDateTime& now);
    Result<qint64> dataBytes();
    // Use per key and month and requests per day, from `since` on.
    Result<UsageReport> usage(const QDateTime& since);

private:
    // Inserts of 1, 2, 4... rows, up to as many as a statement may carry, by their rows.
    using Inserts = std::map<int, QSqlQuery>;

    Result<void> openFile(const QString& path);
    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {});
    Result<Inserts> prepareInserts(const QString& table, const QStringList& columns);
    template <typename Row, typename Bind>
    Result<void> insertRows(Inserts& inserts, const QList<Row>& rows, Bind bind,
        const std::function<void()>& afterEachStatement);
    Result<QList<RequestRecord>> select(
        const QString& where, const QVariantList& values, qint64* lastSequence);
    Result<void> loadAttempts(QList<RequestRecord>& records);
    // Says that the failure is the activity log's, not the configuration's.
    static Failure aboutArchive(const Failure& failure);

    SqlDatabase m_db;
    // Prepared once: the log writes thousands of rows a second under load.
    Inserts m_requests;
    Inserts m_attempts;
};
