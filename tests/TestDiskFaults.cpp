// The database's faults other than a crash (#15 item 5): a read-only database, a full disk,
// two servers on one database and the CLI editing while they serve. Each with the real binary;
// each must fail clearly, keep routing where it can, and leave the files whole.
#include "tests/support/FakeProvider.h"
#include "tests/support/KeywayProcess.h"
#include "tests/support/RouterChat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString opt(const char* s)
{
    return QString::fromUtf8(s);
}

constexpr uid_t nobody = 65534;

using Reply = RouterChat::Reply;

} // namespace

class TestDiskFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<KeywayProcess> m_keyway;
    FakeProvider m_fake;
    QNetworkAccessManager m_client;
    QByteArray m_token;
    qint64 m_alpha = 0;

    Reply chat(const QString& address) { return RouterChat::send(m_client, address, m_token); }

    bool servedBy(const QString& address, const QByteArray& label)
    {
        for (int i = 0; i < 60; ++i) {
            if (chat(address).key == label)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    qint64 addKey(const QString& label)
    {
        const auto added = m_keyway->run(
            { opt("key"), opt("add"), opt("--provider"), opt("openai-compatible"), opt("--label"),
                label, opt("--base-url"), m_fake.baseUrl(), opt("--secret-stdin"), opt("--json") },
            "secret-of-" + label.toUtf8());
        return QJsonDocument::fromJson(added.out.toUtf8())[opt("id")].toInteger();
    }

    QString keyList() const
    {
        return m_keyway->run({ opt("key"), opt("list"), opt("--json") }).out;
    }

    QStringList files() const { return QDir(m_dir.path()).entryList(QDir::Files); }

    void stop(QProcess& server)
    {
        server.terminate();
        QVERIFY(server.waitForFinished(15000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void verifyWhole(const QString& keysBefore)
    {
        QCOMPARE(KeywayProcess::integrity(m_database), opt("ok"));
        QCOMPARE(KeywayProcess::integrity(m_dir.filePath(opt("faults-activity.db"))), opt("ok"));
        QCOMPARE(keyList(), keysBefore);
    }

    // Root writes to read-only files all the same; there the CLI runs as nobody, who owns the
    // files but may not write them.
    void makeReadOnly(bool readOnly)
    {
        const bool root = geteuid() == 0;
        const QByteArray dir = QFile::encodeName(m_dir.path());
        for (const QString& file : files()) {
            const QByteArray path = QFile::encodeName(m_dir.filePath(file));
            QCOMPARE(::chmod(path.constData(), readOnly ? 0400 : 0600), 0);
            if (root)
                QCOMPARE(
                    ::chown(path.constData(), readOnly ? nobody : 0, readOnly ? nobody : 0), 0);
        }
        QCOMPARE(::chmod(dir.constData(), readOnly ? 0500 : 0700), 0);
        if (root)
            QCOMPARE(::chown(dir.constData(), readOnly ? nobody : 0, readOnly ? nobody : 0), 0);
        m_keyway->setChildSetup(!readOnly || !root ? std::function<void()>() : [] {
            (void)::setgid(nobody);
            (void)::setuid(nobody);
        });
    }

    // A disk with `bytes` left for each file: writes beyond fail with EFBIG, as with ENOSPC
    // (mounting a small file system needs privileges a test does not have).
    void limitFileSize(qint64 bytes)
    {
        m_keyway->setChildSetup(bytes < 0 ? std::function<void()>() : [bytes] {
            const rlimit limit { rlim_t(bytes), rlim_t(bytes) };
            ::setrlimit(RLIMIT_FSIZE, &limit);
            ::signal(SIGXFSZ, SIG_IGN); // else the kernel kills the writer
        });
    }

private slots:
    void initTestCase()
    {
        m_database = m_dir.filePath(opt("faults.db"));
        m_keyway = std::make_unique<KeywayProcess>(m_database);
        m_alpha = addKey(opt("Alpha"));
        QVERIFY(m_alpha > 0 && addKey(opt("Beta")) > 0);
        const auto token = m_keyway->run({ opt("token"), opt("create"), opt("--json") });
        m_token = QJsonDocument::fromJson(token.out.toUtf8())[opt("token")].toString().toLatin1();
        QVERIFY(m_token.startsWith("kw-"));
        QString address;
        auto server = m_keyway->serve(address);
        QVERIFY(!address.isEmpty());
        QCOMPARE(chat(address).status, 200); // the activity log exists from here on
        stop(*server);
    }

    void aReadOnlyDatabaseIsRefusedClearly()
    {
        const QString before = keyList();
        makeReadOnly(true);
        const auto move = m_keyway->run(
            { opt("key"), opt("move"), QString::number(m_alpha), opt("--tier"), opt("fallback") });
        QString address;
        auto server = m_keyway->serve(address);
        server->waitForFinished(15000);
        makeReadOnly(false);
        QCOMPARE(move.exitCode, 3);
        QVERIFY2(move.err.contains(opt("read-only")), qPrintable(move.err));
        QVERIFY(address.isEmpty());
        QCOMPARE(server->exitCode(), 3);
        QVERIFY(QString::fromUtf8(server->readAllStandardError()).contains(opt("read-only")));
        verifyWhole(before);
    }

    void aFullDiskFailsClearlyAndKeepsTheData()
    {
        const QString before = keyList();
        limitFileSize(0);
        const auto move = m_keyway->run(
            { opt("key"), opt("move"), QString::number(m_alpha), opt("--tier"), opt("fallback") });
        limitFileSize(-1);
        QCOMPARE(move.exitCode, 3);
        QVERIFY2(move.err.contains(opt("disk may be full")), qPrintable(move.err));
        verifyWhole(before);
    }

    void theRouterKeepsRoutingWhenTheLogCannotWrite()
    {
        const QString before = keyList();
        qint64 largest = 0;
        for (const QString& file : files())
            largest = std::max(largest, QFileInfo(m_dir.filePath(file)).size());
        limitFileSize(largest + 48 * 1024); // the activity's write-ahead log soon outgrows it
        QString address;
        auto server = m_keyway->serve(address);
        limitFileSize(-1);
        QVERIFY(!address.isEmpty());
        int answered = 0;
        QElapsedTimer clock;
        clock.start();
        QString warnings;
        while (clock.elapsed() < 8000 && !warnings.contains(opt("activity log"))) {
            for (int i = 0; i < 50; ++i)
                answered += chat(address).status == 200 ? 1 : 0;
            warnings += QString::fromUtf8(server->readAllStandardError());
        }
        QVERIFY2(warnings.contains(opt("activity log")), qPrintable(warnings));
        const int afterFault = answered;
        for (int i = 0; i < 20; ++i)
            answered += chat(address).status == 200 ? 1 : 0;
        QCOMPARE(answered, afterFault + 20);
        stop(*server);

        server = m_keyway->serve(address);
        const Reply logged = chat(address);
        QCOMPARE(logged.status, 200);
        stop(*server);
        verifyWhole(before);
        const auto tail = m_keyway->run({ opt("log"), opt("tail"), opt("--json") });
        QVERIFY(tail.out.contains(QString::fromLatin1(logged.requestId)));
    }

    void twoServersShareTheDatabaseWithTheCli()
    {
        QString first;
        QString second;
        auto one = m_keyway->serve(first);
        auto two = m_keyway->serve(second);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QVERIFY(servedBy(first, "Alpha"));
        QVERIFY(servedBy(second, "Alpha"));
        const auto move = m_keyway->run(
            { opt("key"), opt("move"), QString::number(m_alpha), opt("--tier"), opt("fallback") });
        QCOMPARE(move.exitCode, 0);
        QVERIFY(servedBy(first, "Beta"));
        QVERIFY(servedBy(second, "Beta"));
        const Reply fromOne = chat(first);
        const Reply fromTwo = chat(second);
        stop(*one);
        stop(*two);
        const auto tail = m_keyway->run({ opt("log"), opt("tail"), opt("--json") });
        QVERIFY(tail.out.contains(QString::fromLatin1(fromOne.requestId)));
        QVERIFY(tail.out.contains(QString::fromLatin1(fromTwo.requestId)));
        verifyWhole(keyList());
    }

    void aSecondServerOnTheSamePortSaysWhy()
    {
        QString first;
        auto one = m_keyway->serve(first);
        QVERIFY(!first.isEmpty());
        const QString port = QString::number(QUrl(first).port());
        const auto two = m_keyway->run({ opt("serve"), opt("--headless"), opt("--port"), port });
        QVERIFY(two.exitCode != 0);
        QVERIFY2(two.err.contains(opt("already in use")), qPrintable(two.err));
        QCOMPARE(chat(first).status, 200);
        stop(*one);
    }
};

QTEST_GUILESS_MAIN(TestDiskFaults)
#include "TestDiskFaults.moc"
