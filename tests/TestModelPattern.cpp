#include "router/catalog/ModelPattern.h"

#include <QTest>

class TestModelPattern : public QObject
{
    Q_OBJECT

private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("expected");
        QTest::newRow("exact") << "openai/gpt-4.1"
                               << "openai/gpt-4.1" << true;
        QTest::newRow("exact is whole") << "gpt-4"
                                        << "gpt-4.1" << false;
        QTest::newRow("star crosses slash") << "anthropic/*"
                                            << "anthropic/claude-sonnet-4.5" << true;
        QTest::newRow("star alone") << "*"
                                    << "openai/gpt-4.1" << true;
        QTest::newRow("prefix glob") << "llama-*"
                                     << "llama-3.3-70b-versatile" << true;
        QTest::newRow("prefix glob other") << "llama-*"
                                           << "mixtral-8x7b" << false;
        QTest::newRow("inner glob") << "anthropic/claude-*-4.5"
                                    << "anthropic/claude-sonnet-4.5" << true;
        QTest::newRow("double star") << "a**b"
                                     << "aXYZb" << true;
        QTest::newRow("many stars") << "*****x" << QString(5000, u'a') + "y" << false;
        QTest::newRow("question mark") << "gpt-4?"
                                       << "gpt-4o" << true;
        QTest::newRow("question mark one only") << "gpt-4?"
                                                << "gpt-4.1" << false;
        QTest::newRow("case ignored") << "GPT-4.1"
                                      << "gpt-4.1" << true;
        QTest::newRow("dot is literal") << "gpt-4.1"
                                        << "gpt-401" << false;
        QTest::newRow("plus is literal") << "a+b"
                                         << "aab" << false;
        QTest::newRow("bedrock id") << "anthropic.claude-*:0"
                                    << "anthropic.claude-3-haiku-20240307-v1:0" << true;
        QTest::newRow("vertex id") << "claude-*@*"
                                   << "claude-sonnet-4-5@20250929" << true;
    }

    void matches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, model);
        QFETCH(bool, expected);
        const auto parsed = ModelPattern::parse(pattern);
        QVERIFY(parsed);
        QCOMPARE(parsed->matches(model), expected);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("mentioned");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("blank") << "   "
                               << "empty";
        QTest::newRow("bracket") << "llama-["
                                 << "\"[\"";
        QTest::newRow("class") << "gpt-[45]"
                               << "\"[\"";
        QTest::newRow("space inside") << "gpt 4"
                                      << "\" \"";
        QTest::newRow("regex") << "gpt-(4|5)"
                               << "\"(\"";
        QTest::newRow("too long") << QString(201, u'a') << "200";
    }

    void rejectsMalformed()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, mentioned);
        const auto parsed = ModelPattern::parse(pattern);
        QVERIFY(!parsed);
        const QString error = parsed.failure().message;
        QVERIFY2(error.contains(mentioned), qPrintable(error));
    }

    void trimsAndReportsGlob()
    {
        const auto exact = ModelPattern::parse(QStringLiteral("  openai/gpt-4.1 "));
        QVERIFY(exact);
        QCOMPARE(exact->text(), QStringLiteral("openai/gpt-4.1"));
        QVERIFY(!exact->isGlob());
        QVERIFY(ModelPattern::parse(QStringLiteral("gpt-*"))->isGlob());
    }
};

QTEST_GUILESS_MAIN(TestModelPattern)
#include "TestModelPattern.moc"
