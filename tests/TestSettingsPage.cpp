#include "app/AppCore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "ui/settings/SettingsPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// The Settings page on a real app core: values from the database, changes stored (and checked,
// with the problem beside the setting), binding beyond loopback confirmed first, and the
// desktop's autostart entry. Runs in a private HOME (with-keyring.sh).
class TestSettingsPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<AppCore> m_core;

    QString stored(const QString& name) { return m_store->settings().values()->value(name); }
    static void answerNextQuestion(QMessageBox::StandardButton button)
    {
        QTimer::singleShot(0, [button] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(button)->click();
        });
    }

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("settings.db"));
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(path));
        QVERIFY(m_store->settings().setValue(QStringLiteral("port"), QStringLiteral("0")));
        m_core = std::make_unique<AppCore>(path);
        QSignalSpy settings(m_core.get(), &AppCore::settingsChanged);
        m_core->start();
        QTRY_VERIFY_WITH_TIMEOUT(!settings.isEmpty(), 15000);
    }
    void cleanupTestCase()
    {
        m_core.reset();
        m_store.reset();
    }

    void storesWhatIsChanged()
    {
        SettingsPage page(*m_core);
        QCOMPARE(page.value(QStringLiteral("port")), QStringLiteral("0"));
        QCOMPARE(page.value(QStringLiteral("attempt-budget")), QStringLiteral("8"));
        page.setValue(QStringLiteral("attempt-budget"), QStringLiteral("3"));
        QVERIFY(page.apply());
        QTRY_COMPARE(stored(QStringLiteral("attempt-budget")), QStringLiteral("3"));
        QVERIFY(stored(QStringLiteral("connect-timeout-ms")).isEmpty()); // unchanged: not stored
    }

    void saysWhatIsWrongBesideTheSetting()
    {
        SettingsPage page(*m_core);
        page.setValue(QStringLiteral("bind-address"), QStringLiteral("localhost:80"));
        QVERIFY(page.apply());
        QTRY_VERIFY(!page.problem(QStringLiteral("bind-address")).isEmpty());
        QVERIFY(stored(QStringLiteral("bind-address")).isEmpty());
    }

    void asksBeforeBindingBeyondLoopback()
    {
        SettingsPage page(*m_core);
        page.setValue(QStringLiteral("bind-address"), QStringLiteral("0.0.0.0"));
        answerNextQuestion(QMessageBox::Cancel);
        QVERIFY(!page.apply());
        QTest::qWait(100);
        QVERIFY(stored(QStringLiteral("bind-address")).isEmpty());
    }

    void writesTheAutostartEntry()
    {
        SettingsPage page(*m_core);
        auto* atLogin = page.findChild<QCheckBox*>(QStringLiteral("startAtLogin"));
        QVERIFY(!atLogin->isChecked());
        atLogin->setChecked(true);
        QFile entry(SettingsPage::autostartFile());
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QByteArray text = entry.readAll();
        QVERIFY(text.startsWith("[Desktop Entry]"));
        QVERIFY(text.contains("Exec=" + QCoreApplication::applicationFilePath().toUtf8()));
        atLogin->setChecked(false);
        QVERIFY(!QFile::exists(SettingsPage::autostartFile()));

        auto* minimised = page.findChild<QCheckBox*>(QStringLiteral("startMinimised"));
        minimised->setChecked(true);
        QVERIFY(SettingsPage::startsMinimised());
        minimised->setChecked(false);
        QVERIFY(!SettingsPage::startsMinimised());
    }
};

QTEST_MAIN(TestSettingsPage)
#include "TestSettingsPage.moc"
