// The official `openai` npm client (tests/node) against a real router: what a user's tool sees.
#include "tests/support/RouterHarness.h"

#include <QProcess>
#include <QTest>

class TestOpenAiClient : public QObject
{
    Q_OBJECT

private slots:
    void theOfficialClientWorksThroughKeyway()
    {
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("A") } });
        harness.fake().script("a", QStringLiteral("gpt-broken"),
            { FakeProvider::Behaviour::CutMidStream, 200, {}, {}, std::chrono::milliseconds(0) });

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWAY_BASE_URL"), harness.url(QStringLiteral("/v1")));
        env.insert(QStringLiteral("KEYWAY_TOKEN"), QString::fromLatin1(RouterHarness::token()));
        node.setProcessEnvironment(env);
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(
            QStringLiteral("node"), { QStringLiteral(KEYWAY_NODE_DIR "/openai-client.mjs") });
        // The router's listener runs on this thread: wait with the event loop going.
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 60000);
        const QByteArray output = node.readAll();
        QVERIFY2(
            node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0, output.constData());
        QCOMPARE(output.count("\"ok\":true"), 8);
    }

    // OpenAI's SDK, an Anthropic-format key: text, tool calls and usage arrive intact.
    void itsRequestsReachAnthropicFormatKeys()
    {
        RouterHarness harness;
        harness.setKeys(
            { { QStringLiteral("Claude"), Tier::Prioritized, {}, QStringLiteral("anthropic") } });
        harness.fake().script("claude", QStringLiteral("claude-tools"),
            { FakeProvider::Behaviour::ToolCall, 200, {}, {}, std::chrono::milliseconds(0) });
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWAY_BASE_URL"), harness.url(QStringLiteral("/v1")));
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
        for (const FakeProvider::Attempt& attempt : harness.fake().attempts())
            QCOMPARE(attempt.path, QByteArray("/v1/messages"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiClient)
#include "TestOpenAiClient.moc"
