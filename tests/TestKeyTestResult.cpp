#include "app/keys/KeyTestResult.h"

#include <QTest>

// What a live key check found, in one sentence for people.
class TestKeyTestResult : public QObject
{
    Q_OBJECT

private slots:
    void saysTheVerdictWithStatusAndLatency()
    {
        const KeyTestResult result { KeyProbe::Verdict::Works, 200, 312, {} };
        QVERIFY(result.works());
        QCOMPARE(result.summary(),
            QStringLiteral("Works: the provider accepted the key. (HTTP 200, 312 ms)"));
    }

    void addsTheProvidersOwnWords()
    {
        const KeyTestResult result { KeyProbe::Verdict::Invalid, 401, 95,
            QStringLiteral("Incorrect API key provided.") };
        QVERIFY(!result.works());
        QCOMPARE(result.summary(),
            QStringLiteral("Invalid: the provider does not accept this key. (HTTP 401, 95 ms) "
                           "Incorrect API key provided."));
    }

    void withoutAnAnswerThereIsNoStatus()
    {
        const KeyTestResult result { KeyProbe::Verdict::Unreachable, 0, 10000,
            QStringLiteral("Host not found") };
        QCOMPARE(result.summary(),
            QStringLiteral("Unreachable: no answer from the provider. Host not found"));
    }

    void everyVerdictHasItsOwnSentence()
    {
        QSet<QString> sentences;
        for (auto verdict :
            { KeyProbe::Verdict::Works, KeyProbe::Verdict::Invalid, KeyProbe::Verdict::NoAccess,
                KeyProbe::Verdict::RateLimited, KeyProbe::Verdict::OutOfCredit,
                KeyProbe::Verdict::Unreachable, KeyProbe::Verdict::Failed }) {
            KeyTestResult result;
            result.verdict = verdict;
            const QString sentence = result.summary();
            QVERIFY(sentence.endsWith('.'));
            QVERIFY(!sentence.contains("HTTP"));
            sentences.insert(sentence);
            QCOMPARE(result.works(), verdict == KeyProbe::Verdict::Works);
        }
        QCOMPARE(sentences.size(), 7);
    }

    void aDefaultResultIsNotAWorkingKey()
    {
        const KeyTestResult result;
        QVERIFY(!result.works());
        QCOMPARE(result.summary(),
            QStringLiteral("Not checked: the answer said nothing about the key."));
    }
};

QTEST_GUILESS_MAIN(TestKeyTestResult)
#include "TestKeyTestResult.moc"
