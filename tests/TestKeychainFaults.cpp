// The keychain's faults (#15 item 5): slow, locked, refusing, and its D-Bus session going away in
// the middle of a job. The real GNOME Keyring of the test's private session, frozen, locked,
// forbidden by a bus policy or killed with its bus (with-keyring.sh); the real binary for the CLI
// and the headless router, the real window in process. Each scenario is its own CTest entry,
// in a session of its own: a locked keyring or a killed bus stays so.
//
// What must hold in each: the CLI fails with exit code 4 and a message that says what to do, the
// window says so too, nothing is written half (no key without its secret, no secret without its
// key), and the router keeps serving with the secrets it has.
#include "app/AppCore.h"
#include "app/routing/RouterHost.h"
#include "app/store/KeyStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "tests/support/FakeProvider.h"
#include "tests/support/KeywayProcess.h"
#include "tests/support/RouterChat.h"
#include "tests/support/TestKeychain.h"
#include "ui/MainWindow.h"
#include "ui/keys/KeysPage.h"

#include <QAbstractButton>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

QString opt(const char* s)
{
    return QString::fromUtf8(s);
}

pid_t pidFrom(const char* variable)
{
    return pid_t(qEnvironmentVariableIntValue(variable));
}

using Reply = RouterChat::Reply;

const QString keychainExitCode = opt("4");

} // namespace

class TestKeychainFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<KeywayProcess> m_keyway;
    FakeProvider m_fake;
    QNetworkAccessManager m_client;
    QByteArray m_token;
    std::unique_ptr<QProcess> m_server;
    QString m_address;

    Reply chat(const QString& address) { return RouterChat::send(m_client, address, m_token); }

    QStringList addKeyArguments(const QString& label) const
    {
        return { opt("key"), opt("add"), opt("--provider"), opt("openai-compatible"),
            opt("--label"), label, opt("--base-url"), m_fake.baseUrl(), opt("--secret-stdin"),
            opt("--json") };
    }

    KeywayProcess::Finished addKey(const QString& label)
    {
        return m_keyway->run(addKeyArguments(label), "secret-of-" + label.toUtf8());
    }

    // Started, not waited for: the keychain may keep it waiting.
    std::unique_ptr<QProcess> startAddingKey(const QString& label)
    {
        auto process = m_keyway->start(addKeyArguments(label));
        process->write("secret-of-" + label.toUtf8());
        process->closeWriteChannel();
        return process;
    }

    static KeywayProcess::Finished finish(QProcess& process)
    {
        process.waitForFinished(60000);
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    }

    QString keyList() const
    {
        return m_keyway->run({ opt("key"), opt("list"), opt("--json") }).out;
    }

    // A database with key Alpha and a local key, served by `keyway serve`.
    void startServing()
    {
        m_database = m_dir.filePath(opt("keychain.db"));
        m_keyway = std::make_unique<KeywayProcess>(m_database);
        QCOMPARE(addKey(opt("Alpha")).exitCode, 0);
        const auto token = m_keyway->run({ opt("token"), opt("create"), opt("--json") });
        m_token = QJsonDocument::fromJson(token.out.toUtf8())[opt("token")].toString().toLatin1();
        QVERIFY(m_token.startsWith("kw-"));
        m_server = m_keyway->serve(m_address);
        QVERIFY(!m_address.isEmpty());
        QCOMPARE(chat(m_address).key, QByteArray("Alpha"));
    }

    void stopServing()
    {
        m_server->terminate();
        QVERIFY(m_server->waitForFinished(15000));
        QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server->exitCode(), 0);
    }

    static void verifyKeychainFailure(const KeywayProcess::Finished& finished, const char* advice)
    {
        QCOMPARE(QString::number(finished.exitCode), keychainExitCode);
        QVERIFY2(finished.err.contains(QString::fromUtf8(advice)), qPrintable(finished.err));
    }

    // Moving a key rebuilds the routing snapshot; the keys it knows keep their secrets.
    void verifyServingThroughARebuild()
    {
        QCOMPARE(
            m_keyway->run({ opt("key"), opt("move"), opt("1"), opt("--tier"), opt("fallback") })
                .exitCode,
            0);
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(200);
            const Reply reply = chat(m_address);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.key, QByteArray("Alpha"));
        }
    }

    static void signalProcess(const char* variable, int signal)
    {
        const pid_t pid = pidFrom(variable);
        QVERIFY2(pid > 0, variable);
        QCOMPARE(::kill(pid, signal), 0);
    }

    // Adds or takes away a policy rule that forbids every call to the keychain, and makes the
    // bus read its configuration again.
    static void forbidKeychain(bool forbidden)
    {
        QFile config(qEnvironmentVariable("KEYWAY_TEST_BUS_CONFIG"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QByteArray text = config.readAll();
        config.close();
        const QByteArray rule = "<deny send_destination=\"org.freedesktop.secrets\"/>";
        text.replace(rule, "");
        if (forbidden)
            text.replace("</policy>", rule + "</policy>");
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(text);
        config.close();
        signalProcess("KEYWAY_TEST_BUS_PID", SIGHUP);
        // In force once the keychain answers (or not) as it should.
        QTRY_COMPARE_WITH_TIMEOUT(TestKeychain::accounts().isEmpty(), forbidden, 10000);
    }

    static void killBus()
    {
        signalProcess("KEYWAY_TEST_BUS_PID", SIGTERM);
        QTRY_VERIFY(::kill(pidFrom("KEYWAY_TEST_BUS_PID"), 0) != 0);
    }

private slots:
    void cleanup()
    {
        if (pidFrom("KEYWAY_TEST_KEYRING_PID") > 0)
            ::kill(pidFrom("KEYWAY_TEST_KEYRING_PID"), SIGCONT);
        if (m_server && m_server->state() != QProcess::NotRunning) {
            m_server->kill();
            m_server->waitForFinished();
        }
    }

    // A keychain that takes its time (here: frozen with SIGSTOP) is given up on after the
    // vault's timeout, and what it does once it answers again leaves nothing behind.
    void aSlowKeychainIsGivenUpOnAndLeavesNothingHalf()
    {
        startServing();
        const QString keysBefore = keyList();
        const QStringList accountsBefore = TestKeychain::accounts();
        QCOMPARE(accountsBefore.size(), 2); // Alpha's secret and the local key's token
        signalProcess("KEYWAY_TEST_KEYRING_PID", SIGSTOP);

        QElapsedTimer clock;
        clock.start();
        auto adding = startAddingKey(opt("Beta"));
        auto removing = m_keyway->start({ opt("key"), opt("remove"), opt("1") });
        QCOMPARE(chat(m_address).key, QByteArray("Alpha"));
        verifyServingThroughARebuild();
        const auto added = finish(*adding);
        const auto removed = finish(*removing);
        verifyKeychainFailure(added, "did not answer within 15 s");
        verifyKeychainFailure(removed, "did not answer within 15 s");
        QVERIFY2(clock.elapsed() < 25000, qPrintable(QString::number(clock.elapsed())));

        signalProcess("KEYWAY_TEST_KEYRING_PID", SIGCONT);
        QTest::qWait(1000); // what was queued for the keyring runs now
        QCOMPARE(TestKeychain::accounts(), accountsBefore);
        QVERIFY(TestKeychain::secret(accountsBefore.first()) == opt("secret-of-Alpha")
            || TestKeychain::secret(accountsBefore.last()) == opt("secret-of-Alpha"));
        QCOMPARE(chat(m_address).key, QByteArray("Alpha"));
        QVERIFY(keyList() != keysBefore); // the move, and nothing else
        QVERIFY(!keyList().contains(opt("Beta")));
        QCOMPARE(addKey(opt("Beta")).exitCode, 0); // and it works again
        stopServing();
    }

    // A locked keychain refuses every change that needs it: nothing changes, the router serves
    // with the secret it read before, and a router started now says why its keys are skipped.
    void aLockedKeychainRefusesChangesAndTheRouterServes()
    {
        startServing();
        const QString keysBefore = keyList();
        QVERIFY(TestKeychain::lockLoginCollection());
        QCOMPARE(chat(m_address).key, QByteArray("Alpha"));

        verifyKeychainFailure(addKey(opt("Beta")), "nlock");
        verifyKeychainFailure(
            m_keyway->run({ opt("key"), opt("edit"), opt("1"), opt("--secret-stdin") },
                "another-secret-of-Alpha"),
            "nlock");
        verifyKeychainFailure(m_keyway->run({ opt("key"), opt("remove"), opt("1") }), "nlock");
        QCOMPARE(keyList(), keysBefore);
        verifyServingThroughARebuild();
        QCOMPARE(m_fake.attempts().last().key, QByteArray("secret-of-Alpha"));

        QString address;
        auto second = m_keyway->serve(address);
        QVERIFY(!address.isEmpty());
        const Reply refused = chat(address);
        QCOMPARE(refused.status, 503);
        QVERIFY2(refused.body.contains("keychain"), refused.body.constData());
        second->terminate();
        QVERIFY(second->waitForFinished(15000));
        const QString said = QString::fromUtf8(second->readAllStandardError());
        QVERIFY2(said.contains(opt("Skipping 1 key until the keychain gives its secret")),
            qPrintable(said));
        QVERIFY2(said.contains(opt("nlock")), qPrintable(said));
        stopServing();
    }

    // The session bus goes away while a job waits on the keychain: the job fails at once and
    // says so, and the router, which shares that bus, keeps serving (GLib would have ended the
    // process with SIGTERM).
    void theBusGoingAwayMidJobKeepsTheRouterServing()
    {
        startServing();
        const QString keysBefore = keyList();
        signalProcess("KEYWAY_TEST_KEYRING_PID", SIGSTOP);
        auto adding = startAddingKey(opt("Beta"));
        QTest::qWait(1000);
        QElapsedTimer clock;
        clock.start();
        killBus();
        const auto added = finish(*adding);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        verifyKeychainFailure(added, "No keychain is reachable");

        QTest::qWait(500);
        QCOMPARE(m_server->state(), QProcess::Running);
        QCOMPARE(chat(m_address).key, QByteArray("Alpha"));
        verifyKeychainFailure(addKey(opt("Gamma")), "No keychain is reachable");
        QCOMPARE(keyList(), keysBefore);
        verifyServingThroughARebuild();
        stopServing();
    }

    // A bus policy forbids calling the keychain (as a sandbox or a security module does), then
    // is lifted: refused clearly meanwhile, and the router takes the secret at its next try.
    void aRefusingKeychainIsExplainedAndRetried()
    {
        m_database = m_dir.filePath(opt("refused.db"));
        m_keyway = std::make_unique<KeywayProcess>(m_database);
        QCOMPARE(addKey(opt("Alpha")).exitCode, 0);
        const auto token = m_keyway->run({ opt("token"), opt("create"), opt("--json") });
        m_token = QJsonDocument::fromJson(token.out.toUtf8())[opt("token")].toString().toLatin1();
        const QString keysBefore = keyList();
        forbidKeychain(true);

        const char* advice = "does not let Keyway talk to the keychain";
        verifyKeychainFailure(addKey(opt("Beta")), advice);
        QCOMPARE(keyList(), keysBefore);
        m_server = m_keyway->serve(m_address);
        QVERIFY(!m_address.isEmpty());
        const Reply refused = chat(m_address);
        QCOMPARE(refused.status, 503);
        QVERIFY2(refused.body.contains("keychain"), refused.body.constData());
        {
            AppCore core(m_database);
            MainWindow window(core);
            QSignalSpy started(&core, &AppCore::started);
            core.start();
            QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 20000);
            QCOMPARE(started.first().at(1).toInt(), 0); // nothing flagged missing on a refusal
            const auto* status = window.findChild<QLabel*>(opt("status"));
            QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QString::fromUtf8(advice)), 5000);
        }

        forbidKeychain(false);
        const int retryMs = int(std::chrono::milliseconds(RouterHost::secretRetryInterval).count());
        QTRY_COMPARE_WITH_TIMEOUT(chat(m_address).key, QByteArray("Alpha"), retryMs + 5000);
        stopServing();
        const QString said = QString::fromUtf8(m_server->readAllStandardError());
        QVERIFY2(said.contains(opt("Skipping 1 key until the keychain gives its secret")),
            qPrintable(said));
        QVERIFY2(said.contains(QString::fromUtf8(advice)), qPrintable(said));
        QVERIFY2(said.contains(opt("Every key has its secret again.")), qPrintable(said));
    }

    // The window, its keychain locked while it runs: removing a key says to unlock it and
    // keeps the key; the window's router keeps serving.
    void theWindowExplainsALockedKeychain()
    {
        m_database = m_dir.filePath(opt("window.db"));
        m_keyway = std::make_unique<KeywayProcess>(m_database);
        QCOMPARE(addKey(opt("Alpha")).exitCode, 0);
        const auto token = m_keyway->run({ opt("token"), opt("create"), opt("--json") });
        m_token = QJsonDocument::fromJson(token.out.toUtf8())[opt("token")].toString().toLatin1();
        QCOMPARE(m_keyway->run({ opt("settings"), opt("set"), opt("port"), opt("0") }).exitCode, 0);

        AppCore core(m_database);
        MainWindow window(core);
        window.show();
        core.start();
        const auto* router = window.findChild<QLabel*>(opt("router"));
        static const QRegularExpression listening(opt("(http://127\\.0\\.0\\.1:\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT(listening.match(router->text()).hasMatch(), 20000);
        const QString address = listening.match(router->text()).captured(1);
        QCOMPARE(chat(address).key, QByteArray("Alpha"));

        QVERIFY(TestKeychain::lockLoginCollection());
        auto* keysPage = window.findChild<KeysPage*>();
        QVERIFY(keysPage);
        emit keysPage->removeKeyRequested(1);
        QMessageBox* question = nullptr;
        QTRY_VERIFY((question = window.findChild<QMessageBox*>()) != nullptr);
        for (QAbstractButton* button : question->buttons()) {
            if (question->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        const auto* message = window.findChild<QLabel*>(opt("boardMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(opt("nlock")), 20000);
        QVERIFY(keyList().contains(opt("Alpha")));
        QCOMPARE(chat(address).key, QByteArray("Alpha"));
    }
};

QTEST_MAIN(TestKeychainFaults)
#include "TestKeychainFaults.moc"
