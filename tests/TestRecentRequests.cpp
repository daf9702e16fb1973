#include "router/records/RecentRequests.h"

#include <QTest>

class TestRecentRequests : public QObject
{
    Q_OBJECT

private slots:
    void keepsTheLatestUpToItsCapacity()
    {
        RecentRequests recent(3);
        for (int i = 1; i <= 5; ++i) {
            RequestRecord record;
            record.id = QStringLiteral("gen-%1").arg(i);
            record.status = 200 + i;
            recent.add(record);
        }
        QVERIFY(!recent.find(QStringLiteral("gen-2")));
        QCOMPARE(recent.find(QStringLiteral("gen-3"))->status, 203);
        QCOMPARE(recent.find(QStringLiteral("gen-5"))->status, 205);
        RequestRecord again;
        again.id = QStringLiteral("gen-5");
        again.status = 499;
        recent.add(again); // the same id is replaced, not added twice
        QCOMPARE(recent.find(QStringLiteral("gen-5"))->status, 499);
        QVERIFY(recent.find(QStringLiteral("gen-3")));
    }
};

QTEST_GUILESS_MAIN(TestRecentRequests)
#include "TestRecentRequests.moc"
