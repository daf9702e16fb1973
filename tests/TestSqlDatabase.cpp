#include "app/sql/SqlDatabase.h"
#include "tests/support/OtherConnection.h"

#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

class TestSqlDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_file = 0;

    static SqlDatabase::Migrations threeSteps()
    {
        return {
            { QStringLiteral("CREATE TABLE log (step INTEGER NOT NULL)"),
                QStringLiteral("INSERT INTO log VALUES (1)") },
            { QStringLiteral("INSERT INTO log VALUES (2)") },
            { QStringLiteral("INSERT INTO log VALUES (3)") },
        };
    }

    QString log()
    {
        OtherConnection raw(m_path);
        return raw.scalar(QStringLiteral("SELECT group_concat(step, ',') FROM log")).toString();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("t%1.db").arg(++m_file));
    }

    void opensInWalWithForeignKeys()
    {
        SqlDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(m_path));
        auto mode = db.exec(QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode && mode->next());
        QCOMPARE(mode->value(0).toString(), QStringLiteral("wal"));
        auto keys = db.exec(QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(keys && keys->next());
        QCOMPARE(keys->value(0).toInt(), 1);
        QCOMPARE(QFile::permissions(m_path) & (QFile::ReadGroup | QFile::ReadOther),
            QFile::Permissions());
    }

    void twoConnectionsOnOneThreadHaveTheirOwnNames()
    {
        SqlDatabase first(QStringLiteral("test"));
        SqlDatabase second(QStringLiteral("test"));
        QVERIFY(first.open(m_path));
        QVERIFY(second.open(m_path));
        QVERIFY(first.exec(QStringLiteral("CREATE TABLE t (x)")));
        QVERIFY(second.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    }

    void appliesMigrationsInOrderAndOnlyOnce()
    {
        {
            SqlDatabase db(QStringLiteral("test"));
            QVERIFY(db.open(m_path));
            QCOMPARE(db.schemaVersion(), 0);
            QVERIFY(db.migrate(threeSteps().mid(0, 2)));
            QCOMPARE(db.schemaVersion(), 2);
        }
        QCOMPARE(log(), QStringLiteral("1,2"));
        SqlDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(m_path));
        QVERIFY(db.migrate(threeSteps()));
        QVERIFY(db.migrate(threeSteps()));
        QCOMPARE(db.schemaVersion(), 3);
        QCOMPARE(log(), QStringLiteral("1,2,3"));
    }

    void aFailingMigrationLeavesThePreviousVersion()
    {
        SqlDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(m_path));
        SqlDatabase::Migrations steps = threeSteps();
        steps[1] = { QStringLiteral("INSERT INTO log VALUES (2)"),
            QStringLiteral("INSERT INTO no_such_table VALUES (1)") };
        const auto migrated = db.migrate(steps);
        QVERIFY(!migrated);
        QCOMPARE(migrated.failure().kind, FailureKind::Database);
        QVERIFY2(migrated.failure().message.contains(QStringLiteral("no_such_table")),
            qPrintable(migrated.failure().message));
        QCOMPARE(db.schemaVersion(), 1);
        QCOMPARE(log(), QStringLiteral("1")); // step 2's first statement is undone too
    }

    void refusesANewerSchema()
    {
        SqlDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(m_path));
        QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = 7")));
        const auto migrated = db.migrate(threeSteps());
        QVERIFY(!migrated);
        QVERIFY2(migrated.failure().message.contains(QStringLiteral("newer Keyway")),
            qPrintable(migrated.failure().message));
        QCOMPARE(db.schemaVersion(), 7);
    }

    void aTransactionRollsBackOnFailure()
    {
        SqlDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(m_path));
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
        const auto failed = db.transaction([&]() -> Result<void> {
            if (auto r = db.exec(QStringLiteral("INSERT INTO t VALUES (1)")); !r)
                return r.failure();
            return invalidInput(QStringLiteral("changed my mind"));
        });
        QVERIFY(!failed);
        QCOMPARE(failed.failure().message, QStringLiteral("changed my mind"));
        const auto succeeded = db.transaction([&]() -> Result<void> {
            auto r = db.exec(QStringLiteral("INSERT INTO t VALUES (2)"));
            return r ? Result<void>() : r.failure();
        });
        QVERIFY(succeeded);
        auto rows = db.exec(QStringLiteral("SELECT group_concat(x) FROM t"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toString(), QStringLiteral("2"));
    }

    void insertsAndUpserts()
    {
        SqlDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(m_path));
        QVERIFY(db.exec(QStringLiteral(
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, v TEXT)")));
        QCOMPARE(*db.insert(QStringLiteral("INSERT INTO t (name, v) VALUES (?, ?)"),
                     { QStringLiteral("a"), QStringLiteral("1") }),
            1);
        QCOMPARE(*db.insert(QStringLiteral("INSERT INTO t (name, v) VALUES (?, ?)"),
                     { QStringLiteral("b"), QStringLiteral("2") }),
            2);
        QVERIFY(db.upsert(QStringLiteral("t"), { QStringLiteral("name") }, { QStringLiteral("v") },
            { QStringLiteral("a"), QStringLiteral("changed") }));
        QVERIFY(db.upsert(QStringLiteral("t"), { QStringLiteral("name") }, { QStringLiteral("v") },
            { QStringLiteral("c"), QStringLiteral("3") }));
        auto rows = db.exec(QStringLiteral("SELECT group_concat(name || '=' || v) FROM t"));
        QVERIFY(rows && rows->next());
        QCOMPARE(rows->value(0).toString(), QStringLiteral("a=changed,b=2,c=3"));
    }

    void sqlErrorsBecomeReadableFailures()
    {
        SqlDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(m_path));
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (x INTEGER UNIQUE)")));
        QVERIFY(db.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
        const auto duplicate = db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.failure().kind, FailureKind::Conflict);
        QVERIFY2(duplicate.failure().message.startsWith(
                     QStringLiteral("The change conflicts with what is stored: UNIQUE")),
            qPrintable(duplicate.failure().message));

        const auto wrong = db.exec(QStringLiteral("SELECT nonsense FROM t"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.failure().kind, FailureKind::Database);
        QVERIFY2(wrong.failure().message.startsWith(
                     QStringLiteral("The database %1 reported an error: ").arg(m_path)),
            qPrintable(wrong.failure().message));

        const QSqlError busy(QStringLiteral("database is locked"), QStringLiteral("driver"),
            QSqlError::StatementError, QStringLiteral("5"));
        const Failure locked = db.failureFrom(busy);
        QCOMPARE(locked.kind, FailureKind::Database);
        QCOMPARE(locked.message,
            QStringLiteral("The database %1 is locked by another program (waited 5 s). Close the "
                           "other Keyway or SQLite tool and try again.")
                .arg(m_path));
    }

    void refusesAFolderAndAnEmptyPath()
    {
        SqlDatabase folder(QStringLiteral("test"));
        const auto opened = folder.open(m_dir.path());
        QVERIFY(!opened);
        QCOMPARE(opened.failure().message,
            QStringLiteral("%1 is a folder, not a database file.").arg(m_dir.path()));
        SqlDatabase nothing(QStringLiteral("test"));
        QCOMPARE(nothing.open(QString()).failure().kind, FailureKind::Database);
    }
};

QTEST_GUILESS_MAIN(TestSqlDatabase)
#include "TestSqlDatabase.moc"
