// Codex CLI (npm @openai/codex, tests/node), which speaks only the Responses API, headless
// against a real router: passed through to an OpenAI key, translated to chat completions for an
// OpenAI-compatible service and to Messages for Anthropic. Its ~38 KB requests (instructions,
// function, freeform, namespace and hosted tools, reasoning, client metadata) and its tool
// loop: a call the fake makes, the command Codex runs, its output back to the provider.
#include "tests/support/CodingAgentCli.h"
#include "tests/support/RouterHarness.h"
#include "tests/support/ToolTraffic.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Behaviour = FakeProvider::Behaviour;

class TestCodexCli : public QObject
{
    Q_OBJECT

private:
    // An upstream kind, the model Codex asks for there, and what the fake sees.
    struct Route
    {
        QString providerId;
        QString model;
        QByteArray path;
        QString callId; // the id of the fake's tool call in that wire
    };

    static Route routeOf(const QString& providerId)
    {
        if (providerId == u"openai") // gpt-5.5: a model Codex knows, so its full tool set
            return { providerId, QStringLiteral("gpt-5.5"), "/v1/responses", "call_fake1" };
        if (providerId == u"openai-compatible")
            return { providerId, QStringLiteral("gpt-5.5"), "/v1/chat/completions", "call_fake1" };
        // A model Codex does not know: its fallback tools, a namespace among them.
        return { providerId, QStringLiteral("claude-sonnet-4-5"), "/v1/messages", "toolu_fake1" };
    }

    static void addRouteRows()
    {
        QTest::addColumn<QString>("providerId");
        for (const char* providerId : { "openai", "openai-compatible", "anthropic" })
            QTest::newRow(providerId) << QString::fromLatin1(providerId);
    }

    // Runs `codex exec prompt` against the harness's router.
    static CodingAgentCli::Run runCodex(CodingAgentCli& codex, RouterHarness& harness,
        const QString& model, const QString& prompt = QStringLiteral("Say hello"))
    {
        return codex.run(harness.url({}), RouterHarness::token(), model, prompt);
    }

    // What a user writes so that Codex gives a model it does not know its full tool set:
    // an entry of its model catalog (model_catalog_json) with a freeform apply_patch.
    static QString writeClaudeCatalog(const CodingAgentCli& codex)
    {
        const QJsonObject model { { "slug", "claude-sonnet-4-5" }, { "display_name", "Claude" },
            { "base_instructions", "You are a coding agent." },
            { "apply_patch_tool_type", "freeform" }, { "shell_type", "shell_command" },
            { "supported_reasoning_levels", QJsonArray() }, { "visibility", "list" },
            { "supported_in_api", true }, { "priority", 1 }, { "support_verbosity", false },
            { "truncation_policy", QJsonObject { { "mode", "tokens" }, { "limit", 10000 } } },
            { "experimental_supported_tools", QJsonArray() } };
        const QString path = codex.homePath() + QStringLiteral("/claude-catalog.json");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(
                   QJsonDocument(QJsonObject { { "models", QJsonArray { model } } }).toJson())
                <= 0)
            qFatal("Cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        // CI installs it (npm ci in tests/node): a missing CLI is a failure, not a skip.
        QVERIFY2(CodingAgentCli::isInstalled(CodingAgentCli::Agent::Codex),
            qPrintable(CodingAgentCli::program(CodingAgentCli::Agent::Codex)
                + QStringLiteral(" is missing: run npm ci in tests/node")));
    }

    void answers_data() { addRouteRows(); }
    void answers()
    {
        QFETCH(QString, providerId);
        const Route route = routeOf(providerId);
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Codex"), Tier::Prioritized, {}, providerId } });
        CodingAgentCli codex(CodingAgentCli::Agent::Codex);
        const CodingAgentCli::Run run = runCodex(codex, harness, route.model);
        QVERIFY2(run.exitCode == 0, run.report().constData());
        QVERIFY2(run.out.contains("Hello from the fake."), run.report().constData());

        const QList<FakeProvider::Attempt> attempts = harness.fake().attempts();
        QVERIFY(!attempts.isEmpty());
        const FakeProvider::Attempt& attempt = attempts.constLast();
        QCOMPARE(attempt.path, route.path);
        QCOMPARE(attempt.key, QByteArray("codex"));
        QCOMPARE(attempt.model, route.model);
        QVERIFY(attempt.stream);
        const RequestRecord record = harness.lastFinished();
        QCOMPARE(record.status, 200);
        QVERIFY2(record.usage.completion > 0, qPrintable(providerId));
    }

