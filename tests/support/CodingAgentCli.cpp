#include "tests/support/CodingAgentCli.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {

// Codex's configuration: Keyway as its one model provider, over the Responses API (the only wire
// Codex still speaks), its key read from KEYWAY_API_KEY. Every switch that would reach beyond
// 127.0.0.1 is off: the update check, analytics, feedback, OpenTelemetry and the plugin sync
// (which otherwise resolves api.github.com on every start).
QByteArray codexConfig(const QString& baseUrl)
{
    return "model_provider = \"keyway\"\n"
           "check_for_update_on_startup = false\n"
           "\n[analytics]\nenabled = false\n"
           "\n[feedback]\nenabled = false\n"
           "\n[otel]\nexporter = \"none\"\ntrace_exporter = \"none\"\n"
           "metrics_exporter = \"none\"\nlog_user_prompt = false\n"
           "\n[features]\nplugins = false\n"
           "\n[model_providers.keyway]\nname = \"Keyway\"\n"
           "base_url = \""
        + baseUrl.toUtf8()
        + "/v1\"\n"
          "wire_api = \"responses\"\n"
          "env_key = \"KEYWAY_API_KEY\"\n";
}

// Gemini CLI's settings: its API-key auth (the only one a custom base URL takes headless), no
// usage statistics (which would add a user id header and reach Google's logging), no
// telemetry, no update checks.
const QByteArray geminiSettings = R"({
  "security": { "auth": { "selectedType": "gemini-api-key" } },
  "privacy": { "usageStatisticsEnabled": false },
  "telemetry": { "enabled": false },
  "general": { "enableAutoUpdate": false, "enableAutoUpdateNotification": false }
}
)";

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// Settings of the developer's own that would send the CLIs elsewhere (OPENAI_BASE_URL,
// GOOGLE_GENAI_USE_VERTEXAI, GEMINI_MODEL, CODEX_HOME...).
bool redirects(const QString& name)
{
    for (const char* prefix : { "CODEX_", "OPENAI_", "GEMINI_", "GOOGLE_", "CLOUDSDK_" }) {
        if (name.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

} // namespace

CodingAgentCli::CodingAgentCli(Agent agent)
    : m_agent(agent)
{
    QDir().mkpath(homePath());
    QDir().mkpath(workPath());
    QDir().mkpath(tempPath());
}

QString CodingAgentCli::program(Agent agent)
{
    return QStringLiteral(KEYWAY_NODE_DIR "/node_modules/.bin/")
        + (agent == Agent::Codex ? QStringLiteral("codex") : QStringLiteral("gemini"));
}

bool CodingAgentCli::isInstalled(Agent agent)
{
    return QFileInfo(program(agent)).isExecutable();
}

void CodingAgentCli::setEnvironmentVariable(const QString& name, const QString& value)
{
    m_environment.insert(name, value);
}

QStringList CodingAgentCli::arguments(const QString& model, const QString& prompt) const
{
    if (m_agent == Agent::Codex) {
        // Outside a git repository, its tools unsandboxed, its output plain.
        return QStringList { QStringLiteral("exec"), QStringLiteral("--skip-git-repo-check"),
            QStringLiteral("--sandbox"), QStringLiteral("danger-full-access"),
            QStringLiteral("--color"), QStringLiteral("never"), QStringLiteral("-m"), model }
        + m_extraArguments + QStringList { prompt };
    }
    // With -m, no routing classifier call picks a model first.
    return QStringList { QStringLiteral("-m"), model } + m_extraArguments
        + QStringList { QStringLiteral("-p"), prompt };
}

void CodingAgentCli::writeConfiguration(const QString& baseUrl) const
{
    const bool written = m_agent == Agent::Codex
        ? writeFile(homePath() + QStringLiteral("/.codex/config.toml"), codexConfig(baseUrl))
        : writeFile(homePath() + QStringLiteral("/.gemini/settings.json"), geminiSettings);
    if (!written)
        qFatal("Cannot write the CLI's configuration under %s", qPrintable(homePath()));
}

QProcessEnvironment CodingAgentCli::environment(
    const QString& baseUrl, const QByteArray& apiKey) const
{
    QProcessEnvironment env;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString& name : system.keys()) {
        if (!redirects(name))
            env.insert(name, system.value(name));
    }
    env.insert(QStringLiteral("HOME"), homePath());
    // Gemini CLI writes an error report to the temporary directory on every failure: into the
    // run's own, which goes with it.
    env.insert(QStringLiteral("TMPDIR"), tempPath());
    env.insert(QStringLiteral("TERM"), QStringLiteral("dumb"));
    env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("127.0.0.1,localhost"));
    if (m_agent == Agent::Codex) {
        env.insert(QStringLiteral("CODEX_HOME"), homePath() + QStringLiteral("/.codex"));
        env.insert(QStringLiteral("KEYWAY_API_KEY"), QString::fromLatin1(apiKey));
    } else {
        env.insert(QStringLiteral("GOOGLE_GEMINI_BASE_URL"), baseUrl);
        env.insert(QStringLiteral("GEMINI_API_KEY"), QString::fromLatin1(apiKey));
        env.insert(QStringLiteral("GEMINI_CLI_TRUST_WORKSPACE"), QStringLiteral("true"));
        env.insert(QStringLiteral("GEMINI_TELEMETRY_ENABLED"), QStringLiteral("false"));
    }
    for (auto it = m_environment.cbegin(); it != m_environment.cend(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

CodingAgentCli::Run CodingAgentCli::run(
    const QString& baseUrl, const QByteArray& apiKey, const QString& model, const QString& prompt)
{
    writeConfiguration(baseUrl);
    QElapsedTimer clock;
    clock.start();
    QProcess cli;
    cli.setProcessEnvironment(environment(baseUrl, apiKey));
    cli.setWorkingDirectory(workPath());
    // Its own process group: both CLIs start children (Gemini re-runs itself, Codex's node
    // wrapper runs the native binary), and a timeout must end them all.
    cli.setChildProcessModifier([] { ::setsid(); });
    cli.start(program(m_agent), arguments(model, prompt));
    cli.closeWriteChannel(); // Codex reads stdin until it ends, to append it to the prompt
    Run run;
    run.timedOut = !QTest::qWaitFor(
        [&] { return cli.state() == QProcess::NotRunning; }, int(m_timeout.count()));
    if (run.timedOut) {
        ::kill(-pid_t(cli.processId()), SIGKILL);
        cli.waitForFinished(5000);
    }
    run.exitCode = cli.exitStatus() == QProcess::NormalExit && !run.timedOut ? cli.exitCode() : -1;
    run.out = cli.readAllStandardOutput();
    run.err = cli.readAllStandardError();
    if (cli.error() == QProcess::FailedToStart)
        run.err += "Could not start " + program(m_agent).toUtf8() + " (npm ci in tests/node?)";
    qInfo("%s ran for %lld ms", m_agent == Agent::Codex ? "Codex CLI" : "Gemini CLI",
        clock.elapsed());
    return run;
}

QByteArray CodingAgentCli::Run::report() const
{
    return "exit " + QByteArray::number(exitCode) + (timedOut ? " (timed out)" : "")
        + "\nstdout: " + out.right(3000) + "\nstderr: " + err.right(6000);
}

QByteArray CodingAgentCli::workFile(const QString& name) const
{
    QFile file(workPath() + u'/' + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
