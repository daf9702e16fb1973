#include "router/upstream/OutcomeClassifier.h"

#include <QTest>

class TestOutcomeClassifier : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<UpstreamOutcome>("expected");
        QTest::newRow("200") << 200 << QByteArray() << UpstreamOutcome::Success;
        QTest::newRow("429") << 429 << QByteArray(R"({"error":{"code":"rate_limit_exceeded"}})")
                             << UpstreamOutcome::RateLimited;
        QTest::newRow("429 out of quota")
            << 429
            << QByteArray(R"({"error":{"code":"insufficient_quota","type":"insufficient_quota"}})")
            << UpstreamOutcome::OutOfCredit;
        QTest::newRow("529 overloaded")
            << 529 << QByteArray(R"({"type":"error","error":{"type":"overloaded_error"}})")
            << UpstreamOutcome::RateLimited;
        QTest::newRow("401") << 401 << QByteArray() << UpstreamOutcome::InvalidKey;
        QTest::newRow("invalid_api_key")
            << 400 << QByteArray(R"({"error":{"code":"invalid_api_key"}})")
            << UpstreamOutcome::InvalidKey;
        QTest::newRow("anthropic auth")
            << 401 << QByteArray(R"({"type":"error","error":{"type":"authentication_error"}})")
            << UpstreamOutcome::InvalidKey;
        QTest::newRow("402") << 402 << QByteArray() << UpstreamOutcome::OutOfCredit;
        QTest::newRow("spend limit")
            << 400
            << QByteArray(R"({"type":"error","error":{"type":"enforced_spend_limit_reached"}})")
            << UpstreamOutcome::OutOfCredit;
        QTest::newRow("403") << 403 << QByteArray() << UpstreamOutcome::ModelUnusable;
        QTest::newRow("404") << 404 << QByteArray(R"({"error":{"code":"model_not_found"}})")
                             << UpstreamOutcome::ModelUnusable;
        QTest::newRow("500") << 500 << QByteArray() << UpstreamOutcome::ServerFailure;
        QTest::newRow("503") << 503 << QByteArray("<html>") << UpstreamOutcome::ServerFailure;
        QTest::newRow("400 context")
            << 400 << QByteArray(R"({"error":{"code":"context_length_exceeded"}})")
            << UpstreamOutcome::ClientError;
        QTest::newRow("400 content filter")
            << 400 << QByteArray(R"({"error":{"code":"content_filter"}})")
            << UpstreamOutcome::ClientError;
        QTest::newRow("422") << 422 << QByteArray() << UpstreamOutcome::ClientError;
        QTest::newRow("413") << 413 << QByteArray() << UpstreamOutcome::ClientError;
    }

    void classifies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(UpstreamOutcome, expected);
        QCOMPARE(OutcomeClassifier::classify(status, body), expected);
    }
};

QTEST_GUILESS_MAIN(TestOutcomeClassifier)
#include "TestOutcomeClassifier.moc"
