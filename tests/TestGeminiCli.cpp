// Gemini CLI (npm @google/gemini-cli, tests/node), which speaks the Gemini API, headless (-p)
// against a real router: passed through to a Gemini key, translated by way of Anthropic's format
// to chat completions for an OpenAI-compatible service and to Messages for Anthropic. Its
// ~35 KB requests (a long system instruction, 8 to 16 function declarations with JSON schemas,
// thinking) and its tool loop: a call the fake makes, the tool the CLI runs, its
// functionResponse back to the provider.
#include "tests/support/CodingAgentCli.h"
#include "tests/support/RouterHarness.h"
#include "tests/support/ToolTraffic.h"

#include <QJsonObject>
#include <QTest>

using Behaviour = FakeProvider::Behaviour;

class TestGeminiCli : public QObject
{
    Q_OBJECT

private:
    // An upstream kind, the model the CLI asks for there, and what the fake sees.
    struct Route
    {
        QString providerId;
        QString model;
        QByteArray path;
        QString callId; // the id of the fake's tool call in that wire; none in Gemini's
    };

    static Route routeOf(const QString& providerId)
    {
        if (providerId == u"gemini")
            return { providerId, QStringLiteral("gemini-2.5-flash"),
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent", {} };
        if (providerId == u"openai-compatible") // a gateway that serves Gemini's models too
            return { providerId, QStringLiteral("gemini-2.5-flash"), "/v1/chat/completions",
                QStringLiteral("call_fake1") };
        return { providerId, QStringLiteral("claude-sonnet-4-5"), "/v1/messages",
            QStringLiteral("toolu_fake1") };
    }

    static void addRouteRows()
    {
        QTest::addColumn<QString>("providerId");
        for (const char* providerId : { "gemini", "openai-compatible", "anthropic" })
            QTest::newRow(providerId) << QString::fromLatin1(providerId);
    }

    // Runs `gemini -p prompt` against the harness's router.
    static CodingAgentCli::Run runGemini(CodingAgentCli& gemini, RouterHarness& harness,
        const QString& model, const QString& prompt = QStringLiteral("Say hello"))
    {
        return gemini.run(harness.url({}), RouterHarness::token(), model, prompt);
    }

private slots:
    void initTestCase()
    {
        // CI installs it (npm ci in tests/node): a missing CLI is a failure, not a skip.
        QVERIFY2(CodingAgentCli::isInstalled(CodingAgentCli::Agent::Gemini),
            qPrintable(CodingAgentCli::program(CodingAgentCli::Agent::Gemini)
                + QStringLiteral(" is missing: run npm ci in tests/node")));
    }

    void answers_data() { addRouteRows(); }
    void answers()
    {
        QFETCH(QString, providerId);
        const Route route = routeOf(providerId);
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Gemini"), Tier::Prioritized, {}, providerId } });
        CodingAgentCli gemini(CodingAgentCli::Agent::Gemini);
        const CodingAgentCli::Run run = runGemini(gemini, harness, route.model);
        QVERIFY2(run.exitCode == 0, run.report().constData());
        QVERIFY2(run.out.contains("Hello from the fake."), run.report().constData());

        const QList<FakeProvider::Attempt> attempts = harness.fake().attempts();
        QVERIFY2(attempts.size() == 1, run.report().constData());
        const FakeProvider::Attempt& attempt = attempts.constLast();
        QCOMPARE(attempt.path, route.path);
        QCOMPARE(attempt.key, QByteArray("gemini"));
        QCOMPARE(attempt.model, route.model);
        QVERIFY(attempt.stream);
        const RequestRecord record = harness.lastFinished();
        QCOMPARE(record.status, 200);
        QVERIFY2(record.usage.completion > 0, qPrintable(providerId));
        // The CLI sends temperature 1 and topP 0.95, which Claude refuses together (as the
        // fake does): the top_p is left out, and the attempt says so.
        if (providerId == u"anthropic") {
            QVERIFY2(record.attempts.constLast().droppedFields.contains(u"generationConfig.topP"),
                qPrintable(record.attempts.constLast().droppedFields.join(u", ")));
        }
    }

    // The fake answers first with a call of the CLI's own write_file (offered with --yolo),
    // then with text: the CLI writes the file and sends a functionResponse back, which reaches
    // the provider in its own wire, tied to the call it answers.
    void runsTheProvidersToolCall_data() { addRouteRows(); }
    void runsTheProvidersToolCall()
    {
        QFETCH(QString, providerId);
        const Route route = routeOf(providerId);
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Gemini"), Tier::Prioritized, {}, providerId } });
        harness.fake().script("gemini", {},
            { .behaviour = Behaviour::ToolCall,
                .call = FakeToolCall::function(QStringLiteral("write_file"),
                    { { "file_path", "out.txt" }, { "content", "keyway-tool-ok\n" } }) },
            1);
        CodingAgentCli gemini(CodingAgentCli::Agent::Gemini);
        gemini.setExtraArguments({ QStringLiteral("--yolo") });
        const CodingAgentCli::Run run
            = runGemini(gemini, harness, route.model, QStringLiteral("Write out.txt"));

        const QList<FakeProvider::Attempt> attempts = harness.fake().attempts();
        QVERIFY2(!attempts.isEmpty(), run.report().constData());
        // The call the fake made is of a tool the CLI offered, with the arguments it takes.
        const QJsonObject first = ToolTraffic::bodyOf(attempts.first().body);
        const QJsonObject properties
            = ToolTraffic::offeredSchema(first, QStringLiteral("write_file"))["properties"]
                  .toObject();
        QVERIFY2(properties.contains("file_path") && properties.contains("content"),
            qPrintable(ToolTraffic::offeredNames(first).join(u", ")));
        QVERIFY2(run.exitCode == 0, run.report().constData());
        QVERIFY2(run.out.contains("Hello from the fake."), run.report().constData());
        QCOMPARE(gemini.workFile(QStringLiteral("out.txt")), QByteArray("keyway-tool-ok\n"));

        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(1).path, route.path);
        const QJsonObject second = ToolTraffic::bodyOf(attempts.at(1).body);
        const QList<ToolTraffic::Result> results = ToolTraffic::results(second);
        QVERIFY2(results.size() == 1, attempts.at(1).body.right(3000).constData());
        QVERIFY2(results.first().output.contains(u"out.txt"), qPrintable(results.first().output));
        // Gemini's calls carry no id unless one is given: the CLI makes one up for the call
        // and its response. The other wires keep the provider's.
        const QStringList called = ToolTraffic::calledIds(second);
        QCOMPARE(called.size(), 1);
        if (route.callId.isEmpty())
            QVERIFY2(called.first().startsWith(u"write_file"), qPrintable(called.first()));
        else
            QCOMPARE(called.first(), route.callId);
        QCOMPARE(results.first().callId, called.first());
        QCOMPARE(harness.finished().size(), 2);
        for (const RequestRecord& record : harness.finished())
            QCOMPARE(record.status, 200);
    }

