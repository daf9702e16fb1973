#include "router/records/RequestRecordJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

// Request records as JSON (GET /api/v1/generation, `keyway log tail --json`, exports):
// OpenRouter's field names, null for what is not known, and the attempts in order.
class TestRequestRecordJson : public QObject
{
    Q_OBJECT

private:
    static AttemptRecord failedAttempt()
    {
        AttemptRecord attempt;
        attempt.requestId = QStringLiteral("gen-1");
        attempt.number = 1;
        attempt.keyId = 7;
        attempt.keyLabel = QStringLiteral("Team OpenAI");
        attempt.providerId = QStringLiteral("openai");
        attempt.tier = Tier::Prioritized;
        attempt.model = QStringLiteral("gpt-4.1");
        // 12:00:00.250 at UTC+2.
        attempt.startedAt = QDateTime(QDate(2025, 3, 4), QTime(14, 0, 0, 250), QTimeZone(2 * 3600));
        attempt.latencyMs = 120;
        attempt.httpStatus = 429;
        attempt.errorClass = QStringLiteral("rate_limited");
        attempt.errorMessage = QStringLiteral("Rate limit reached");
        attempt.rateLimitHeaders
            = { { "x-ratelimit-remaining-requests", "0" }, { "retry-after", "20" } };
        attempt.bytes = 210;
        attempt.droppedFields = { QStringLiteral("logit_bias"), QStringLiteral("seed") };
        attempt.malformedEvents = 2;
        return attempt;
    }

    static AttemptRecord successfulAttempt()
    {
        AttemptRecord attempt;
        attempt.requestId = QStringLiteral("gen-1");
        attempt.number = 2;
        attempt.keyId = 9;
        attempt.keyLabel = QStringLiteral("OpenRouter");
        attempt.providerId = QStringLiteral("openrouter");
        attempt.tier = Tier::SharedCapacity;
        attempt.model = QStringLiteral("openai/gpt-4.1");
        attempt.startedAt = QDateTime(QDate(2025, 3, 4), QTime(12, 0, 1), QTimeZone::utc());
        attempt.latencyMs = 800;
        attempt.httpStatus = 200;
        attempt.usage = { 30, 12, 4, 2 };
        return attempt;
    }

