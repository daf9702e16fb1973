// `keyway serve --headless` end to end: the real binary with the test session's keychain, a real
// database, the fake provider upstream, and the CLI changing things while it serves.
#include "tests/support/FakeProvider.h"
#include "tests/support/RawClient.h"
#include "tests/support/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

namespace {

QString opt(const char* s)
{
    return QString::fromUtf8(s);
}

struct Reply
{
    int status = 0;
    QByteArray key; // x-keyway-key
    QByteArray id; // x-keyway-request-id
    QByteArray body;
};

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    FakeProvider m_fake;
    QNetworkAccessManager m_client;
    std::unique_ptr<QProcess> m_server;
    QString m_address;
    QByteArray m_token;
    qint64 m_alpha = 0;
    qint64 m_beta = 0;

    QString keyway(const QStringList& arguments, const QByteArray& input = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(opt("KEYWAY_DATABASE"), m_database);
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("KEYWAY_BINARY"), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        if (process.exitCode() != 0)
            qWarning() << arguments << process.readAllStandardError();
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    qint64 addKey(const QString& label, const QByteArray& secret)
    {
        const QString out = keyway(
            { opt("key"), opt("add"), opt("--provider"), opt("openai-compatible"), opt("--label"),
                label, opt("--base-url"), m_fake.baseUrl(), opt("--secret-stdin"), opt("--json") },
            secret);
        return QJsonDocument::fromJson(out.toUtf8()).object().value(opt("id")).toInteger();
    }

    void startServer()
    {
        m_server = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(opt("KEYWAY_DATABASE"), m_database);
        m_server->setProcessEnvironment(env);
        m_server->start(qEnvironmentVariable("KEYWAY_BINARY"),
            { opt("serve"), opt("--headless"), opt("--port"), opt("0") });
        const QRegularExpression listening(opt("(http://127\\.0\\.0\\.1:\\d+)"));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += m_server->readAllStandardOutput(),
                                     listening.match(QString::fromUtf8(out)).hasMatch()),
            20000);
        m_address = listening.match(QString::fromUtf8(out)).captured(1);
    }

    void stopServer()
    {
        m_server->terminate(); // SIGTERM: a clean stop that writes the activity log
        QVERIFY(m_server->waitForFinished(10000));
        QCOMPARE(m_server->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server->exitCode(), 0);
    }

    Reply send(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        QNetworkRequest request { QUrl(m_address + path) };
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply* reply = m_client.sendCustomRequest(request, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        Reply result { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->rawHeader("x-keyway-key"), reply->rawHeader("x-keyway-request-id"),
            reply->readAll() };
        reply->deleteLater();
        return result;
    }

    Reply chat(const QString& model = opt("mistral-small"))
    {
        const QJsonObject body { { "model", model },
            { "messages",
                QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } } } };
        return send("POST", opt("/v1/chat/completions"), QJsonDocument(body).toJson());
    }

    // Asks until the running server has noticed a change made by another process.
    bool servedBy(const QByteArray& label)
    {
        for (int i = 0; i < 60; ++i) {
            if (chat().key == label)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        m_database = m_dir.filePath(opt("serve.db"));
        m_alpha = addKey(opt("Alpha"), "alpha-secret-123");
        m_beta = addKey(opt("Beta"), "beta-secret-456");
        QVERIFY(m_alpha > 0 && m_beta > 0);
        const QString created = keyway({ opt("token"), opt("create"), opt("--json") });
        m_token = QJsonDocument::fromJson(created.toUtf8())
                      .object()
                      .value(opt("token"))
                      .toString()
                      .toLatin1();
        QVERIFY(m_token.startsWith("kw-"));
        startServer();
    }
    void cleanupTestCase()
    {
        if (m_server && m_server->state() != QProcess::NotRunning)
            stopServer();
    }

    void routesWithTheKeysInTheKeychain()
    {
        const Reply reply = chat();
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.key, "Alpha");
        QCOMPARE(m_fake.attempts().constLast().key, "alpha-secret-123");
    }

    void cliChangesApplyWhileServing()
    {
        keyway(
            { opt("key"), opt("move"), QString::number(m_alpha), opt("--tier"), opt("fallback") });
        QVERIFY(servedBy("Beta"));
        keyway({ opt("key"), opt("edit"), QString::number(m_beta), opt("--disable") });
        QVERIFY(servedBy("Alpha"));
        keyway({ opt("key"), opt("edit"), QString::number(m_beta), opt("--enable") });
        QVERIFY(servedBy("Beta"));
    }

    void settingsApplyWhileServing()
    {
        m_fake.script("beta-secret-456", {}, { Behaviour::NoAnswer, 0, {}, {}, 0ms });
        keyway({ opt("settings"), opt("set"), opt("first-byte-timeout-ms"), opt("300") });
        // Once the new timeout is in, an unanswered request fails over within a second.
        bool fast = false;
        for (int i = 0; i < 20 && !fast; ++i) {
            QElapsedTimer clock;
            clock.start();
            const Reply reply = chat();
            fast = reply.key == "Alpha" && clock.elapsed() < 1500;
        }
        QVERIFY(fast);
        m_fake.script("beta-secret-456", {}, {});
        keyway({ opt("settings"), opt("reset"), opt("first-byte-timeout-ms") });
    }

    void aRevokedTokenIsRefusedWhileServing()
    {
        const QString created = keyway({ opt("token"), opt("create"), opt("--json") });
        const QJsonObject token = QJsonDocument::fromJson(created.toUtf8()).object();
        const QByteArray own = m_token;
        m_token = token.value(opt("token")).toString().toLatin1();
        QTRY_COMPARE_WITH_TIMEOUT(chat().status, 200, 5000);
        keyway(
            { opt("token"), opt("revoke"), QString::number(token.value(opt("id")).toInteger()) });
        QTRY_COMPARE_WITH_TIMEOUT(chat().status, 401, 5000);
        m_token = own;
    }

    void theLogKeepsRequestsAcrossRestarts()
    {
        const Reply reply = chat();
        QCOMPARE(reply.status, 200);
        const QString id = QString::fromLatin1(reply.id);
        stopServer();
        const QString tail = keyway({ opt("log"), opt("tail"), opt("--json") });
        QVERIFY2(tail.contains(id), qPrintable(tail));
        const QString text = keyway({ opt("log"), opt("tail") });
        QVERIFY(text.contains(id) && text.contains(opt("1. ")));

        startServer();
        const Reply found = send("GET", opt("/api/v1/generation?id=") + id);
        QCOMPARE(found.status, 200);
        const QJsonObject data
            = QJsonDocument::fromJson(found.body).object()[opt("data")].toObject();
        QCOMPARE(data[opt("id")].toString(), id);
        QCOMPARE(data[opt("provider_responses")].toArray().size(), 1);
    }

    void aRemovedKeyFinishesItsStream()
    {
        m_fake.script("beta-secret-456", {}, { Behaviour::SlowFirstToken, 200, {}, {}, 1500ms });
        const QUrl url(m_address);
        RawClient client(quint16(url.port()));
        const QByteArray body
            = R"({"model":"m","stream":true,"messages":[{"role":"user","content":"Hi"}]})";
        client.send(RawClient::chatRequest(m_token, body));
        QTRY_VERIFY(m_fake.attempts().constLast().stream);
        keyway({ opt("key"), opt("remove"), QString::number(m_beta) });
        const QByteArray answer
            = client.receive([](const QByteArray& got) { return got.contains("[DONE]"); }, 10000);
        QVERIFY2(answer.contains("x-keyway-key: Beta") && answer.contains("data: [DONE]"),
            answer.constData());
        QVERIFY(servedBy("Alpha"));
    }

    void noSecretReachesAFile()
    {
        stopServer();
        QStringList files = TestData::databaseFiles(m_database);
        files += TestData::databaseFiles(m_dir.filePath(opt("serve-activity.db")));
        QVERIFY(files.size() >= 2);
        QCOMPARE(TestData::findBytes(files, { "alpha-secret-123", "beta-secret-456", m_token }),
            QStringList());
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "TestServe.moc"
