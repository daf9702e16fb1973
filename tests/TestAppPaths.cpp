#include "app/AppPaths.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Where the database goes: $KEYWAY_DATABASE when set, else Keyway/keyway.db in the platform's
// data folder.
class TestAppPaths : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_savedDatabase;
    QByteArray m_savedDataHome;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_savedDatabase = qgetenv("KEYWAY_DATABASE");
        m_savedDataHome = qgetenv("XDG_DATA_HOME");
    }

    void cleanup()
    {
        QStandardPaths::setTestModeEnabled(false);
        qputenv("KEYWAY_DATABASE", m_savedDatabase);
        if (m_savedDataHome.isNull())
            qunsetenv("XDG_DATA_HOME");
        else
            qputenv("XDG_DATA_HOME", m_savedDataHome);
    }

    void theEnvironmentNamesTheDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("elsewhere/team.db"));
        qputenv("KEYWAY_DATABASE", path.toUtf8());
        QCOMPARE(AppPaths::defaultDatabasePath(), path);
        // Taken as given: a relative path is the caller's to resolve.
        qputenv("KEYWAY_DATABASE", "relative/keyway.db");
        QCOMPARE(AppPaths::defaultDatabasePath(), QStringLiteral("relative/keyway.db"));
    }

    void anEmptyVariableIsNotAPath()
    {
        qputenv("XDG_DATA_HOME", m_dir.path().toUtf8());
        qputenv("KEYWAY_DATABASE", "");
        QCOMPARE(
            AppPaths::defaultDatabasePath(), m_dir.filePath(QStringLiteral("Keyway/keyway.db")));
        qunsetenv("KEYWAY_DATABASE");
        QCOMPARE(
            AppPaths::defaultDatabasePath(), m_dir.filePath(QStringLiteral("Keyway/keyway.db")));
    }

    void theDefaultIsInTheDataFolder()
    {
        qunsetenv("KEYWAY_DATABASE");
        QStandardPaths::setTestModeEnabled(true);
        const QString dataFolder
            = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        QVERIFY(!dataFolder.isEmpty());
        const QString path = AppPaths::defaultDatabasePath();
        QCOMPARE(path, QDir(dataFolder).filePath(QStringLiteral("Keyway/keyway.db")));
        QVERIFY(QDir::isAbsolutePath(path));
#ifdef Q_OS_LINUX
        // ~/.local/share/Keyway by default; $XDG_DATA_HOME/Keyway when that is set.
        QStandardPaths::setTestModeEnabled(false);
        qunsetenv("XDG_DATA_HOME");
        QCOMPARE(AppPaths::defaultDatabasePath(),
            QDir::home().filePath(QStringLiteral(".local/share/Keyway/keyway.db")));
#endif
    }
};

QTEST_GUILESS_MAIN(TestAppPaths)
#include "TestAppPaths.moc"
