// The official `@anthropic-ai/sdk` npm client (tests/node) against a real router and an
// Anthropic-format upstream: what Claude-speaking tools see.
#include "RouterHarness.h"

#include <QProcess>
#include <QTest>

class TestAnthropicClient : public QObject
{
    Q_OBJECT

private slots:
    void theOfficialClientWorksThroughKeyway()
    {
        RouterHarness harness;
        harness.setKeys(
            { { QStringLiteral("Claude"), Tier::Prioritized, {}, QStringLiteral("anthropic") } });
        harness.fake().script("claude", QStringLiteral("claude-broken"),
            { FakeProvider::Behaviour::ErrorEventMidStream, 200, {}, {},
                std::chrono::milliseconds(0) });

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWAY_BASE_URL"), harness.url({}));
        env.insert(QStringLiteral("KEYWAY_TOKEN"), QString::fromLatin1(RouterHarness::token()));
        node.setProcessEnvironment(env);
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(
            QStringLiteral("node"), { QStringLiteral(KEYWAY_NODE_DIR "/anthropic-client.mjs") });
        // The router's listener runs on this thread: wait with the event loop going.
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 60000);
        const QByteArray output = node.readAll();
        QVERIFY2(
            node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0, output.constData());
        QCOMPARE(output.count("\"ok\":true"), 9);
    }
};

QTEST_GUILESS_MAIN(TestAnthropicClient)
#include "TestAnthropicClient.moc"
