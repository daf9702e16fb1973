#include "app/sql/SqlDatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSql, "keyway.sql")

namespace {

// SQLite's primary result codes that deserve their own message.
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteIoError = 10;
constexpr int sqliteFull = 13;
constexpr int sqliteCantOpen = 14;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteNotADatabase = 26;
constexpr int sqliteConstraint = 19;

int sqliteCode(const QSqlError& error)
{
    // Extended result codes carry the primary one in their low byte.
    return error.nativeErrorCode().toInt() & 0xff;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QStringLiteral(", "));
}

} // namespace

SqlDatabase::SqlDatabase(const QString& connectionPrefix)
    : m_connectionName(connectionPrefix + u'-' + QUuid::createUuid().toString(QUuid::Id128))
{ }

SqlDatabase::~SqlDatabase()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<void> SqlDatabase::open(const QString& path)
{
    m_path = path;
    if (path.trimmed().isEmpty()) {
        // SQLite would open a temporary database that vanishes on close.
        return Failure { FailureKind::Database, tr("No database file was given.") };
    }
    const QFileInfo file(path);
    if (file.isDir())
        return Failure { FailureKind::Database,
            tr("%1 is a folder, not a database file.").arg(path) };
    if (!QDir().mkpath(file.absolutePath())) {
        return Failure { FailureKind::Database,
            tr("Cannot create the folder %1 for the database.").arg(file.absolutePath()) };
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!m_db.open())
        return failureFrom(m_db.lastError());
    // Configuration and the activity log are nobody else's business.
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    // WAL lets the app read while the CLI writes; foreign keys are off unless asked for.
    if (auto wal = switchToWal(); !wal)
        return wal;
    for (const QString& pragma : { QStringLiteral("PRAGMA foreign_keys = ON"),
             QStringLiteral("PRAGMA synchronous = NORMAL") }) {
        if (auto done = exec(pragma); !done)
            return done.failure();
    }
    return {};
}

Result<void> SqlDatabase::switchToWal()
{
    // Two processes switching a new file to WAL at once both hold a read lock and want the
    // exclusive one; SQLite then answers BUSY at once instead of waiting (a deadlock to it).
    // So the switch is retried here within the usual busy timeout.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return {};
        const int code = sqliteCode(query.lastError());
        if ((code != sqliteBusy && code != sqliteLocked) || waited.elapsed() > busyTimeoutMs)
            return failureFrom(query.lastError());
        QThread::msleep(10 + QRandomGenerator::global()->bounded(40));
    }
}

Result<int> SqlDatabase::storedVersion()
{
    auto q = exec(QStringLiteral("PRAGMA user_version"));
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toInt() : 0;
}

int SqlDatabase::schemaVersion()
{
    auto version = storedVersion();
    return version ? *version : -1;
}

Result<void> SqlDatabase::migrate(const Migrations& steps)
{
    for (int version = 1; version <= steps.size(); ++version) {
        bool applied = false;
        if (auto step = applyStep(version, steps, applied); !step)
            return step;
        if (applied)
            qCInfo(lcSql) << "migrated" << m_path << "to schema" << version;
    }
    return {};
}

Result<void> SqlDatabase::applyStep(int version, const Migrations& steps, bool& applied)
{
    const int latest = static_cast<int>(steps.size());
    // The version is read again inside each step's transaction, so two processes opening a new
    // file at once do not both run it.
    return transaction([&]() -> Result<void> {
        auto current = storedVersion();
        if (!current)
            return current.failure();
        if (*current > latest) {
            return Failure { FailureKind::Database,
                tr("The database %1 was written by a newer Keyway (schema %2; this version "
                   "knows up to %3). Update Keyway.")
                    .arg(m_path, QString::number(*current), QString::number(latest)) };
        }
        if (*current >= version)
            return {};
        for (const QString& statement : steps.at(version - 1)) {
            if (auto done = exec(statement); !done)
                return done.failure();
        }
        // PRAGMA takes no bound parameters; the version is our own integer.
        if (auto done = exec(QStringLiteral("PRAGMA user_version = %1").arg(version)); !done)
            return done.failure();
        applied = true;
        return {};
    });
}

