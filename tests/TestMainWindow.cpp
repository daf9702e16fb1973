#include "AppCore.h"
#include "AwaitTask.h"
#include "KeyService.h"
#include "MainWindow.h"
#include "store/Store.h"
#include "vault/Vault.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The window as it stands: it opens, and reports what the core found on its worker thread.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void showsTheFirstRunHint()
    {
        AppCore core(m_dir.filePath(QStringLiteral("empty.db")));
        MainWindow window(core);
        window.show();
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QVERIFY(started.wait(10000));
        auto* status = window.findChild<QLabel*>(QStringLiteral("status"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("No provider keys yet")), qPrintable(status->text()));
    }

    void reportsKeysAndMissingSecrets()
    {
        const QString path = m_dir.filePath(QStringLiteral("two.db"));
        {
            Store store;
            QVERIFY(store.open(path));
            Vault vault;
            KeyService keys(store, vault);
            KeyFields fields;
            fields.label = QStringLiteral("kept");
            QVERIFY(awaitTask(keys.addKey(QStringLiteral("openai"), fields, QStringLiteral("sk-kept-0123456789abcdef"))));
            fields.label = QStringLiteral("lost");
            const auto lost = awaitTask(keys.addKey(QStringLiteral("openai"), fields, QStringLiteral("sk-lost-0123456789abcdef")));
            QVERIFY(lost);
            QVERIFY(awaitTask(vault.remove(lost->secretRef)));
        }
        AppCore core(path);
        MainWindow window(core);
        window.show();
        QSignalSpy started(&core, &AppCore::started);
        core.start();
        QVERIFY(started.wait(10000));
        QCOMPARE(started.first().at(0).toInt(), 2);
        QCOMPARE(started.first().at(1).toInt(), 1);
        const QString text = window.findChild<QLabel*>(QStringLiteral("status"))->text();
        QVERIFY2(text.contains(QStringLiteral("2 provider key")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1 key")), qPrintable(text));
    }

    void reportsADatabaseItCannotOpen()
    {
        AppCore core(m_dir.path()); // a folder
        MainWindow window(core);
        QSignalSpy failed(&core, &AppCore::startFailed);
        core.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("status"))->text().contains(QStringLiteral("could not start")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
