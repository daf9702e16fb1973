// The official `@anthropic-ai/sdk` npm client (tests/node) against a real router and an
// Anthropic-format upstream: what Claude-speaking tools see.
#include "tests/support/RouterHarness.h"

#include <QProcess>
#include <QTest>

class TestAnthropicClient : public QObject
{
    Q_OBJECT

private:
    // Runs a script of tests/node against the harness's router; its output, once it passed.
    static QByteArray runScript(RouterHarness& harness, const QString& script, bool* passed)
    {
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWAY_BASE_URL"), harness.url({}));
        env.insert(QStringLiteral("KEYWAY_TOKEN"), QString::fromLatin1(RouterHarness::token()));
        node.setProcessEnvironment(env);
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(QStringLiteral("node"), { QStringLiteral(KEYWAY_NODE_DIR "/") + script });
        // The router's listener runs on this thread: wait with the event loop going.
        if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 60000))
            node.kill();
        *passed = node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0;
        return node.readAll();
    }

private slots:
    void theOfficialClientWorksThroughKeyway()
    {
        RouterHarness harness;
        harness.setKeys(
            { { QStringLiteral("Claude"), Tier::Prioritized, {}, QStringLiteral("anthropic") } });
        harness.fake().script("claude", QStringLiteral("claude-broken"),
            { FakeProvider::Behaviour::ErrorEventMidStream, 200, {}, {},
                std::chrono::milliseconds(0) });
        bool passed = false;
        const QByteArray output
            = runScript(harness, QStringLiteral("anthropic-client.mjs"), &passed);
        QVERIFY2(passed, output.constData());
        QCOMPARE(output.count("\"ok\":true"), 9);
    }

    // Anthropic's SDK, an OpenAI-format key: text, tool calls and usage arrive intact.
    void itsRequestsReachOpenAiFormatKeys()
    {
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Work") } });
        harness.fake().script("work", QStringLiteral("gpt-tools"),
            { FakeProvider::Behaviour::ToolCall, 200, {}, {}, std::chrono::milliseconds(0) });
        bool passed = false;
        const QByteArray output
            = runScript(harness, QStringLiteral("anthropic-client-translated.mjs"), &passed);
        QVERIFY2(passed, output.constData());
        QCOMPARE(output.count("\"ok\":true"), 8);
        // Sent as OpenAI chat completions, to the key that speaks them.
        for (const FakeProvider::Attempt& attempt : harness.fake().attempts())
            QCOMPARE(attempt.path, QByteArray("/v1/chat/completions"));
    }
};

QTEST_GUILESS_MAIN(TestAnthropicClient)
#include "TestAnthropicClient.moc"