    // The fake answers first with a call of Codex's own shell tool, exec_command, then with
    // text: Codex runs the command and sends its output back, which reaches the provider in its
    // own wire with the id of the call it made.
    void runsTheProvidersToolCall_data() { addRouteRows(); }
    void runsTheProvidersToolCall()
    {
        QFETCH(QString, providerId);
        const Route route = routeOf(providerId);
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Codex"), Tier::Prioritized, {}, providerId } });
        harness.fake().script("codex", {},
            { .behaviour = Behaviour::ToolCall,
                .call = FakeToolCall::function(QStringLiteral("exec_command"),
                    { { "cmd", "echo keyway-tool-ok | tee out.txt" } }) },
            1);
        CodingAgentCli codex(CodingAgentCli::Agent::Codex);
        const CodingAgentCli::Run run
            = runCodex(codex, harness, route.model, QStringLiteral("Write out.txt"));

        const QList<FakeProvider::Attempt> attempts = harness.fake().attempts();
        QVERIFY2(!attempts.isEmpty(), run.report().constData());
        // The call the fake made is of a tool Codex offered, with the argument it takes.
        const QJsonObject first = ToolTraffic::bodyOf(attempts.first().body);
        const QJsonObject schema
            = ToolTraffic::offeredSchema(first, QStringLiteral("exec_command"));
        QVERIFY2(schema["properties"]["cmd"]["type"].toString() == u"string",
            qPrintable(ToolTraffic::offeredNames(first).join(u", ")));
        QVERIFY2(run.exitCode == 0, run.report().constData());
        QVERIFY2(run.out.contains("Hello from the fake."), run.report().constData());
        QCOMPARE(codex.workFile(QStringLiteral("out.txt")), QByteArray("keyway-tool-ok\n"));

        QCOMPARE(attempts.size(), 2);
        const QJsonObject second = ToolTraffic::bodyOf(attempts.at(1).body);
        QCOMPARE(attempts.at(1).path, route.path);
        const QList<ToolTraffic::Result> results = ToolTraffic::results(second);
        QVERIFY2(results.size() == 1, attempts.at(1).body.right(3000).constData());
        QCOMPARE(results.first().callId, route.callId);
        QVERIFY2(
            results.first().output.contains(u"keyway-tool-ok"), qPrintable(results.first().output));
        QCOMPARE(ToolTraffic::calledIds(second), QStringList { route.callId });
        QCOMPARE(harness.finished().size(), 2);
        for (const RequestRecord& record : harness.finished())
            QCOMPARE(record.status, 200);
    }

    // Codex's apply_patch is a freeform tool, which only the Responses API has: for the other
    // wires Keyway offers it as a tool with one string property, and reads the call back as the
    // custom_tool_call Codex applies. A Claude model gets the tool from a catalog entry.
    void appliesAPatch_data() { addRouteRows(); }
    void appliesAPatch()
    {
        QFETCH(QString, providerId);
        const Route route = routeOf(providerId);
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Codex"), Tier::Prioritized, {}, providerId } });
        const QString patch
            = QStringLiteral("*** Begin Patch\n*** Add File: hello.txt\n+hello\n*** End Patch\n");
        harness.fake().script("codex", {},
            { .behaviour = Behaviour::ToolCall,
                .call = providerId == u"openai"
                    ? FakeToolCall::customTool(QStringLiteral("apply_patch"), patch)
                    : FakeToolCall::function(
                        QStringLiteral("apply_patch"), { { "freeform_input", patch } }) },
            1);
        CodingAgentCli codex(CodingAgentCli::Agent::Codex);
        if (providerId == u"anthropic") {
            codex.setExtraArguments({ QStringLiteral("-c"),
                QStringLiteral("model_catalog_json=\"%1\"").arg(writeClaudeCatalog(codex)) });
        }
        const CodingAgentCli::Run run
            = runCodex(codex, harness, route.model, QStringLiteral("Add hello.txt"));

        const QList<FakeProvider::Attempt> attempts = harness.fake().attempts();
        QVERIFY2(!attempts.isEmpty(), run.report().constData());
        const QJsonObject first = ToolTraffic::bodyOf(attempts.first().body);
        if (providerId == u"openai") {
            QVERIFY2(ToolTraffic::offeredNames(first).contains(u"apply_patch"),
                qPrintable(ToolTraffic::offeredNames(first).join(u", ")));
        } else {
            const QJsonObject schema
                = ToolTraffic::offeredSchema(first, QStringLiteral("apply_patch"));
            QVERIFY2(schema["properties"].toObject().keys() == QStringList { "freeform_input" },
                qPrintable(ToolTraffic::offeredNames(first).join(u", ")));
        }
        QVERIFY2(run.exitCode == 0, run.report().constData());
        QVERIFY2(run.out.contains("Hello from the fake."), run.report().constData());
        QCOMPARE(codex.workFile(QStringLiteral("hello.txt")), QByteArray("hello\n"));

        QCOMPARE(attempts.size(), 2);
        const QJsonObject second = ToolTraffic::bodyOf(attempts.at(1).body);
        const QList<ToolTraffic::Result> results = ToolTraffic::results(second);
        QVERIFY2(results.size() == 1, attempts.at(1).body.right(3000).constData());
        QCOMPARE(results.first().callId, route.callId);
        QVERIFY2(results.first().output.contains(u"hello.txt"), qPrintable(results.first().output));
        QCOMPARE(ToolTraffic::calledIds(second), QStringList { route.callId });
    }

