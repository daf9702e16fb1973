#include "router/access/LocalKeyToken.h"

#include <QSet>
#include <QTest>

class TestLocalKeyToken : public QObject
{
    Q_OBJECT

private slots:
    void generatedTokensAreWellFormed()
    {
        const QString token = LocalKeyToken::generate();
        QCOMPARE(token.size(), 46);
        QVERIFY(token.startsWith(QLatin1StringView("kw-")));
        QVERIFY(LocalKeyToken::isWellFormed(token));
        const QByteArray decoded = QByteArray::fromBase64(token.mid(3).toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QCOMPARE(decoded.size(), 32);
    }

    void generatedTokensDiffer()
    {
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i)
            seen.insert(LocalKeyToken::generate());
        QCOMPARE(seen.size(), 2000);
    }

    void rejectsMalformedTokens_data()
    {
        QTest::addColumn<QString>("token");
        const QString good = LocalKeyToken::generate();
        QTest::newRow("empty") << QString();
        QTest::newRow("no prefix") << QStringLiteral("sk-") + good.mid(3);
        QTest::newRow("short") << good.chopped(1);
        QTest::newRow("long") << good + u'A';
        QTest::newRow("bad character") << good.left(10) + u'+' + good.mid(11);
        QTest::newRow("non-ascii") << good.left(10) + u'é' + good.mid(11);
    }

    void rejectsMalformedTokens()
    {
        QFETCH(QString, token);
        QVERIFY(!LocalKeyToken::isWellFormed(token));
    }

    void hashIsSha256OfTheToken()
    {
        // SHA-256("kw-test") computed independently with sha256sum.
        QCOMPARE(LocalKeyToken::hash(u"kw-test").toHex(),
            QByteArray("9501f65a419d23a6022eece1bb0c578e1990410d53d67e3ca71f466439f6dd5b"));
        QVERIFY(LocalKeyToken::hash(u"kw-a") != LocalKeyToken::hash(u"kw-b"));
    }

    void comparesHashes()
    {
        const QByteArray a = LocalKeyToken::hash(u"kw-a");
        QByteArray nearMiss = a;
        nearMiss[31] = static_cast<char>(nearMiss[31] ^ 1);
        QVERIFY(LocalKeyToken::hashesEqual(a, LocalKeyToken::hash(u"kw-a")));
        QVERIFY(!LocalKeyToken::hashesEqual(a, nearMiss));
        QVERIFY(!LocalKeyToken::hashesEqual(a, a.left(31)));
        QVERIFY(!LocalKeyToken::hashesEqual(a, QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestLocalKeyToken)
#include "TestLocalKeyToken.moc"
