// Claude Code (npm @anthropic-ai/claude-code, tests/node) in print mode against a real router,
// the most demanding client of /v1/messages: HEAD /, then a streamed request with a long
// anthropic-beta list, ~64 KB of tools, thinking, context management and metadata.
#include "tests/support/RouterHarness.h"
#include "tests/support/RsaKeyPair.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestClaudeCode : public QObject
{
    Q_OBJECT

private:
    // Runs `claude -p prompt` against the harness's router; its output.
    static QByteArray runClaude(RouterHarness& harness, int* exitCode, const QString& model = {})
    {
        QTemporaryDir home; // its settings and history stay out of the developer's
        QProcess claude;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("ANTHROPIC_BASE_URL"), harness.url({}));
        env.insert(
            QStringLiteral("ANTHROPIC_API_KEY"), QString::fromLatin1(RouterHarness::token()));
        env.insert(QStringLiteral("DISABLE_TELEMETRY"), QStringLiteral("1"));
        env.insert(QStringLiteral("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"), QStringLiteral("1"));
        if (!model.isEmpty()) // rather than Claude Code's default
            env.insert(QStringLiteral("ANTHROPIC_MODEL"), model);
        claude.setProcessEnvironment(env);
        claude.setWorkingDirectory(home.path());
        claude.setProcessChannelMode(QProcess::MergedChannels);
        claude.start(QStringLiteral(KEYWAY_NODE_DIR "/node_modules/.bin/claude"),
            { QStringLiteral("-p"), QStringLiteral("Say hello") });
        claude.closeWriteChannel();
        // The router's listener runs on this thread: wait with the event loop going.
        if (!QTest::qWaitFor([&] { return claude.state() == QProcess::NotRunning; }, 120000))
            claude.kill();
        *exitCode = claude.exitStatus() == QProcess::NormalExit ? claude.exitCode() : -1;
        return claude.readAll();
    }