    // A stream that fails once its text has begun (the upstream's own error event) cannot go
    // to another key: it must reach the CLI as an error it can tell, which it retries, then
    // reports (about 8 s: the CLI waits 1, 2 and 4 s between its attempts).
    void reportsAStreamThatFails_data() { addRouteRows(); }
    void reportsAStreamThatFails()
    {
        QFETCH(QString, providerId);
        const Route route = routeOf(providerId);
        RouterHarness harness;
        harness.setKeys({ { QStringLiteral("Gemini"), Tier::Prioritized, {}, providerId } });
        harness.fake().script("gemini", {}, { .behaviour = Behaviour::ErrorEventMidStream });
        CodingAgentCli gemini(CodingAgentCli::Agent::Gemini);
        const CodingAgentCli::Run run = runGemini(gemini, harness, route.model);
        QVERIFY2(run.exitCode > 0, run.report().constData());
        // The provider's error in Google's terms: an overload (Gemini's own, or Anthropic's
        // overloaded_error) is UNAVAILABLE, a 500 INTERNAL; the CLI retries both, four times
        // in all, then shows the error.
        const QByteArray status = providerId == u"openai-compatible" ? "got status: INTERNAL"
                                                                     : "got status: UNAVAILABLE";
        QVERIFY2(run.err.contains(status), run.report().constData());
        QCOMPARE(harness.fake().attempts().size(), 4);
        for (const RequestRecord& record : harness.finished())
            QCOMPARE(record.status, 502);
    }
};

QTEST_GUILESS_MAIN(TestGeminiCli)
#include "TestGeminiCli.moc"
