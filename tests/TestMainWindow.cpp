#include "app/AppCore.h"
#include "app/activity/ActivityArchive.h"
#include "app/store/KeyStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "ui/MainWindow.h"
#include "ui/activity/ActivityModel.h"
#include "ui/activity/ActivityPage.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

// The window as it stands: it opens, and reports what the core found on its worker thread.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString statusOf(const MainWindow& window)
    {
        return window.findChild<QLabel*>(QStringLiteral("status"))->text();
    }
    static QString routerOf(const MainWindow& window)
    {
        return window.findChild<QLabel*>(QStringLiteral("router"))->text();
    }
    // Tests run side by side: each window's router takes a free port, not the default one.
    static void useAnyFreePort(const QString& database)
    {
        Store store;
        QVERIFY(store.open(database));
        QVERIFY(store.settings().setValue(QStringLiteral("port"), QStringLiteral("0")));
    }

private slots:
    void showsTheFirstRunHint()
    {
        useAnyFreePort(m_dir.filePath(QStringLiteral("empty.db")));
        AppCore core(m_dir.filePath(QStringLiteral("empty.db")));
        MainWindow window(core);
        window.show();
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            started.count(), 1, 10000); // may arrive before a wait() would start
        QTRY_VERIFY_WITH_TIMEOUT(
            statusOf(window).contains(QStringLiteral("No provider keys yet")), 5000);
        // The window starts the router with it.
        QTRY_VERIFY_WITH_TIMEOUT(
            routerOf(window).contains(QStringLiteral("listening on http://127.0.0.1:")), 10000);
    }

    void showsTheAddressToCopyAndStopsAndStartsTheRouter()
    {
        const QString path = m_dir.filePath(QStringLiteral("status.db"));
        useAnyFreePort(path);
        AppCore core(path);
        MainWindow window(core);
        window.show();
        QSignalSpy listening(&core, &AppCore::routerListening);
        core.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count(), 1, 10000);
        const QString address = listening.first().first().toString();
        auto* copy = window.findChild<QToolButton*>(QStringLiteral("copyAddress"));
        QTRY_VERIFY(copy->isEnabled());
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), address);
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("rate"))->text().isEmpty()
            || window.findChild<QLabel*>(QStringLiteral("rate"))->text().endsWith(u"req/s"));

        QSignalSpy stopped(&core, &AppCore::routerStopped);
        core.setRouterListening(false);
        QVERIFY(stopped.wait());
        QTRY_VERIFY(!copy->isEnabled());
        QVERIFY(routerOf(window).contains(u"stopped"));
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, QUrl(address).port());
        QVERIFY(!probe.waitForConnected(2000));

        core.setRouterListening(true);
        QVERIFY(listening.wait());
        QTRY_VERIFY(copy->isEnabled());
        QVERIFY(routerOf(window).contains(u"listening on http://127.0.0.1:"));
    }

    void remembersItsGeometry()
    {
        const QString path = m_dir.filePath(QStringLiteral("geometry.db"));
        useAnyFreePort(path);
        AppCore core(path);
        {
            MainWindow window(core);
            window.show();
            window.resize(801, 503);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.close();
        }
        MainWindow again(core);
        QCOMPARE(again.size(), QSize(801, 503));
    }

    void reportsKeysAndMissingSecrets()
    {
        // The keys are made by the CLI in its own process: QtKeychain queues every job through
        // one executor bound to the first thread that uses it, which here must be the core's.
        const QString path = m_dir.filePath(QStringLiteral("two.db"));
        for (const char* label : { "kept", "lost" }) {
            QProcess cli;
            cli.start(qEnvironmentVariable("KEYWAY_BINARY"),
                { "--database", path, "key", "add", "--provider", "openai", "--label", label,
                    "--secret-stdin" });
            cli.write("sk-0123456789abcdef0123456789");
            cli.closeWriteChannel();
            QVERIFY(cli.waitForFinished(30000));
            QCOMPARE(cli.exitCode(), 0);
        }
        QProcess forget; // the secret of "lost" vanishes from the keychain behind Keyway's back
        forget.start("sh",
            { "-c",
                "secret-tool clear server Keyway user \"$(secret-tool search --all server Keyway "
                "2>&1 | "
                "grep -m1 'attribute.user' | cut -d' ' -f3)\"" });
        QVERIFY(forget.waitForFinished(30000));
        useAnyFreePort(path);
        AppCore core(path);
        MainWindow window(core);
        window.show();
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            started.count(), 1, 10000); // may arrive before a wait() would start
        QCOMPARE(started.first().at(0).toInt(), 2);
        QCOMPARE(started.first().at(1).toInt(), 1);
        // The window hears of it through a queued connection, a moment later.
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(window).contains(QStringLiteral("2 provider key")), 5000);
        QVERIFY2(statusOf(window).contains(QStringLiteral("1 key")), qPrintable(statusOf(window)));
    }

    // Run by the TestMainWindowWithoutKeychain registration, on a bus where no keychain answers.
    void reportsAnUnreachableKeychain()
    {
        if (!qEnvironmentVariableIsSet("KEYWAY_EXPECT_NO_KEYCHAIN"))
            QSKIP("this run has a keychain");
        const QString path = m_dir.filePath(QStringLiteral("unchecked.db"));
        {
            Store store; // a key as another machine's Keyway left it; its secret is elsewhere
            QVERIFY(store.open(path));
            ProviderKey key;
            key.secretRef = QStringLiteral("provider-key/elsewhere");
            key.providerId = QStringLiteral("openai");
            key.label = QStringLiteral("Copied");
            QVERIFY(store.keys().insert(key));
        }
        useAnyFreePort(path);
        AppCore core(path);
        MainWindow window(core);
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 20000);
        QCOMPARE(started.first().at(1).toInt(), 0); // nothing flagged on a guess
        QVERIFY(!started.first().at(2).toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            statusOf(window).contains(QStringLiteral("could not be checked")), 5000);
    }

    void showsTheRequestsOfTheLogFromBeforeItOpened()
    {
        const QString path = m_dir.filePath(QStringLiteral("history.db"));
        useAnyFreePort(path);
        {
            ActivityArchive archive;
            QVERIFY(archive.open(ActivityArchive::pathFor(path)));
            QList<RequestRecord> yesterday;
            for (int i = 0; i < 3; ++i) {
                RequestRecord record;
                record.id = QStringLiteral("gen-old-%1").arg(i);
                record.startedAt = QDateTime::currentDateTimeUtc().addDays(-1).addSecs(i);
                record.requestedModel = QStringLiteral("gpt-4.1");
                record.status = 200;
                yesterday.append(record);
            }
            QVERIFY(archive.write(yesterday));
        }
        AppCore core(path);
        MainWindow window(core);
        core.start();
        const ActivityModel& model = window.activityPage()->model();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 20000);
        QCOMPARE(model.index(0, 0).data(ActivityModel::RecordRole).value<RequestRecord>().id,
            QStringLiteral("gen-old-2")); // newest first, as live ones come
    }

    void reportsADatabaseItCannotOpen()
    {
        AppCore core(m_dir.path()); // a folder
        MainWindow window(core);
        QSignalSpy failed(&core, &AppCore::startFailed);
        core.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            statusOf(window).contains(QStringLiteral("could not start")), 5000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
