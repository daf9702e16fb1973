#include "router/upstream/CooldownHeaders.h"

#include <QTest>

using namespace std::chrono_literals;
using Headers = CooldownHeaders::Headers;

class TestCooldownHeaders : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 11, 26), QTime(14, 0, 0), Qt::UTC);

    std::optional<std::chrono::milliseconds> cooldown(const Headers& headers) const
    {
        return CooldownHeaders::cooldown(headers, m_now);
    }

private slots:
    void goDurations_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("milliseconds");
        QTest::newRow("seconds") << QByteArray("1s") << qint64(1000);
        QTest::newRow("fractional seconds") << QByteArray("1.5s") << qint64(1500);
        QTest::newRow("minutes and seconds") << QByteArray("6m0s") << qint64(360'000);
        QTest::newRow("milliseconds") << QByteArray("20ms") << qint64(20);
        QTest::newRow("all units") << QByteArray("1h2m3.5s") << qint64(3'723'500);
        QTest::newRow("not a duration") << QByteArray("soon") << qint64(-1);
        QTest::newRow("trailing junk") << QByteArray("5sx") << qint64(-1);
        QTest::newRow("bare number") << QByteArray("5") << qint64(-1);
    }

    void goDurations()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, milliseconds);
        const auto parsed = CooldownHeaders::parseGoDuration(text);
        QCOMPARE(parsed ? parsed->count() : -1, milliseconds);
    }

    void retryAfterForms()
    {
        QCOMPARE(cooldown({ { "retry-after-ms", "1500" } }), std::optional(1500ms));
        QCOMPARE(cooldown({ { "Retry-After", "30" } }), std::optional(30'000ms));
        QCOMPARE(cooldown({ { "Retry-After", "Thu, 26 Nov 2026 14:00:45 GMT" } }),
            std::optional(45'000ms));
        QCOMPARE(cooldown({ { "Retry-After", "Thu, 26 Nov 2026 13:00:00 GMT" } }),
            std::optional(0ms)); // past
        // retry-after-ms is the more precise of the two.
        QCOMPARE(cooldown({ { "Retry-After", "2" }, { "retry-after-ms", "1234" } }),
            std::optional(1234ms));
        QCOMPARE(cooldown({ { "Retry-After", "whenever" } }), std::nullopt);
        QCOMPARE(cooldown({}), std::nullopt);
    }

    void resetHeadersCountOnlyWhenTheLimitIsUsedUp()
    {
        QCOMPARE(cooldown({ { "x-ratelimit-remaining-requests", "0" },
                     { "x-ratelimit-reset-requests", "6m0s" } }),
            std::optional(360'000ms));
        QCOMPARE(cooldown({ { "x-ratelimit-remaining-requests", "12" },
                     { "x-ratelimit-reset-requests", "6m0s" } }),
            std::nullopt);
        // Both limits used up: the longer rest.
        QCOMPARE(
            cooldown({ { "x-ratelimit-remaining-requests", "0" },
                { "x-ratelimit-reset-requests", "1s" }, { "x-ratelimit-remaining-tokens", "0" },
                { "x-ratelimit-reset-tokens", "20s" } }),
            std::optional(20'000ms));
        // Anthropic gives the reset as an RFC 3339 time.
        QCOMPARE(cooldown({ { "anthropic-ratelimit-requests-remaining", "0" },
                     { "anthropic-ratelimit-requests-reset", "2026-11-26T14:00:07Z" } }),
            std::optional(7000ms));
    }
};

QTEST_GUILESS_MAIN(TestCooldownHeaders)
#include "TestCooldownHeaders.moc"
