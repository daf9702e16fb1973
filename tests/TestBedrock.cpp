#include "router/providers/bedrock/BedrockAdapter.h"
#include "tests/support/RouterHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

// Amazon Bedrock keys through the router: Converse and ConverseStream, signed with SigV4 (the
// fake provider checks the signature as AWS would) or a Bedrock API key, for Anthropic and
// OpenAI clients.
class TestBedrock : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;
    RouterHarness& h() { return *m_harness; }
    const QString m_secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    RouterHarness::Key bedrockKey(const QString& label, const QString& secret) const
    {
        RouterHarness::Key key(label, Tier::Prioritized, {}, QStringLiteral("bedrock"));
        key.secret = secret;
        key.settings = { { "region", "us-east-1" } };
        return key;
    }
    QString credentials(const QString& sessionToken = {}) const
    {
        QJsonObject object { { "access_key_id", "AKIDEXAMPLE" },
            { "secret_access_key", m_secret } };
        if (!sessionToken.isEmpty())
            object.insert("session_token", sessionToken);
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    void useKeys(const QList<RouterHarness::Key>& keys)
    {
        ModelCatalog catalog;
        catalog.add({ .canonicalId = QStringLiteral("anthropic/claude-sonnet-4.5"),
            .aliases = { QStringLiteral("claude-sonnet-4-5") },
            .nativeIds = { { QStringLiteral("bedrock"),
                QStringLiteral("anthropic.claude-sonnet-4-5-20250929-v1:0") } } });
        catalog.add({ .canonicalId = QStringLiteral("acme/claude-tools"),
            .aliases = { QStringLiteral("claude-tools") },
            .nativeIds = { { QStringLiteral("bedrock"), QStringLiteral("acme.tools-v1:0") } } });
        h().catalog = catalog;
        h().setKeys(keys);
    }
    static QJsonObject message(bool stream = false)
    {
        return { { "model", "claude-sonnet-4-5" }, { "max_tokens", 256 }, { "stream", stream },
            { "messages",
                QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } } } };
    }
    RouterHarness::Response send(const QJsonObject& body)
    {
        return h().post(QStringLiteral("/v1/messages"), body, RouterHarness::token(),
            { { "anthropic-version", "2023-06-01" } });
    }
    static QJsonValue json(const QByteArray& data)
    {
        return QJsonDocument::fromJson(data).object();
    }

