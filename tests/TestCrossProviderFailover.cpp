#include "tests/support/RouterHarness.h"
#include "tests/support/RsaKeyPair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Behaviour = FakeProvider::Behaviour;

// One canonical model with keys at three providers, each speaking its own format: Anthropic
// directly (overloaded), Amazon Bedrock (throttled) and Google Vertex AI, which answers. Each
// attempt asks for the model by that provider's own id, and the client — Anthropic's or
// OpenAI's, whole or streamed — sees only the answer.
class TestCrossProviderFailover : public QObject
{
    Q_OBJECT

private:
    RsaKeyPair m_keys;
    const QString m_email = QStringLiteral("failover@keyway-test.iam.gserviceaccount.com");
    const QString m_awsSecret = QStringLiteral("test/aws/secret/for/the/failover/case");

    void setUp(RouterHarness& h) const
    {
        h.catalog.add({ .canonicalId = QStringLiteral("anthropic/claude-sonnet-4.5"),
            .aliases = { QStringLiteral("claude-sonnet-4-5") },
            .nativeIds
            = { { QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5-20250929") },
                { QStringLiteral("bedrock"),
                    QStringLiteral("anthropic.claude-sonnet-4-5-20250929-v1:0") },
                { QStringLiteral("vertex"), QStringLiteral("claude-sonnet-4-5@20250929") } } });
        RouterHarness::Key anthropic(
            QStringLiteral("Anthropic"), Tier::Prioritized, {}, QStringLiteral("anthropic"));
        RouterHarness::Key bedrock(
            QStringLiteral("Bedrock"), Tier::Prioritized, {}, QStringLiteral("bedrock"));
        bedrock.secret = QString::fromUtf8(QJsonDocument(
            QJsonObject { { "access_key_id", "AKIDFAILOVER" },
                { "secret_access_key",
                    m_awsSecret } }).toJson(QJsonDocument::Compact));
        bedrock.settings = { { "region", "eu-west-1" } };
        RouterHarness::Key vertex(
            QStringLiteral("Vertex"), Tier::Fallback, {}, QStringLiteral("vertex"));
        vertex.secret = FakeGoogleAuth::serviceAccountJson(
            m_email, m_keys.privatePem, h.fake().tokenUrl(), QStringLiteral("keyway-test"));
        vertex.settings = { { "region", "global" } };
        h.setKeys({ anthropic, bedrock, vertex });

        h.fake().setAwsSecret("AKIDFAILOVER", m_awsSecret);
        h.fake().googleAuth().addAccount(m_email, { .publicPem = m_keys.publicPem });
        h.fake().script("anthropic", {},
            { .behaviour = Behaviour::Status,
                .status = 529,
                .body = R"({"type": "error", "error": {"type": "overloaded_error", )"
                        R"("message": "Overloaded"}})" });
        h.fake().script("AKIDFAILOVER", {},
            { .behaviour = Behaviour::Status,
                .status = 429,
                .headers = { { "x-amzn-ErrorType", "ThrottlingException" } },
                .body = R"({"message": "Too many requests, please wait before trying again."})" });
    }

private slots:
    void initTestCase() { m_keys = RsaKeyPair::generate(); }

    void failsOverFromAnthropicToBedrockToVertex_data()
    {
        QTest::addColumn<bool>("anthropicClient");
        QTest::addColumn<bool>("stream");
        QTest::newRow("anthropic client") << true << false;
        QTest::newRow("anthropic client, streamed") << true << true;
        QTest::newRow("openai client") << false << false;
        QTest::newRow("openai client, streamed") << false << true;
    }
    void failsOverFromAnthropicToBedrockToVertex()
    {
        QFETCH(bool, anthropicClient);
        QFETCH(bool, stream);
        RouterHarness h;
        setUp(h);
        const QJsonArray messages { QJsonObject { { "role", "user" }, { "content", "Hi" } } };
        const auto response = anthropicClient
            ? h.post(QStringLiteral("/v1/messages"),
                { { "model", "anthropic/claude-sonnet-4.5" }, { "max_tokens", 100 },
                    { "stream", stream }, { "messages", messages } },
                RouterHarness::token(), { { "anthropic-version", "2023-06-01" } })
            : h.post(QStringLiteral("/v1/chat/completions"),
                RouterHarness::chat(QStringLiteral("anthropic/claude-sonnet-4.5"), stream));
        QVERIFY2(response.status == 200, response.body.constData());

        QString text;
        if (!stream) {
            text = anthropicClient ? response.json()["content"][0]["text"].toString()
                                   : response.json()["choices"][0]["message"]["content"].toString();
        }
        for (const QByteArray& event : stream ? response.events() : QList<QByteArray>()) {
            const QJsonObject data = QJsonDocument::fromJson(event).object();
            text += anthropicClient ? data["delta"]["text"].toString()
                                    : data["choices"][0]["delta"]["content"].toString();
        }
        QCOMPARE(text, QStringLiteral("Hello from the fake."));

        // Each provider was asked in its own format, for the model by its own id.
        const QList<FakeProvider::Attempt> seen = h.fake().attempts();
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen[0].path, QByteArray("/v1/messages"));
        QCOMPARE(seen[0].model, QStringLiteral("claude-sonnet-4-5-20250929"));
        QCOMPARE(seen[1].path,
            QByteArray("/model/eu.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse-stream"));
        QCOMPARE(seen[2].path,
            QByteArray("/v1/projects/keyway-test/locations/global/publishers/anthropic/models/"
                       "claude-sonnet-4-5@20250929:streamRawPredict"));

        const RequestRecord record = h.lastFinished();
        QCOMPARE(record.attempts.size(), 3);
        const QStringList providers { record.attempts[0].providerId, record.attempts[1].providerId,
            record.attempts[2].providerId };
        QCOMPARE(providers,
            QStringList({ QStringLiteral("anthropic"), QStringLiteral("bedrock"),
                QStringLiteral("vertex") }));
        QCOMPARE(record.attempts[0].errorClass, QStringLiteral("rate_limited"));
        QCOMPARE(record.attempts[1].errorClass, QStringLiteral("rate_limited"));
        QCOMPARE(record.attempts[2].httpStatus, 200);
        QCOMPARE(record.keyLabel, QStringLiteral("Vertex"));
        QVERIFY(record.usage.completion > 0);
    }
};

QTEST_GUILESS_MAIN(TestCrossProviderFailover)
#include "TestCrossProviderFailover.moc"
