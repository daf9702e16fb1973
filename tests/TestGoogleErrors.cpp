#include "router/providers/google/GoogleErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace std::chrono_literals;

// Google's google.rpc.Status errors, as the Gemini API and Vertex AI send them, read into the
// router's outcome classes and cool-downs.
class TestGoogleErrors : public QObject
{
    Q_OBJECT

private:
    static QByteArray error(int code, const char* status, const QJsonArray& details = {})
    {
        const QJsonObject error { { "code", code }, { "message", "Made up by the test." },
            { "status", status }, { "details", details } };
        return QJsonDocument(QJsonObject { { "error", error } }).toJson(QJsonDocument::Compact);
    }
    static QJsonObject errorInfo(const char* reason)
    {
        return { { "@type", "type.googleapis.com/google.rpc.ErrorInfo" }, { "reason", reason },
            { "domain", "googleapis.com" } };
    }

private slots:
    void classifies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<UpstreamOutcome>("outcome");
        using O = UpstreamOutcome;
        QTest::newRow("invalid API key (a 400)")
            << 400 << error(400, "INVALID_ARGUMENT", { errorInfo("API_KEY_INVALID") })
            << O::InvalidKey;
        QTest::newRow("bad request") << 400 << error(400, "INVALID_ARGUMENT") << O::ClientError;
        QTest::newRow("key blocked for this API")
            << 403 << error(403, "PERMISSION_DENIED", { errorInfo("API_KEY_SERVICE_BLOCKED") })
            << O::InvalidKey;
        QTest::newRow("key reported as leaked")
            << 403
            << QByteArray(
                   R"({"error": {"code": 403, "message": "Your API key was reported as )"
                   R"(leaked. Please use another API key.", "status": "PERMISSION_DENIED"}})")
            << O::InvalidKey;
        QTest::newRow("empty array") << 500 << QByteArray("[]") << O::ServerFailure;
        QTest::newRow("unauthenticated") << 401 << error(401, "UNAUTHENTICATED") << O::InvalidKey;
        QTest::newRow("billing disabled")
            << 403 << error(403, "PERMISSION_DENIED", { errorInfo("BILLING_DISABLED") })
            << O::OutOfCredit;
        QTest::newRow("API not enabled")
            << 403 << error(403, "PERMISSION_DENIED", { errorInfo("SERVICE_DISABLED") })
            << O::ModelUnusable;
        QTest::newRow("location not supported")
            << 400 << error(400, "FAILED_PRECONDITION") << O::ModelUnusable;
        QTest::newRow("quota") << 429 << error(429, "RESOURCE_EXHAUSTED") << O::RateLimited;
        QTest::newRow("unknown model") << 404 << error(404, "NOT_FOUND") << O::ModelUnusable;
        QTest::newRow("overloaded") << 503 << error(503, "UNAVAILABLE") << O::ServerFailure;
        QTest::newRow("streamed as an array")
            << 429 << "[" + error(429, "RESOURCE_EXHAUSTED") + "]" << O::RateLimited;
        QTest::newRow("Claude on Vertex, Anthropic's shape")
            << 529 << QByteArray(R"({"type": "error", "error": {"type": "overloaded_error"}})")
            << O::RateLimited;
    }
    void classifies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(UpstreamOutcome, outcome);
        QCOMPARE(GoogleErrors::classify(status, body), outcome);
    }

    void coolsDownAsTheAnswerSays()
    {
        const QDateTime now(QDate(2026, 11, 27), QTime(10, 0), QTimeZone::utc());
        const QJsonObject retry { { "@type", "type.googleapis.com/google.rpc.RetryInfo" },
            { "retryDelay", "1.5s" } };
        QCOMPARE(GoogleErrors::cooldown({}, error(429, "RESOURCE_EXHAUSTED", { retry }), now),
            std::optional(1500ms));
        // Without RetryInfo, the headers.
        QCOMPARE(GoogleErrors::cooldown(
                     { { "Retry-After", "7" } }, error(429, "RESOURCE_EXHAUSTED"), now),
            std::optional(7000ms));
        QCOMPARE(GoogleErrors::cooldown({}, error(429, "RESOURCE_EXHAUSTED"), now), std::nullopt);
        // A daily quota: until midnight in California (08:00 UTC in winter), not RetryInfo's.
        const QJsonObject daily { { "@type", "type.googleapis.com/google.rpc.QuotaFailure" },
            { "violations",
                QJsonArray { QJsonObject {
                    { "quotaId", "GenerateRequestsPerDayPerProjectPerModel-FreeTier" } } } } };
        QCOMPARE(
            GoogleErrors::cooldown({}, error(429, "RESOURCE_EXHAUSTED", { daily, retry }), now),
            std::optional(std::chrono::milliseconds(22h)));
        QCOMPARE(GoogleErrors::nextQuotaReset(now),
            QDateTime(QDate(2026, 11, 28), QTime(8, 0), QTimeZone::utc()));
        // In summer Pacific time is 7 hours behind.
        QCOMPARE(GoogleErrors::nextQuotaReset(
                     QDateTime(QDate(2026, 7, 1), QTime(6, 59), QTimeZone::utc())),
            QDateTime(QDate(2026, 7, 1), QTime(7, 0), QTimeZone::utc()));
    }
};

QTEST_GUILESS_MAIN(TestGoogleErrors)
#include "TestGoogleErrors.moc"