private slots:
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        h().fake().setAwsSecret("AKIDEXAMPLE", m_secret);
        useKeys({ bedrockKey(QStringLiteral("Bedrock"), credentials()) });
    }
    void cleanup() { m_harness.reset(); }

    void callsClaudeThroughItsInferenceProfile()
    {
        QCOMPARE(
            BedrockAdapter::modelIdFor(QStringLiteral("anthropic.claude-sonnet-4-5-20250929-v1:0"),
                QStringLiteral("eu-west-1")),
            QStringLiteral("eu.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        QCOMPARE(BedrockAdapter::modelIdFor(
                     QStringLiteral("amazon.nova-pro-v1:0"), QStringLiteral("us-east-1")),
            QStringLiteral("amazon.nova-pro-v1:0"));
        const auto response = send(message());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["content"][0]["text"].toString(),
            QStringLiteral("Hello from the fake."));
        const FakeProvider::Attempt attempt = h().fake().attempts().constLast();
        // Asked streamed, though the client wants a whole answer: liveness shows at once.
        QCOMPARE(attempt.path,
            QByteArray("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse-stream"));
        QCOMPARE(attempt.key, QByteArray("AKIDEXAMPLE")); // signed, and the signature held
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.usage.prompt, 7);
        QCOMPARE(record.usage.cached, 2);
        QCOMPARE(record.usage.completion, 4);
    }

    void aWrongSignatureIsRefusedAsAwsWould()
    {
        h().fake().setAwsSecret("AKIDEXAMPLE", QStringLiteral("another-secret"));
        const auto response = send(message());
        QVERIFY(response.status != 200);
        QVERIFY2(h().lastFinished().attempts.constFirst().errorMessage.contains(u"signature"),
            qPrintable(h().lastFinished().attempts.constFirst().errorMessage));
        // x-amzn-ErrorType says it is the key, not the model.
        QCOMPARE(
            h().lastFinished().attempts.constFirst().errorClass, QStringLiteral("invalid_key"));
    }

    // Bedrock names its errors in x-amzn-ErrorType; a quota refusal comes as a 400 that is no
    // fault of the request's.
    void readsTheErrorTypes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QString>("errorClass");
        QTest::newRow("quota") << 400 << QByteArray("ServiceQuotaExceededException")
                               << QStringLiteral("rate_limited");
        QTest::newRow("throttled")
            << 429 << QByteArray("ThrottlingException") << QStringLiteral("rate_limited");
        QTest::newRow("expired") << 403 << QByteArray("ExpiredTokenException")
                                 << QStringLiteral("invalid_key");
        QTest::newRow("no model access")
            << 403 << QByteArray("AccessDeniedException") << QStringLiteral("model_unusable");
        QTest::newRow("model error")
            << 424 << QByteArray("ModelErrorException") << QStringLiteral("server_error");
        QTest::newRow("invalid request")
            << 400 << QByteArray("ValidationException") << QStringLiteral("client_error");
    }
    // A "validation" error about the model (not enabled for on-demand use here) fails over.
    void aValidationErrorAboutTheModelIsNotTheClients()
    {
        useKeys({ bedrockKey(QStringLiteral("Bedrock"), credentials()),
            bedrockKey(QStringLiteral("Other"), QStringLiteral("ABSKother-example-key")) });
        h().fake().script("AKIDEXAMPLE", {},
            { .behaviour = Behaviour::Status,
                .status = 400,
                .headers = { { "x-amzn-ErrorType", "ValidationException" } },
                .body = QJsonDocument(QJsonObject { { "message",
                                          "Invocation of model ID anthropic.claude-x with "
                                          "on-demand throughput isn't supported." } })
                            .toJson() });
        const auto response = send(message());
        QCOMPARE(response.status, 200);
        QCOMPARE(
            h().lastFinished().attempts.constFirst().errorClass, QStringLiteral("model_unusable"));
        QCOMPARE(h().lastFinished().attempts.size(), 2);
    }

    void readsTheErrorTypes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        QFETCH(QString, errorClass);
        h().fake().script("AKIDEXAMPLE", {},
            { .behaviour = Behaviour::Status,
                .status = status,
                .headers = { { "x-amzn-ErrorType",
                    type + ":http://internal.amazon.com/coral/com.amazon.coral.service/" } },
                .body = R"({"message": "Something the test made up."})" });
        send(message());
        QCOMPARE(h().lastFinished().attempts.constFirst().errorClass, errorClass);
    }

    void signsWithASessionTokenAndTakesApiKeys()
    {
        useKeys({ bedrockKey(
            QStringLiteral("Temporary"), credentials(QStringLiteral("FQoGZXIvYXdzEXAMPLE"))) });
        QCOMPARE(send(message()).status, 200);
        QCOMPARE(headerValue(h().fake().attempts().constLast().headers, "X-Amz-Security-Token"),
            QByteArray("FQoGZXIvYXdzEXAMPLE"));
        useKeys({ bedrockKey(
            QStringLiteral("Api key"), QStringLiteral("ABSKQmVkcm9ja0FQSUtleS1example")) });
        QCOMPARE(send(message()).status, 200);
        QCOMPARE(
            h().fake().attempts().constLast().key, QByteArray("ABSKQmVkcm9ja0FQSUtleS1example"));
    }

    void streamsWithTheUsageThatComesLast()
    {
        const auto response = send(message(true));
        QCOMPARE(response.status, 200);
        QString text;
        for (const QByteArray& event : response.events())
            text += json(event)["delta"]["text"].toString();
        QCOMPARE(text, QStringLiteral("Hello from the fake."));
        QCOMPARE(
            json(response.events().constLast())["type"].toString(), QStringLiteral("message_stop"));
        QVERIFY(h().fake().attempts().constLast().path.endsWith("/converse-stream"));
        QCOMPARE(h().lastFinished().usage.completion, 4);
        QCOMPARE(h().lastFinished().usage.prompt, 7);
    }

    void anExceptionOrABadFrameEndsTheStreamWithAnError_data()
    {
        QTest::addColumn<Behaviour>("behaviour");
        QTest::newRow("throttlingException") << Behaviour::ErrorEventMidStream;
        QTest::newRow("corrupt frame") << Behaviour::MalformedEvent;
    }
    void anExceptionOrABadFrameEndsTheStreamWithAnError()
    {
        QFETCH(Behaviour, behaviour);
        h().fake().script("AKIDEXAMPLE", {}, { behaviour, 200, {}, {}, 0ms });
        const auto response = send(message(true));
        QCOMPARE(response.status, 200);
        const QJsonValue last = json(response.events().constLast());
        QCOMPARE(last["type"].toString(), QStringLiteral("error"));
        QVERIFY(!response.body.contains("message_stop"));
    }

    // The official openai client through a Bedrock key: text, tool calls and usage intact.
    void openAiClientsReachIt()
    {
        h().fake().script("AKIDEXAMPLE", QStringLiteral("acme.tools-v1:0"),
            { Behaviour::ToolCall, 200, {}, {}, 0ms });
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWAY_BASE_URL"), h().url(QStringLiteral("/v1")));
        env.insert(QStringLiteral("KEYWAY_TOKEN"), QString::fromLatin1(RouterHarness::token()));
        node.setProcessEnvironment(env);
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(QStringLiteral("node"),
            { QStringLiteral(KEYWAY_NODE_DIR "/openai-client-translated.mjs") });
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 60000);
        const QByteArray output = node.readAll();
        QVERIFY2(
            node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0, output.constData());
        QCOMPARE(output.count("\"ok\":true"), 7);
    }
};

QTEST_GUILESS_MAIN(TestBedrock)
#include "TestBedrock.moc"
