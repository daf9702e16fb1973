#include "router/access/HostGuard.h"

#include <QTest>

class TestHostGuard : public QObject
{
    Q_OBJECT

private slots:
    void loopbackOnly_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("ipv4") << QByteArray("127.0.0.1:4141") << true;
        QTest::newRow("ipv4 no port") << QByteArray("127.0.0.1") << true;
        QTest::newRow("other loopback") << QByteArray("127.3.2.1:80") << true;
        QTest::newRow("localhost") << QByteArray("LocalHost:4141") << true;
        QTest::newRow("ipv6") << QByteArray("[::1]:4141") << true;
        QTest::newRow("rebound domain") << QByteArray("evil.example:4141") << false;
        QTest::newRow("localhost lookalike") << QByteArray("localhost.evil.example") << false;
        QTest::newRow("lan address") << QByteArray("192.168.1.20:4141") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("broken ipv6") << QByteArray("[::1:4141") << false;
    }

    void loopbackOnly()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        QCOMPARE(HostGuard().allows(host), allowed);
    }

    void originsOfThisMachineOnly_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("none: an SDK, curl, an agent") << QByteArray() << true;
        QTest::newRow("localhost") << QByteArray("http://localhost:3000") << true;
        QTest::newRow("loopback https") << QByteArray("https://127.0.0.1:8443") << true;
        QTest::newRow("ipv6 loopback") << QByteArray("http://[::1]:3000") << true;
        QTest::newRow("a web page") << QByteArray("https://evil.example") << false;
        QTest::newRow("localhost look-alike")
            << QByteArray("http://localhost.evil.example") << false;
        QTest::newRow("lan page") << QByteArray("http://192.168.1.20") << false;
        QTest::newRow("null") << QByteArray("null") << false;
        QTest::newRow("file") << QByteArray("file://") << false;
        QTest::newRow("extension") << QByteArray("chrome-extension://abcdef") << false;
        QTest::newRow("no scheme") << QByteArray("localhost:3000") << false;
        QTest::newRow("garbage") << QByteArray("http://[::1") << false;
    }
    void originsOfThisMachineOnly()
    {
        QFETCH(QByteArray, origin);
        QFETCH(bool, allowed);
        QCOMPARE(HostGuard().allowsOrigin(origin), allowed);
    }

    void theBindAddressToo()
    {
        const HostGuard guard(QHostAddress(QStringLiteral("192.168.1.20")));
        QVERIFY(guard.allows("192.168.1.20:4141"));
        QVERIFY(guard.allows("127.0.0.1:4141"));
        QVERIFY(!guard.allows("192.168.1.21:4141"));
    }
};

QTEST_GUILESS_MAIN(TestHostGuard)
#include "TestHostGuard.moc"
