#pragma once

#include "router/core/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <algorithm>
#include <bit>
#include <functional>

class QSqlError;

// One connection to a Keyway database and the plumbing every user of it needs: opening with the
// right settings, numbered migrations, transactions, and SQL errors as Failures a person can
// read. Whatever differs between SQL dialects (SQLite today; PostgreSQL through QPSQL is to
// follow) lives here and nowhere else: connection settings, where the schema version is kept,
// how a transaction takes its lock, new row ids, upserts and replacing rows.
//
// Bound to the thread that opened it, like the QSqlDatabase connection inside; each object has
// a connection name of its own.
class SqlDatabase
{
    Q_DECLARE_TR_FUNCTIONS(SqlDatabase)

public:
    static constexpr int busyTimeoutMs = 5000;
    // The statements of each numbered migration, step 1 first. Step N takes the schema version
    // from N-1 to N; a released step is never edited, only followed by another.
    using Migrations = QList<QStringList>;

    // `connectionPrefix` names the connection in Qt's registry and in logs ("keyway-store").
    explicit SqlDatabase(const QString& connectionPrefix);
    ~SqlDatabase();
    SqlDatabase(const SqlDatabase&) = delete;
    SqlDatabase& operator=(const SqlDatabase&) = delete;

    // Opens or creates the file; the folder is created when missing.
    Result<void> open(const QString& path);
    // Applies the steps the database has not had yet, each in a transaction of its own.
    Result<void> migrate(const Migrations& steps);

    const QString& path() const { return m_path; }
    // -1 when it cannot be read.
    int schemaVersion();
    // A number that changes when another connection commits; -1 when it cannot be read.
    qint64 changeCounter();
    // The bytes the data takes in the file, without free pages.
    Result<qint64> dataBytes();

    Result<QSqlQuery> exec(const QString& sql, const QVariantList& values = {});
    // For statements run many times (see run()).
    Result<QSqlQuery> prepare(const QString& sql);
    Result<void> run(QSqlQuery& prepared, const QVariantList& values);
    // Runs an INSERT and answers the new row's id.
    Result<qint64> insert(const QString& sql, const QVariantList& values);
    // Inserts the row, or updates its value columns when a row with the same key exists.
    // `values` are the key columns' values, then the value columns'.
    Result<void> upsert(const QString& table, const QStringList& keyColumns,
        const QStringList& valueColumns, const QVariantList& values);
    // Inserts the row, or adds its `sumColumns` to those of the row with the same key (a NULL
    // adds nothing; a NULL sum takes the other value) and sets its `valueColumns`. `values`
    // are the key columns' values, then the value columns', then the sum columns'.
    Result<void> addTo(const QString& table, const QStringList& keyColumns,
        const QStringList& valueColumns, const QStringList& sumColumns, const QVariantList& values);
    // An INSERT of `rows` rows with one placeholder per column, each replacing a row with the
    // same key; the placeholders are bound row by row.
    QString replaceStatement(const QString& table, const QStringList& columns, int rows = 1) const;
    // How many rows one statement may carry, a power of two within SQLite's oldest limit on
    // bound values (999; 3.32 and later allow 32,766, Debian's build 250,000). More rows per
    // statement gain little: beyond a few dozen the rows' own cost dominates.
    static int rowsPerStatement(qsizetype columns)
    {
        return int(std::bit_floor(quint32(999 / std::max<qsizetype>(columns, 1))));
    }
    // How much of the file the connection keeps in memory. SQLite's default of 2 MB is less
    // than a large transaction changes, and pages it must spill are written more than once.
    Result<void> setPageCacheKiB(int kibibytes);
    // Commits when `work` succeeds, rolls back when it fails.
    Result<void> transaction(const std::function<Result<void>()>& work);

    Failure failureFrom(const QSqlError& error) const;

private:
    Result<void> switchToWal();
    Result<int> storedVersion();
    Result<void> applyStep(int version, const Migrations& steps, bool& applied);

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
};
