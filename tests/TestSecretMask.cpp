#include "app/domain/SecretMask.h"

#include <QTest>

class TestSecretMask : public QObject
{
    Q_OBJECT

private slots:
    void masks_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("masked");
        QTest::newRow("openai") << "sk-abcdefghijklmnopqrstuvwxyzAbCd"
                                << "sk-…AbCd";
        QTest::newRow("openai project") << "sk-proj-FAKE-test-key-000AbCd"
                                        << "sk-proj-…AbCd";
        QTest::newRow("anthropic") << "sk-ant-api03-FAKE-test-key-00-WxYz"
                                   << "sk-ant-api03-…WxYz";
        QTest::newRow("openrouter") << "sk-or-v1-FAKE-test-key-00cdef"
                                    << "sk-or-v1-…cdef";
        QTest::newRow("local key") << "kw-3_23o2RYoBvWJnMt7UOCbAllj3CeN0otrYrs58g2GtQ"
                                   << "kw-…2GtQ";
        QTest::newRow("gemini") << "AIzaSyA-abcdefghijklmnopqrstuvwxyz012"
                                << "AIza…z012";
        QTest::newRow("aws access key id") << "AKIAFAKEKEYFORTEST"
                                           << "AKIA…ST";
        QTest::newRow("groq") << "gsk_0123456789abcdefghijWXYZ"
                              << "gsk_…WXYZ";
        QTest::newRow("random dash is not a prefix") << "sk-abcd-efghijklmnopqrstuvwxyz12"
                                                     << "sk-…yz12";
        QTest::newRow("unknown third part") << "sk-proj-ab12c-FAKE-test-yz12"
                                            << "sk-proj-…yz12";
        QTest::newRow("no prefix") << "0123456789abcdefghijWXYZ"
                                   << "…WXYZ";
        QTest::newRow("short shows two") << "abcdefghij"
                                         << "…ij";
        QTest::newRow("tiny shows nothing") << "abc"
                                            << "…";
        QTest::newRow("only a prefix") << "sk-"
                                       << "…";
    }

    void masks()
    {
        QFETCH(QString, secret);
        QFETCH(QString, masked);
        QCOMPARE(SecretMask::mask(secret), masked);
    }

    void neverShowsMoreThanFourHiddenCharacters()
    {
        const QString secret
            = QStringLiteral("sk-proj-") + QString(60, u'x') + QStringLiteral("12345");
        const QString masked = SecretMask::mask(secret);
        QCOMPARE(masked.section(u'…', 1).size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestSecretMask)
#include "TestSecretMask.moc"
