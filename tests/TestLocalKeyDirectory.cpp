#include "router/access/LocalKeyDirectory.h"
#include "router/access/LocalKeyToken.h"

#include <QTest>

class TestLocalKeyDirectory : public QObject
{
    Q_OBJECT

private slots:
    void findsTheKeyEitherSdkPresents()
    {
        const QString token = LocalKeyToken::generate();
        const LocalKeyDirectory directory({ { 7, 2, 3, LocalKeyToken::hash(token) } });
        const QByteArray bytes = token.toLatin1();
        for (const auto& [authorization, xApiKey] : { std::pair { "Bearer " + bytes, QByteArray() },
                 std::pair { "bearer  " + bytes, QByteArray() },
                 std::pair { QByteArray(), bytes } }) {
            const auto found
                = directory.find(LocalKeyDirectory::presentedToken(authorization, xApiKey));
            QVERIFY(found);
            QCOMPARE(found->localKeyId, 7);
            QCOMPARE(found->memberId, 2);
            QCOMPARE(found->workspaceId, 3);
        }
    }

    void refusesEverythingElse()
    {
        const QString token = LocalKeyToken::generate();
        const LocalKeyDirectory directory({ { 7, 2, 3, LocalKeyToken::hash(token) } });
        QVERIFY(!directory.find(QByteArray()));
        QVERIFY(!directory.find("sk-not-ours"));
        QVERIFY(!directory.find(LocalKeyToken::generate().toLatin1())); // well formed, unknown
        QByteArray nearMiss = token.toLatin1();
        nearMiss[5] = nearMiss[5] == 'A' ? 'B' : 'A';
        QVERIFY(!directory.find(nearMiss));
        QVERIFY(
            !LocalKeyDirectory().find(token.toLatin1())); // a revoked key is not in the snapshot
        QCOMPARE(LocalKeyDirectory::presentedToken("Basic abc", "x"), QByteArray("x"));
    }
};

QTEST_GUILESS_MAIN(TestLocalKeyDirectory)
#include "TestLocalKeyDirectory.moc"