private slots:
    void answersThroughAnAnthropicKey()
    {
        RouterHarness harness;
        harness.setKeys(
            { { QStringLiteral("Claude"), Tier::Prioritized, {}, QStringLiteral("anthropic") } });
        int exitCode = -1;
        const QByteArray output = runClaude(harness, &exitCode);
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains("Hello from the fake."), output.constData());
        // Its request reached the provider whole: a model no catalog knows yet, streamed, with
        // its version and betas, and the key's secret instead of the local one.
        const QList<FakeProvider::Attempt> attempts = harness.fake().attempts();
        QVERIFY(!attempts.isEmpty());
        const FakeProvider::Attempt& attempt = attempts.constLast();
        QCOMPARE(attempt.path, QByteArray("/v1/messages"));
        QVERIFY2(attempt.model.startsWith(u"claude-"), qPrintable(attempt.model));
        QVERIFY(attempt.stream);
        QCOMPARE(attempt.key, QByteArray("claude"));
        QCOMPARE(headerValue(attempt.headers, "anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(!headerValue(attempt.headers, "anthropic-beta").isEmpty());
        QCOMPARE(harness.lastFinished().status, 200);
    }

    // Through an OpenAI-format service: its Messages request translated, the answer streamed
    // back as Anthropic events.
    void answersThroughAnOpenAiFormatKey()
    {
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Gateway"), Tier::Prioritized, {},
            QStringLiteral("openai-compatible") } });
        int exitCode = -1;
        const QByteArray output = runClaude(harness, &exitCode);
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains("Hello from the fake."), output.constData());
        const FakeProvider::Attempt attempt = harness.fake().attempts().constLast();
        QCOMPARE(attempt.path, QByteArray("/v1/chat/completions"));
        QVERIFY(attempt.stream);
        const RequestRecord record = harness.lastFinished();
        QCOMPARE(record.status, 200);
        // What chat completions cannot say was left out, and the attempt says so.
        QVERIFY2(record.attempts.constLast().droppedFields.contains(u"thinking"_qs),
            qPrintable(record.attempts.constLast().droppedFields.join(u", ")));
    }

    // Through Amazon Bedrock: translated to Converse, signed, streamed back as Anthropic events.
    void answersThroughABedrockKey()
    {
        RouterHarness harness;
        const QString secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        harness.fake().setAwsSecret("AKIDEXAMPLE", secret);
        harness.catalog.add({ .canonicalId = QStringLiteral("anthropic/claude-sonnet-4.5"),
            .aliases = { QStringLiteral("claude-sonnet-4-5") },
            .nativeIds = { { QStringLiteral("bedrock"),
                QStringLiteral("anthropic.claude-sonnet-4-5-20250929-v1:0") } } });
        RouterHarness::Key key(
            QStringLiteral("Bedrock"), Tier::Prioritized, {}, QStringLiteral("bedrock"));
        key.secret = QString::fromUtf8(QJsonDocument(
            QJsonObject { { "access_key_id", "AKIDEXAMPLE" }, { "secret_access_key", secret } })
                                           .toJson(QJsonDocument::Compact));
        key.settings = { { "region", "us-west-2" } };
        harness.setKeys({ key });
        int exitCode = -1;
        const QByteArray output
            = runClaude(harness, &exitCode, QStringLiteral("claude-sonnet-4-5"));
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains("Hello from the fake."), output.constData());
        const FakeProvider::Attempt attempt = harness.fake().attempts().constLast();
        QCOMPARE(attempt.path,
            QByteArray("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse-stream"));
        QCOMPARE(attempt.key, QByteArray("AKIDEXAMPLE"));
        QCOMPARE(harness.lastFinished().status, 200);
    }

    // Through Vertex AI with a service account: the token fetched first, the request sent to
    // streamRawPredict with only the betas Vertex knows (the fake refuses any other, as Vertex
    // does), for Claude Code's default model, which no catalog knows yet.
    void answersThroughAVertexKey()
    {
        RouterHarness harness;
        const RsaKeyPair keys = RsaKeyPair::generate();
        const QString email = QStringLiteral("code@keyway-test.iam.gserviceaccount.com");
        harness.fake().googleAuth().addAccount(email, { .publicPem = keys.publicPem });
        RouterHarness::Key key(
            QStringLiteral("Vertex"), Tier::Prioritized, {}, QStringLiteral("vertex"));
        key.secret = FakeGoogleAuth::serviceAccountJson(
            email, keys.privatePem, harness.fake().tokenUrl(), QStringLiteral("keyway-test"));
        key.settings = { { "region", "us-east5" } };
        harness.setKeys({ key });
        int exitCode = -1;
        const QByteArray output = runClaude(harness, &exitCode);
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains("Hello from the fake."), output.constData());
        const FakeProvider::Attempt attempt = harness.fake().attempts().constLast();
        QVERIFY2(attempt.path.startsWith("/v1/projects/keyway-test/locations/us-east5/publishers/"
                                         "anthropic/models/claude-")
                && attempt.path.endsWith(":streamRawPredict"),
            attempt.path.constData());
        QCOMPARE(attempt.key, email.toUtf8());
        const RequestRecord record = harness.lastFinished();
        QCOMPARE(record.status, 200);
        QVERIFY2(record.attempts.constLast().droppedFields.join(u' ').contains(u"anthropic-beta"),
            qPrintable(record.attempts.constLast().droppedFields.join(u", ")));
    }

    // Through the Gemini API: Claude Code's tools (their schemas cut to what Gemini reads) and
    // turns translated, Gemini's stream turned into Anthropic events.
    void answersThroughAGeminiKey()
    {
        RouterHarness harness;
        harness.setKeys(
            { { QStringLiteral("Gemini"), Tier::Prioritized, {}, QStringLiteral("gemini") } });
        int exitCode = -1;
        const QByteArray output = runClaude(harness, &exitCode, QStringLiteral("gemini-2.5-pro"));
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains("Hello from the fake."), output.constData());
        const FakeProvider::Attempt attempt = harness.fake().attempts().constLast();
        QCOMPARE(attempt.path, QByteArray("/v1beta/models/gemini-2.5-pro:streamGenerateContent"));
        QCOMPARE(harness.lastFinished().status, 200);
    }

    void keepsAnsweringWhenTheFirstKeyIsOverloaded()
    {
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Claude"), Tier::Prioritized, {},
                              QStringLiteral("anthropic") },
            { QStringLiteral("Azure Claude"), Tier::Fallback, {}, QStringLiteral("anthropic") } });
        harness.fake().script("claude", {},
            { FakeProvider::Behaviour::Status, 529, {},
                R"({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})",
                std::chrono::milliseconds(0) });
        int exitCode = -1;
        const QByteArray output = runClaude(harness, &exitCode);
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains("Hello from the fake."), output.constData());
        QCOMPARE(harness.fake().attempts().constLast().key, QByteArray("azure claude"));
        QCOMPARE(harness.lastFinished().attempts.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestClaudeCode)
#include "TestClaudeCode.moc"
