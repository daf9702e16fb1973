#include "app/settings/Settings.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"

#include <QTemporaryDir>
#include <QTest>

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void checksValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("normalised"); // empty: refused
        QTest::newRow("port") << "port"
                              << " 9000 "
                              << "9000";
        QTest::newRow("port zero: any free port") << "port"
                                                  << "0"
                                                  << "0";
        QTest::newRow("port negative") << "port"
                                       << "-1"
                                       << "";
        QTest::newRow("port too high") << "port"
                                       << "70000"
                                       << "";
        QTest::newRow("port word") << "port"
                                   << "http"
                                   << "";
        QTest::newRow("ipv4") << "bind-address"
                              << "127.0.0.1"
                              << "127.0.0.1";
        QTest::newRow("ipv6") << "bind-address"
                              << "::1"
                              << "::1";
        QTest::newRow("hostname") << "bind-address"
                                  << "localhost"
                                  << "";
        QTest::newRow("budget") << "attempt-budget"
                                << "3"
                                << "3";
        QTest::newRow("budget zero") << "attempt-budget"
                                     << "0"
                                     << "";
        QTest::newRow("unknown") << "colour"
                                 << "red"
                                 << "";
    }

    void checksValues()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, normalised);
        const auto checked = Settings::check(name, value);
        QCOMPARE(checked ? *checked : QString(), normalised);
        if (!checked)
            QCOMPARE(checked.failure().kind, FailureKind::InvalidInput);
    }

    void everyDefaultIsValid()
    {
        for (const Settings::Definition& definition : Settings::definitions())
            QVERIFY2(Settings::check(definition.name, definition.defaultValue),
                qPrintable(definition.name));
    }

    void storedValuesOverDefaults()
    {
        QTemporaryDir dir;
        Store store;
        QVERIFY(store.open(dir.filePath("s.db")));
        QCOMPARE(Settings::effective(*store.settings().values()).value("port"), QString("4141"));
        QVERIFY(store.settings().setValue("port", QString("9000")));
        QVERIFY(store.settings().setValue("port", QString("9001"))); // replaces
        QCOMPARE(Settings::effective(*store.settings().values()).value("port"), QString("9001"));
        QVERIFY(store.settings().setValue("port", std::nullopt));
        QCOMPARE(Settings::effective(*store.settings().values()).value("port"), QString("4141"));
        QCOMPARE(Settings::effective({}).size(), Settings::definitions().size());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"