qint64 SqlDatabase::changeCounter()
{
    auto q = exec(QStringLiteral("PRAGMA data_version"));
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

Result<qint64> SqlDatabase::dataBytes()
{
    auto q
        = exec(QStringLiteral("SELECT (page_count - freelist_count) * page_size FROM "
                              "pragma_page_count(), pragma_freelist_count(), pragma_page_size()"));
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QSqlQuery> SqlDatabase::exec(const QString& sql, const QVariantList& values)
{
    auto query = prepare(sql);
    if (!query)
        return query;
    if (auto done = run(*query, values); !done)
        return done.failure();
    return query;
}

Result<QSqlQuery> SqlDatabase::prepare(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return failureFrom(query.lastError());
    return query;
}

Result<void> SqlDatabase::run(QSqlQuery& prepared, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        prepared.bindValue(i, values.at(i));
    if (!prepared.exec())
        return failureFrom(prepared.lastError());
    return {};
}

Result<qint64> SqlDatabase::insert(const QString& sql, const QVariantList& values)
{
    auto q = exec(sql, values);
    if (!q)
        return q.failure();
    return q->lastInsertId().toLongLong();
}

Result<void> SqlDatabase::upsert(const QString& table, const QStringList& keyColumns,
    const QStringList& valueColumns, const QVariantList& values)
{
    return addTo(table, keyColumns, valueColumns, {}, values); // an upsert adds to no column
}

Result<void> SqlDatabase::addTo(const QString& table, const QStringList& keyColumns,
    const QStringList& valueColumns, const QStringList& sumColumns, const QVariantList& values)
{
    QStringList updates;
    for (const QString& column : valueColumns)
        updates.append(column + QStringLiteral(" = excluded.") + column);
    for (const QString& column : sumColumns)
        updates.append(QStringLiteral("%1 = COALESCE(%2.%1 + excluded.%1, %2.%1, excluded.%1)")
                           .arg(column, table));
    const QStringList columns = keyColumns + valueColumns + sumColumns;
    auto q
        = exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5")
                   .arg(table, columns.join(QStringLiteral(", ")), placeholders(columns.size()),
                       keyColumns.join(QStringLiteral(", ")), updates.join(QStringLiteral(", "))),
            values);
    return q ? Result<void>() : q.failure();
}

QString SqlDatabase::replaceStatement(
    const QString& table, const QStringList& columns, int rows) const
{
    QStringList tuples;
    tuples.fill(QStringLiteral("(%1)").arg(placeholders(columns.size())), rows);
    // SQLite deletes the old row (and what cascades from it) and inserts a new one.
    return QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES %3")
        .arg(table, columns.join(QStringLiteral(", ")), tuples.join(QStringLiteral(", ")));
}

Result<void> SqlDatabase::setPageCacheKiB(int kibibytes)
{
    // PRAGMA takes no bound parameters; a negative size is in KiB, not pages.
    auto done = exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kibibytes));
    return done ? Result<void>() : done.failure();
}

Result<void> SqlDatabase::transaction(const std::function<Result<void>()>& work)
{
    // IMMEDIATE takes the write lock up front, so the busy timeout applies instead of a
    // deadlock error when two writers meet.
    if (auto begun = exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.failure();
    Result<void> outcome = work();
    if (outcome) {
        auto committed = exec(QStringLiteral("COMMIT"));
        if (committed)
            return {};
        outcome = committed.failure();
    }
    if (auto rolledBack = exec(QStringLiteral("ROLLBACK")); !rolledBack)
        qCWarning(lcSql) << "rollback failed:" << rolledBack.failure().message;
    return outcome;
}

Failure SqlDatabase::failureFrom(const QSqlError& error) const
{
    const int code = sqliteCode(error);
    qCWarning(lcSql) << m_connectionName << "SQLite error" << code << error.text();
    switch (code) {
    case sqliteBusy:
    case sqliteLocked:
        return { FailureKind::Database,
            tr("The database %1 is locked by another program (waited %2 s). Close the other "
               "Keyway or SQLite tool and try again.")
                .arg(m_path)
                .arg(busyTimeoutMs / 1000) };
    case sqliteNotADatabase:
    case sqliteCorrupt:
        return { FailureKind::Database,
            tr("%1 is not a Keyway database or is damaged. Move it aside to start afresh, or "
               "restore a backup.")
                .arg(m_path) };
    case sqliteCantOpen:
        return { FailureKind::Database,
            tr("Cannot open the database %1 for writing: %2. Check that its folder exists and "
               "is writable.")
                .arg(m_path, error.databaseText()) };
    case sqliteReadOnly:
        // The driver's own text ("Unable to execute statement") says nothing of the cause.
        return { FailureKind::Database,
            tr("The database %1 is read-only: Keyway may not write to the file or its folder. "
               "Check their permissions and that the disk is not mounted read-only.")
                .arg(m_path) };
    case sqliteIoError:
    case sqliteFull:
        // SQLite rolls back what could not be written; the file stays whole.
        return { FailureKind::Database,
            tr("Could not write to the database %1 (%2). The disk may be full or the file over "
               "a size limit; nothing was changed. Free some space and try again.")
                .arg(m_path, error.databaseText()) };
    case sqliteConstraint:
        return conflict(
            tr("The change conflicts with what is stored: %1").arg(error.databaseText()));
    default:
        return { FailureKind::Database,
            tr("The database %1 reported an error: %2").arg(m_path, error.text()) };
    }
}
