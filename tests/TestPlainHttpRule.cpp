#include "router/http/PlainHttpRule.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QTest>
#include <QUrl>

using Verdict = PlainHttpRule::Verdict;

// Where a secret may go unencrypted: https anywhere, http only to this computer or a private
// network. Addresses are only parsed here; nothing is looked up or contacted.
class TestPlainHttpRule : public QObject
{
    Q_OBJECT

private:
    static QHostInfo resolved(const QStringList& addresses)
    {
        QHostInfo info;
        QList<QHostAddress> list;
        for (const QString& address : addresses)
            list.append(QHostAddress(address));
        info.setAddresses(list);
        return info;
    }

private slots:
    void decidesFromTheUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("verdict"); // -1: refused
        const int refused = -1;
        const int local = int(Verdict::Local);
        const int byName = int(Verdict::DependsOnAddresses);
        const int encrypted = int(Verdict::NotPlainHttp);
        QTest::newRow("https to a public address") << "https://8.8.8.8/v1" << encrypted;
        QTest::newRow("https to a public name") << "https://api.example.com/v1" << encrypted;
        QTest::newRow("localhost") << "http://localhost:11434/v1" << local;
        QTest::newRow("localhost in capitals, rooted") << "http://LocalHost./v1" << local;
        QTest::newRow("a name under localhost") << "http://ollama.localhost/v1" << local;
        QTest::newRow("loopback") << "http://127.0.0.1:11434/v1" << local;
        QTest::newRow("loopback, top of 127/8") << "http://127.255.255.254/" << local;
        QTest::newRow("10/8") << "http://10.1.2.3/v1" << local;
        QTest::newRow("172.16/12, bottom") << "http://172.16.0.1/" << local;
        QTest::newRow("172.16/12, top") << "http://172.31.255.255/" << local;
        QTest::newRow("just past 172.16/12") << "http://172.32.0.1/" << refused;
        QTest::newRow("192.168/16") << "http://192.168.1.10:8080/v1" << local;
        QTest::newRow("link-local") << "http://169.254.10.1/" << local;
        QTest::newRow("carrier-grade NAT") << "http://100.64.0.1/" << refused;
        QTest::newRow("IPv6 loopback") << "http://[::1]:11434/v1" << local;
        QTest::newRow("IPv6 unique local") << "http://[fd12:3456::1]/v1" << local;
        QTest::newRow("IPv6 link-local") << "http://[fe80::1]/v1" << local;
        QTest::newRow("IPv4-mapped private") << "http://[::ffff:10.0.0.1]/v1" << local;
        QTest::newRow("IPv4-mapped loopback") << "http://[::ffff:127.0.0.1]/v1" << local;
        QTest::newRow("IPv4-mapped public") << "http://[::ffff:8.8.8.8]/v1" << refused;
        QTest::newRow("public IPv4") << "http://8.8.8.8/v1" << refused;
        QTest::newRow("TEST-NET-3") << "http://203.0.113.5/v1" << refused;
        QTest::newRow("public IPv6") << "http://[2001:4860:4860::8888]/v1" << refused;
        QTest::newRow("unspecified") << "http://0.0.0.0:11434/v1" << refused;
        QTest::newRow("a name that never resolves") << "http://some-name.invalid/v1" << refused;
        QTest::newRow("a LAN name") << "http://gateway.lan:4000/v1" << byName;
        QTest::newRow("an mDNS name") << "http://ollama.local:11434/v1" << byName;
        QTest::newRow("localhost as a label, not the domain")
            << "http://localhost.example.com/v1" << byName;
        QTest::newRow("ends like localhost") << "http://evillocalhost/v1" << byName;
    }
    void decidesFromTheUrl()
    {
        QFETCH(QString, url);
        QFETCH(int, verdict);
        const Result<Verdict> checked = PlainHttpRule::check(QUrl(url));
        if (verdict < 0) {
            QVERIFY2(!checked, qPrintable(url));
            QCOMPARE(checked.failure().kind, FailureKind::InvalidInput);
            QVERIFY2(checked.failure().message.contains(u"https://"),
                qPrintable(checked.failure().message));
            return;
        }
        QVERIFY2(checked, qPrintable(checked ? QString() : checked.failure().message));
        QCOMPARE(int(*checked), verdict);
    }

    void aPublicAddressIsNamedInTheReason()
    {
        const Result<Verdict> checked
            = PlainHttpRule::check(QUrl(QStringLiteral("http://203.0.113.5/v1")));
        QVERIFY(!checked);
        QVERIFY2(checked.failure().message.contains(u"203.0.113.5 is a public address"),
            qPrintable(checked.failure().message));
    }

    void aNameCountsByEveryAddressItResolvesTo()
    {
        const QUrl url(QStringLiteral("http://gateway.lan/v1"));
        QVERIFY(PlainHttpRule::checkLookup(url, resolved({ QStringLiteral("192.168.1.20") })));
        QVERIFY(PlainHttpRule::checkLookup(
            url, resolved({ QStringLiteral("10.0.0.5"), QStringLiteral("fd00::5") })));

        const Result<void> mixed = PlainHttpRule::checkLookup(
            url, resolved({ QStringLiteral("10.0.0.5"), QStringLiteral("8.8.8.8") }));
        QVERIFY(!mixed);
        QVERIFY2(
            mixed.failure().message.contains(u"gateway.lan resolves to the public address 8.8.8.8"),
            qPrintable(mixed.failure().message));
    }

    void aNameThatDoesNotResolveIsRefused()
    {
        const QUrl url(QStringLiteral("http://gateway.lan/v1"));
        QHostInfo notFound;
        notFound.setError(QHostInfo::HostNotFound);
        const Result<void> refused = PlainHttpRule::checkLookup(url, notFound);
        QVERIFY(!refused);
        QVERIFY2(refused.failure().message.contains(u"does not resolve"),
            qPrintable(refused.failure().message));
        QVERIFY(!PlainHttpRule::checkLookup(url, resolved({})));
    }

    void thePeerAPlainConnectionReachedMustBeLocal()
    {
        const QUrl plain(QStringLiteral("http://gateway.lan:4000"));
        QVERIFY(PlainHttpRule::checkPeer(plain, QHostAddress::LocalHost));
        QVERIFY(PlainHttpRule::checkPeer(plain, QHostAddress(QStringLiteral("192.168.1.20"))));
        const Result<void> refused
            = PlainHttpRule::checkPeer(plain, QHostAddress(QStringLiteral("8.8.4.4")));
        QVERIFY(!refused);
        QVERIFY2(refused.failure().message.contains(u"Nothing was sent")
                && refused.failure().message.contains(u"8.8.4.4"),
            qPrintable(refused.failure().message));
        // Not knowing the peer is not knowing it is local.
        QVERIFY(!PlainHttpRule::checkPeer(plain, QHostAddress()));
        // TLS protects the secret wherever the connection went.
        QVERIFY(PlainHttpRule::checkPeer(QUrl(QStringLiteral("https://api.example.com")),
            QHostAddress(QStringLiteral("8.8.4.4"))));
    }
};

QTEST_GUILESS_MAIN(TestPlainHttpRule)
#include "TestPlainHttpRule.moc"
