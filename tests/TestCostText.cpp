#include "ui/CostText.h"

#include <QLocale>
#include <QTest>

// An estimated cost as people read it: US dollars in the locale's number format, four decimals
// below a dollar, two above, and a dash when no price was known (which is not free).
class TestCostText : public QObject
{
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void noPriceIsADashNotZero()
    {
        QCOMPARE(CostText::format(std::nullopt), QStringLiteral("—"));
        QVERIFY(CostText::format(0.0) != CostText::format(std::nullopt));
    }

    void amounts_data()
    {
        QTest::addColumn<double>("dollars");
        QTest::addColumn<QString>("text");
        QTest::newRow("free") << 0.0 << "$0.0000";
        QTest::newRow("a fraction of a cent") << 0.00042 << "$0.0004";
        QTest::newRow("the smallest shown") << 0.0001 << "$0.0001";
        QTest::newRow("cents") << 0.0123 << "$0.0123";
        QTest::newRow("just under a dollar") << 0.99994 << "$0.9999";
        QTest::newRow("a dollar") << 1.0 << "$1.00";
        QTest::newRow("dollars") << 12.345 << "$12.35";
        QTest::newRow("thousands grouped") << 1234.5 << "$1,234.50";
    }
    void amounts()
    {
        QFETCH(double, dollars);
        QFETCH(QString, text);
        QCOMPARE(CostText::format(dollars), text);
    }

    void lessThanShownSaysSo()
    {
        QCOMPARE(CostText::format(0.00004), QStringLiteral("< $0.0001"));
        QCOMPARE(CostText::format(1e-12), QStringLiteral("< $0.0001"));
    }

    void followsTheLocalesNumberFormat()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString small = CostText::format(0.0123);
        QVERIFY2(small.contains("0,0123"), qPrintable(small));
        QVERIFY2(small.contains('$'), qPrintable(small));
        const QString large = CostText::format(1234.5);
        QVERIFY2(large.contains("1.234,50"), qPrintable(large));
    }
};

QTEST_GUILESS_MAIN(TestCostText)
#include "TestCostText.moc"