    // A stream that fails once its text has begun (the upstream's own error event) cannot
    // go to another key: it must reach Codex as a failure (response.failed), not as a short
    // answer. Codex would retry it five times: once is enough here.
    void reportsAStreamThatFails_data() { addRouteRows(); }
    void reportsAStreamThatFails()
    {
        QFETCH(QString, providerId);
        const Route route = routeOf(providerId);
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Codex"), Tier::Prioritized, {}, providerId } });
        harness.fake().script("codex", {}, { .behaviour = Behaviour::ErrorEventMidStream });
        CodingAgentCli codex(CodingAgentCli::Agent::Codex);
        codex.setExtraArguments({ QStringLiteral("-c"),
            QStringLiteral("model_providers.keyway.stream_max_retries=0") });
        const CodingAgentCli::Run run = runCodex(codex, harness, route.model);
        QVERIFY2(run.exitCode > 0, run.report().constData());
        QVERIFY2(!run.out.contains("Hello from the fake."), run.report().constData());
        // The provider's own words, as Codex shows them.
        const QByteArray said = providerId == u"anthropic" ? "Overloaded" : "crashed mid-answer";
        QVERIFY2(
            run.err.contains("stream disconnected before completion: ") && run.err.contains(said),
            run.report().constData());
        QCOMPARE(harness.fake().attempts().size(), 1);
        QCOMPARE(harness.lastFinished().status, 502);
    }

    // Codex's fallback tools for a model it does not know include a namespace
    // (multi_agent_v1), which only the Responses API has: Keyway offers its members as
    // "multi_agent_v1__wait_agent", and gives Codex the call back in its namespace.
    void callsANamespacedToolThroughAnAnthropicKey()
    {
        RouterHarness harness;
        harness.setKeys(
            { { QStringLiteral("Codex"), Tier::Prioritized, {}, QStringLiteral("anthropic") } });
        harness.fake().script("codex", {},
            { .behaviour = Behaviour::ToolCall,
                .call = FakeToolCall::function(
                    QStringLiteral("multi_agent_v1__wait_agent"), { { "timeout_ms", 1000 } }) },
            1);
        CodingAgentCli codex(CodingAgentCli::Agent::Codex);
        const CodingAgentCli::Run run
            = runCodex(codex, harness, QStringLiteral("claude-sonnet-4-5"));
        const QList<FakeProvider::Attempt> attempts = harness.fake().attempts();
        QVERIFY2(!attempts.isEmpty(), run.report().constData());
        const QJsonObject first = ToolTraffic::bodyOf(attempts.first().body);
        const QJsonObject schema
            = ToolTraffic::offeredSchema(first, QStringLiteral("multi_agent_v1__wait_agent"));
        QVERIFY2(schema["properties"].toObject().contains("timeout_ms"),
            qPrintable(ToolTraffic::offeredNames(first).join(u", ")));
        QVERIFY2(run.exitCode == 0, run.report().constData());
        QVERIFY2(run.out.contains("Hello from the fake."), run.report().constData());

        // Codex ran its own wait_agent (which finds no agent to wait for), not "unsupported
        // call: multi_agent_v1__wait_agent", and the call went back under the name offered.
        QCOMPARE(attempts.size(), 2);
        const QJsonObject second = ToolTraffic::bodyOf(attempts.at(1).body);
        const QList<ToolTraffic::Result> results = ToolTraffic::results(second);
        QVERIFY2(results.size() == 1, attempts.at(1).body.right(3000).constData());
        QCOMPARE(results.first().callId, QStringLiteral("toolu_fake1"));
        QVERIFY2(!results.first().output.isEmpty()
                && !results.first().output.contains(u"unsupported call"),
            qPrintable(results.first().output));
        QCOMPARE(ToolTraffic::calledNames(second),
            QStringList { QStringLiteral("multi_agent_v1__wait_agent") });
    }
};

QTEST_GUILESS_MAIN(TestCodexCli)
#include "TestCodexCli.moc"