    static RequestRecord record()
    {
        RequestRecord record;
        record.id = QStringLiteral("gen-1");
        record.localKeyId = 3;
        record.memberId = 4;
        record.workspaceId = 5;
        record.endpoint = QStringLiteral("/v1/chat/completions");
        record.requestedModel = QStringLiteral("gpt-4.1");
        record.servedModel = QStringLiteral("openai/gpt-4.1-2025-04-14");
        record.stream = true;
        record.startedAt = QDateTime(QDate(2025, 3, 4), QTime(12, 0, 0), QTimeZone::utc());
        record.latencyMs = 950;
        record.status = 200;
        record.keyLabel = QStringLiteral("OpenRouter");
        record.usage = { 30, 12, 4, 2 };
        record.cost = 0.00042;
        record.attempts = { failedAttempt(), successfulAttempt() };
        return record;
    }

private slots:
    void writesTheRecordInOpenRoutersNames()
    {
        const QJsonObject json = RequestRecordJson::toJson(record());
        QCOMPARE(json.value("id").toString(), QStringLiteral("gen-1"));
        QCOMPARE(json.value("created_at").toString(), QStringLiteral("2025-03-04T12:00:00.000Z"));
        QCOMPARE(json.value("endpoint").toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(json.value("model").toString(), QStringLiteral("openai/gpt-4.1-2025-04-14"));
        QCOMPARE(json.value("requested_model").toString(), QStringLiteral("gpt-4.1"));
        QCOMPARE(json.value("streamed").toBool(), true);
        QCOMPARE(json.value("status").toInt(), 200);
        QVERIFY(json.value("error").isNull());
        QCOMPARE(json.value("latency").toInteger(), 950);
        QCOMPARE(json.value("key_label").toString(), QStringLiteral("OpenRouter"));
        // The provider of the key that answered: the last attempt's.
        QCOMPARE(json.value("provider_name").toString(), QStringLiteral("openrouter"));
        QCOMPARE(json.value("member_id").toInteger(), 4);
        QCOMPARE(json.value("local_key_id").toInteger(), 3);
        QCOMPARE(json.value("workspace_id").toInteger(), 5);
        QCOMPARE(json.value("tokens_prompt").toInteger(), 30);
        QCOMPARE(json.value("tokens_completion").toInteger(), 12);
        QCOMPARE(json.value("native_tokens_cached").toInteger(), 4);
        QCOMPARE(json.value("native_tokens_reasoning").toInteger(), 2);
        QCOMPARE(json.value("total_cost").toDouble(), 0.00042);
        QCOMPARE(json.value("provider_responses").toArray().size(), 2);
        QCOMPARE(json.value("attempts").toArray().size(), 2);
        QCOMPARE(json.value("attempts")[0]["number"].toInt(), 1);
        QCOMPARE(json.value("attempts")[1]["number"].toInt(), 2);
    }

    void unknownsAreNullNotMadeUp()
    {
        RequestRecord failed = record();
        failed.servedModel.clear();
        failed.keyLabel.clear(); // no key answered
        failed.status = 502;
        failed.errorMessage = QStringLiteral("Every key failed");
        failed.cost.reset();
        failed.attempts = { failedAttempt() };
        const QJsonObject json = RequestRecordJson::toJson(failed);
        QVERIFY(json.value("model").isNull());
        QVERIFY(json.value("key_label").isNull());
        QVERIFY(json.value("provider_name").isNull()); // although an attempt was made
        QVERIFY(json.value("total_cost").isNull()); // no price known is not free
        QCOMPARE(json.value("error").toString(), QStringLiteral("Every key failed"));

        RequestRecord free = record();
        free.cost = 0.0;
        QVERIFY(RequestRecordJson::toJson(free).value("total_cost").isDouble());
        QCOMPARE(RequestRecordJson::toJson(free).value("total_cost").toDouble(-1), 0.0);
    }

    void aRecordWithoutAttemptsNamesNoProvider()
    {
        RequestRecord refused = record();
        refused.attempts.clear();
        const QJsonObject json = RequestRecordJson::toJson(refused);
        QVERIFY(json.value("provider_name").isNull());
        QVERIFY(json.value("attempts").isArray());
        QVERIFY(json.value("attempts").toArray().isEmpty());
        QVERIFY(json.value("provider_responses").toArray().isEmpty());
    }

    void writesEachAttempt()
    {
        const QJsonObject json = RequestRecordJson::attemptToJson(failedAttempt());
        QCOMPARE(json.value("number").toInt(), 1);
        QCOMPARE(json.value("key_id").toInteger(), 7);
        QCOMPARE(json.value("key_label").toString(), QStringLiteral("Team OpenAI"));
        QCOMPARE(json.value("provider_name").toString(), QStringLiteral("openai"));
        QCOMPARE(json.value("tier").toString(), QStringLiteral("prioritized"));
        QCOMPARE(json.value("model").toString(), QStringLiteral("gpt-4.1"));
        // In UTC, with milliseconds.
        QCOMPARE(json.value("started_at").toString(), QStringLiteral("2025-03-04T12:00:00.250Z"));
        QCOMPARE(json.value("latency").toInteger(), 120);
        QCOMPARE(json.value("status").toInt(), 429);
        QCOMPARE(json.value("error").toString(), QStringLiteral("rate_limited"));
        QCOMPARE(json.value("message").toString(), QStringLiteral("Rate limit reached"));
        const QJsonObject limits = json.value("rate_limit_headers").toObject();
        QCOMPARE(limits.size(), 2);
        QCOMPARE(limits.value("x-ratelimit-remaining-requests").toString(), QStringLiteral("0"));
        QCOMPARE(limits.value("retry-after").toString(), QStringLiteral("20"));
        QCOMPARE(json.value("bytes").toInteger(), 210);
        QCOMPARE(json.value("dropped_fields").toArray(), (QJsonArray { "logit_bias", "seed" }));
        QCOMPARE(json.value("malformed_events").toInt(), 2);
    }

    void aSuccessfulAttemptHasNoErrorAndItsTokens()
    {
        const QJsonObject json = RequestRecordJson::attemptToJson(successfulAttempt());
        QVERIFY(json.value("error").isNull());
        QVERIFY(json.value("message").isNull());
        QCOMPARE(json.value("tier").toString(), QStringLiteral("shared"));
        QCOMPARE(json.value("tokens_prompt").toInteger(), 30);
        QCOMPARE(json.value("tokens_completion").toInteger(), 12);
        QVERIFY(json.value("rate_limit_headers").toObject().isEmpty());
        QVERIFY(json.value("dropped_fields").toArray().isEmpty());
    }

    void providerResponsesAreOpenRoutersShortForm()
    {
        const QJsonArray responses
            = RequestRecordJson::providerResponses({ failedAttempt(), successfulAttempt() });
        QCOMPARE(responses.size(), 2);
        const QJsonObject first = responses[0].toObject();
        QCOMPARE(first.keys(),
            (QStringList { "error", "key_label", "latency", "provider_name", "status", "tier" }));
        QCOMPARE(first.value("provider_name").toString(), QStringLiteral("openai"));
        QCOMPARE(first.value("key_label").toString(), QStringLiteral("Team OpenAI"));
        QCOMPARE(first.value("tier").toString(), QStringLiteral("prioritized"));
        QCOMPARE(first.value("status").toInt(), 429);
        QCOMPARE(first.value("latency").toInteger(), 120);
        QCOMPARE(first.value("error").toString(), QStringLiteral("rate_limited"));
        const QJsonObject second = responses[1].toObject();
        QCOMPARE(second.value("provider_name").toString(), QStringLiteral("openrouter"));
        QCOMPARE(second.value("tier").toString(), QStringLiteral("shared"));
        QVERIFY(second.value("error").isNull());
    }
};

QTEST_GUILESS_MAIN(TestRequestRecordJson)
#include "TestRequestRecordJson.moc"
