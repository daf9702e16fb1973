#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>

// Codex CLI (npm @openai/codex, which speaks only the Responses API) or Gemini CLI (npm
// @google/gemini-cli, the Gemini API), installed in tests/node by npm ci, run headless against
// Keyway as a user would point them at it. Each run gets a throwaway HOME whose configuration
// keeps the CLI on 127.0.0.1: no telemetry, usage statistics, feedback, update checks or plugin
// sync; Codex runs its tools without a sandbox (none is needed for a test's scripted tool calls,
// and bubblewrap may not work in a container). What TestCodexCli and TestGeminiCli drive:
//
//   CodingAgentCli codex(CodingAgentCli::Agent::Codex);
//   const CodingAgentCli::Run run = codex.run(harness.url({}), RouterHarness::token(),
//       QStringLiteral("gpt-5.5"), QStringLiteral("Say hello"));
//   QVERIFY2(run.exitCode == 0, run.err.constData());
//   QVERIFY(run.out.contains("Hello from the fake."));
class CodingAgentCli
{
public:
    enum class Agent { Codex, Gemini };

    struct Run
    {
        int exitCode = -1; // -1 when it crashed or was killed
        bool timedOut = false;
        QByteArray out; // the final answer (both CLIs print only that on stdout)
        QByteArray err; // Codex's transcript, warnings and errors

        // The exit code and the ends of both outputs, for a failure message.
        QByteArray report() const;
    };

    explicit CodingAgentCli(Agent agent);

    // The CLI under tests/node/node_modules/.bin; false when npm ci has not installed it.
    static QString program(Agent agent);
    static bool isInstalled(Agent agent);

    // Codex reads -c key=value (TOML), e.g. "-c", "model_providers.keyway.stream_max_retries=0"
    // to stop its 5 retries of a broken stream, or --json; Gemini reads --yolo (its write and
    // shell tools), -o json... They come before the prompt.
    void setExtraArguments(const QStringList& arguments) { m_extraArguments = arguments; }
    void setEnvironmentVariable(const QString& name, const QString& value);
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // The throwaway HOME (Codex's config in .codex/, Gemini's settings in .gemini/), the
    // working directory, where the agent's tools act, and TMPDIR; all go with this object.
    QString homePath() const { return m_dir.path() + QStringLiteral("/home"); }
    QString workPath() const { return m_dir.path() + QStringLiteral("/work"); }
    // A file the agent's tools wrote in the working directory; empty when there is none.
    QByteArray workFile(const QString& name) const;
    QString tempPath() const { return m_dir.path() + QStringLiteral("/tmp"); } // its TMPDIR

    // Runs `prompt` once against Keyway at `baseUrl` (its root: http://127.0.0.1:PORT) with a
    // local key, for `model`. Waits with the event loop going: the router under test may run on
    // this thread. On timeout the CLI and every process it started are killed.
    Run run(const QString& baseUrl, const QByteArray& apiKey, const QString& model,
        const QString& prompt);

    // The command line a run uses, for failure messages.
    QStringList arguments(const QString& model, const QString& prompt) const;

private:
    void writeConfiguration(const QString& baseUrl) const;
    QProcessEnvironment environment(const QString& baseUrl, const QByteArray& apiKey) const;

    Agent m_agent;
    QTemporaryDir m_dir;
    QStringList m_extraArguments;
    QHash<QString, QString> m_environment;
    std::chrono::milliseconds m_timeout { 120000 };
};
