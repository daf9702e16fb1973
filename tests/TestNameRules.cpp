#include "app/domain/NameRules.h"

#include <QTest>

class TestNameRules : public QObject
{
    Q_OBJECT

private slots:
    void labels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "Work OpenAI" << true;
        QTest::newRow("unicode") << "Bürokonto – Groq" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("blank") << "   " << false;
        QTest::newRow("padded") << " Work" << false;
        QTest::newRow("newline") << "Work\nOpenAI" << false;
        QTest::newRow("tab") << "Work\tOpenAI" << false;
        QTest::newRow("bidi override") << QStringLiteral("Work\u202eIAnepO") << false;
        QTest::newRow("longest") << QString(100, u'a') << true;
        QTest::newRow("too long") << QString(101, u'a') << false;
    }

    void labels()
    {
        QFETCH(QString, label);
        QFETCH(bool, valid);
        QCOMPARE(!NameRules::checkKeyLabel(label).has_value(), valid);
    }

    void memberNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("me") << "me" << true;
        QTest::newRow("bot") << "ci-bot" << true;
        QTest::newRow("email") << "alice@example.com" << true;
        QTest::newRow("space") << "ci bot" << false;
        QTest::newRow("comma") << "a,b" << false;
        QTest::newRow("leading dash") << "-x" << false;
        QTest::newRow("empty") << "" << false;
    }

    void memberNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(!NameRules::checkMemberName(name).has_value(), valid);
    }

    void workspaceNames()
    {
        QVERIFY(!NameRules::checkWorkspaceName(QStringLiteral("Acme prod")));
        QVERIFY(NameRules::checkWorkspaceName(QStringLiteral("*")));
        QVERIFY(NameRules::checkWorkspaceName(QString()));
        QVERIFY(NameRules::checkWorkspaceName(QString(65, u'w')));
    }
};

QTEST_GUILESS_MAIN(TestNameRules)
#include "TestNameRules.moc"
