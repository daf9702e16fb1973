// The official SDKs of the inbound protocols Keyway serves besides chat completions and
// Messages, as a user's program runs them against the router: OpenAI's `openai` client's
// Responses API (client.responses.create and .stream) and Google's `@google/genai`
// (models.generateContent and .generateContentStream), through every kind of upstream: passed
// through to the providers that speak the protocol, translated for every other.
#include "tests/support/RouterHarness.h"
#include "tests/support/UpstreamKinds.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestSdkClients : public QObject
{
    Q_OBJECT

private:
    UpstreamKinds m_kinds;

    struct NodeRun
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QJsonObject result; // the script's one line of JSON
    };

    // Runs tests/node/`script` against the harness's router, asking for `model`, and says how
    // long it took.
    static NodeRun runNode(const QString& script, const QString& baseUrl, const QString& model)
    {
        QElapsedTimer clock;
        clock.start();
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWAY_BASE_URL"), baseUrl);
        env.insert(QStringLiteral("KEYWAY_TOKEN"), QString::fromLatin1(RouterHarness::token()));
        env.insert(QStringLiteral("KEYWAY_MODEL"), model);
        // The SDKs read these too: the developer's own would send them elsewhere.
        for (const char* name : { "OPENAI_BASE_URL", "OPENAI_API_KEY", "GOOGLE_GENAI_USE_VERTEXAI",
                 "GOOGLE_CLOUD_PROJECT", "GEMINI_API_KEY", "GOOGLE_API_KEY" })
            env.remove(QLatin1String(name));
        node.setProcessEnvironment(env);
        node.start(QStringLiteral("node"), { QStringLiteral(KEYWAY_NODE_DIR "/") + script });
        // The router's listener runs on this thread: wait with the event loop going.
        if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 60000))
            node.kill();
        node.waitForFinished(5000);
        NodeRun run;
        run.exitCode = node.exitStatus() == QProcess::NormalExit ? node.exitCode() : -1;
        run.out = node.readAllStandardOutput();
        run.err = node.readAllStandardError();
        run.result = QJsonDocument::fromJson(run.out.trimmed()).object();
        qInfo("%s for %s took %lld ms", qPrintable(script), qPrintable(model), clock.elapsed());
        return run;
    }

    static QByteArray failure(const NodeRun& run)
    {
        return "exit " + QByteArray::number(run.exitCode) + "\nstdout: " + run.out
            + "\nstderr: " + run.err;
    }

    static void addUpstreamRows()
    {
        QTest::addColumn<QString>("kind");
        for (const QString& kind : UpstreamKinds::names())
            QTest::newRow(qPrintable(kind)) << kind;
    }

private slots:
    void responsesThroughEveryUpstream_data() { addUpstreamRows(); }
    void responsesThroughEveryUpstream()
    {
        QFETCH(QString, kind);
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, kind, QStringLiteral("Only")) });
        const UpstreamKinds::Upstream upstream = UpstreamKinds::of(kind);
        const NodeRun run = runNode(
            QStringLiteral("openai-responses.mjs"), h.url(QStringLiteral("/v1")), upstream.model);
        QVERIFY2(run.exitCode == 0 && !run.result.isEmpty(), failure(run).constData());

        const QJsonObject whole = run.result["whole"].toObject();
        QCOMPARE(whole["status"].toString(), QStringLiteral("completed"));
        QCOMPARE(whole["text"].toString(), QStringLiteral("Hello from the fake."));
        QCOMPARE(whole["itemsText"].toString(), QStringLiteral("Hello from the fake."));
        QCOMPARE(whole["usage"]["output_tokens"].toInt(), 4);
        QVERIFY2(whole["usage"]["input_tokens"].toInt() > 0, run.out.constData());
        QCOMPARE(whole["usage"]["total_tokens"].toInt(),
            whole["usage"]["input_tokens"].toInt() + whole["usage"]["output_tokens"].toInt());

        // The stream helper read the events one by one and put the same answer together.
        const QJsonObject stream = run.result["stream"].toObject();
        QCOMPARE(stream["first"].toString(), QStringLiteral("response.created"));
        QCOMPARE(stream["last"].toString(), QStringLiteral("response.completed"));
        QVERIFY2(stream["deltas"].toInt() > 1, run.out.constData());
        QCOMPARE(stream["streamedText"].toString(), QStringLiteral("Hello from the fake."));
        QCOMPARE(stream["text"].toString(), QStringLiteral("Hello from the fake."));
        QCOMPARE(stream["status"].toString(), QStringLiteral("completed"));
        QCOMPARE(stream["usage"]["output_tokens"].toInt(), 4);
        QVERIFY2(stream["usage"]["input_tokens"].toInt() > 0, run.out.constData());

        QCOMPARE(h.fake().attempts().constLast().path, upstream.path);
        QCOMPARE(h.finished().size(), 2);
        for (const RequestRecord& record : h.finished())
            QCOMPARE(record.status, 200);
    }

    void genaiThroughEveryUpstream_data() { addUpstreamRows(); }
    void genaiThroughEveryUpstream()
    {
        QFETCH(QString, kind);
        RouterHarness h;
        h.setKeys({ m_kinds.keyFor(h, kind, QStringLiteral("Only")) });
        const UpstreamKinds::Upstream upstream = UpstreamKinds::of(kind);
        const NodeRun run = runNode(QStringLiteral("google-genai.mjs"), h.url({}), upstream.model);
        QVERIFY2(run.exitCode == 0 && !run.result.isEmpty(), failure(run).constData());

        const QJsonObject whole = run.result["whole"].toObject();
        QCOMPARE(whole["text"].toString(), QStringLiteral("Hello from the fake."));
        QCOMPARE(whole["finishReason"].toString(), QStringLiteral("STOP"));
        QCOMPARE(whole["usage"]["candidatesTokenCount"].toInt(), 4);
        QVERIFY2(whole["usage"]["promptTokenCount"].toInt() > 0, run.out.constData());

        const QJsonObject stream = run.result["stream"].toObject();
        QVERIFY2(stream["chunks"].toInt() > 1, run.out.constData());
        QCOMPARE(stream["text"].toString(), QStringLiteral("Hello from the fake."));
        QCOMPARE(stream["finishReason"].toString(), QStringLiteral("STOP"));
        QCOMPARE(stream["usage"]["candidatesTokenCount"].toInt(), 4);
        QVERIFY2(stream["usage"]["promptTokenCount"].toInt() > 0, run.out.constData());

        // OpenAI's own keys take a Gemini client's request as chat completions.
        QCOMPARE(h.fake().attempts().constLast().path,
            kind == u"openai" ? QByteArray("/v1/chat/completions") : upstream.path);
        QCOMPARE(h.finished().size(), 2);
        for (const RequestRecord& record : h.finished())
            QCOMPARE(record.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSdkClients)
#include "TestSdkClients.moc"
