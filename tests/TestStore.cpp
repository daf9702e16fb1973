#include "app/sql/SqlDatabase.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/SchemaMigrations.h"
#include "app/store/Store.h"
#include "tests/support/OtherConnection.h"
#include "tests/support/StoreFixtures.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using StoreFixtures::draftKey;

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = StoreFixtures::freshDatabase(m_dir);
    }

    void migratesAnEmptyFile()
    {
        {
            Store store;
            QVERIFY(store.open(m_path));
            QCOMPARE(store.schemaVersion(), SchemaMigrations::latestVersion());
            const auto workspaces = store.access().workspaces();
            QVERIFY(workspaces);
            QCOMPARE(workspaces->size(), 1);
            QCOMPARE(workspaces->first().name, QStringLiteral("Personal"));
            const auto members = store.access().members();
            QCOMPARE(members->size(), 1);
            QCOMPARE(members->first().name, QStringLiteral("me"));
            QVERIFY(store.keys().all()->isEmpty());
        }
        OtherConnection raw(m_path);
        QCOMPARE(
            raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        for (const char* table : { "provider_keys", "local_api_keys", "key_model_filters",
                 "key_member_filters", "key_local_key_filters", "settings" }) {
            QVERIFY2(
                raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'")
                               .arg(QLatin1StringView(table)))
                        .toInt()
                    == 1,
                table);
        }
        raw.close();
        // Opening again runs no step twice.
        Store again;
        QVERIFY(again.open(m_path));
        QCOMPARE(again.access().workspaces()->size(), 1);
    }

    void refusesANewerSchema()
    {
        {
            Store store;
            QVERIFY(store.open(m_path));
        }
        {
            OtherConnection raw(m_path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        Store store;
        const auto opened = store.open(m_path);
        QVERIFY(!opened);
        QCOMPARE(opened.failure().kind, FailureKind::Database);
        QVERIFY2(opened.failure().message.contains(QStringLiteral("newer Keyway")),
            qPrintable(opened.failure().message));
    }

    void refusesAFileThatIsNotADatabase()
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage(8192, Qt::Uninitialized);
        for (char& c : garbage)
            c = static_cast<char>(QRandomGenerator::global()->bounded(256));
        file.write(garbage);
        file.close();
        {
            Store store;
            const auto opened = store.open(m_path);
            QVERIFY(!opened);
            QCOMPARE(opened.failure().kind, FailureKind::Database);
            QVERIFY2(opened.failure().message.contains(QStringLiteral("not a Keyway database")),
                qPrintable(opened.failure().message));
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage); // left exactly as it was
    }

    void refusesAFolder()
    {
        Store store;
        const auto opened = store.open(m_dir.path());
        QVERIFY(!opened);
        QVERIFY(opened.failure().message.contains(QStringLiteral("folder")));
    }

    void anEmptyPathIsRefused()
    {
        Store store;
        const auto opened = store.open(QString());
        QVERIFY(!opened);
        QCOMPARE(opened.failure().kind, FailureKind::Database);
    }

    void enforcesForeignKeys()
    {
        Store store;
        QVERIFY(store.open(m_path));
        ProviderKey key = draftKey(QStringLiteral("a"), Tier::Prioritized);
        key.workspaceId = 999; // no such workspace
        const auto inserted = store.keys().insert(key);
        QVERIFY(!inserted);
        QCOMPARE(inserted.failure().kind, FailureKind::Conflict);
        QVERIFY(store.keys().all()->isEmpty());
    }

    void noticesAnotherConnectionWithinASecond()
    {
        Store watcher;
        QVERIFY(watcher.open(m_path));
        Store other;
        QVERIFY(other.open(m_path));
        QSignalSpy spy(&watcher, &Store::changed);
        QVERIFY(other.access().insertMember(QStringLiteral("alice")));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, 1000);
        QCOMPARE(spy.first().first().value<Store::Areas>(), Store::allAreas);
        QVERIFY(watcher.access().memberByName(QStringLiteral("alice")));
        // Its own reads do not count as changes.
        QTest::qWait(700);
        QCOMPARE(spy.count(), 1);
    }

    void aLockedDatabaseFailsClearlyAndChangesNothing()
    {
        Store store;
        QVERIFY(store.open(m_path));
        OtherConnection locker(m_path);
        QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QElapsedTimer timer;
        timer.start();
        const auto added = store.access().insertMember(QStringLiteral("bob"));
        QVERIFY(!added);
        QCOMPARE(added.failure().kind, FailureKind::Database);
        QVERIFY2(added.failure().message.contains(QStringLiteral("locked")),
            qPrintable(added.failure().message));
        QVERIFY(timer.elapsed() >= SqlDatabase::busyTimeoutMs - 500); // it waited before giving up
        QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(!store.access().memberByName(QStringLiteral("bob")));
        QVERIFY(store.access().insertMember(QStringLiteral("bob")));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
