#include "app/activity/ActivityExport.h"
#include "app/activity/ActivityLog.h"
#include "app/keys/KeyTester.h"
#include "router/core/SecretRedactor.h"
#include "router/records/RequestRecordJson.h"
#include "tests/support/RouterHarness.h"
#include "tests/support/RsaKeyPair.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Behaviour = FakeProvider::Behaviour;

namespace {

// Every message logged while the tests run, from every thread; nothing is printed, so a leak
// cannot reach the test's own output either.
QMutex logMutex;
QStringList logLines;
QtMessageHandler testLibraryHandler = nullptr;

void captureMessage(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    QMutexLocker lock(&logMutex);
    logLines.append(QString::fromLatin1(context.category) + u' ' + message);
}

} // namespace

// Issue #14, item 4: a provider that quotes the secret it was given — in a 401 page, in the
// error.message of a JSON error, in an error event mid-stream — for every kind of provider and
// credential, and the secret (every part of it) appears nowhere: not in the client's answer,
// the request record, the activity database's file, an export, the log, or
// GET /api/v1/generation. The key test's result neither.
class TestSecretRedaction : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;
    RouterHarness& h() { return *m_harness; }
    RsaKeyPair m_rsa;
    const QString m_email = QStringLiteral("redact@keyway-test.iam.gserviceaccount.com");
    const QString m_awsSecret = QStringLiteral("redactTestSecret/K7MDENG+bPxRfiCY0000");
    const QString m_awsSession = QStringLiteral("FwoGZXIvYXdzRedactSessionToken0000");

    struct Kind
    {
        RouterHarness::Key key;
        QByteArray scriptKey; // what the fake scripts and records the key by
        QByteArray echoedExtra; // what the fake is told to quote besides what it sees
        QStringList secretParts; // each must appear nowhere
    };

    QString serviceAccount() const
    {
        return FakeGoogleAuth::serviceAccountJson(
            m_email, m_rsa.privatePem, m_harness->fake().tokenUrl(), QStringLiteral("keyway-test"));
    }

    Kind kind(const QString& providerId)
    {
        const auto key = [&providerId](const QString& secret, const QString& model) {
            RouterHarness::Key key(QStringLiteral("Key"), Tier::Prioritized, { model }, providerId);
            key.secret = secret;
            return key;
        };
        if (providerId == u"bedrock") {
            const QString keyId = QStringLiteral("AK")
                + QStringLiteral("IAREDACTTEST000001"); // not a real key's shape in the source
            h().fake().setAwsSecret(keyId.toUtf8(), m_awsSecret);
            const QJsonObject credentials { { "access_key_id", keyId },
                { "secret_access_key", m_awsSecret }, { "session_token", m_awsSession } };
            Kind bedrock { key(QString::fromUtf8(
                                   QJsonDocument(credentials).toJson(QJsonDocument::Compact)),
                               QStringLiteral("anthropic.claude-redact-v1:0")),
                keyId.toUtf8(), (m_awsSecret + u' ' + m_awsSession).toUtf8(),
                { keyId, m_awsSecret, m_awsSession } };
            bedrock.key.settings = { { "region", "us-east-1" } };
            return bedrock;
        }
        if (providerId == u"vertex") {
            h().fake().googleAuth().addAccount(m_email, { .publicPem = m_rsa.publicPem });
            const QString account = serviceAccount();
            const QJsonObject object = QJsonDocument::fromJson(account.toUtf8()).object();
            const QString privateKey = object.value(QStringLiteral("private_key")).toString();
            const QString keyId = object.value(QStringLiteral("private_key_id")).toString();
            QStringList parts { keyId, QStringLiteral("ya29.fake") }; // the tokens it issues
            for (const QString& line : privateKey.split(u'\n')) {
                if (line.size() >= SecretRedactor::minimumLength && !line.startsWith(u"-----"))
                    parts.append(line);
            }
            Kind vertex { key(account, QStringLiteral("gemini-2.5-flash")), m_email.toUtf8(),
                (privateKey + u' ' + keyId).toUtf8(), parts };
            vertex.key.settings = { { "region", "us-central1" } };
            return vertex;
        }
        static const QHash<QString, QPair<QString, QString>> simple {
            { QStringLiteral("openai"),
                { QStringLiteral("sk-test-redact-openai-0123456789"), QStringLiteral("gpt-4.1") } },
            { QStringLiteral("azure"),
                { QStringLiteral("azure0123456789abcdefredact"), QStringLiteral("gpt-4.1") } },
            { QStringLiteral("anthropic"),
                { QStringLiteral("sk-ant-test-redact-0123456789"),
                    QStringLiteral("claude-sonnet-4-5") } },
            { QStringLiteral("gemini"),
                { QStringLiteral("AIzaRedactTest0123456789abcdef"),
                    QStringLiteral("gemini-2.5-flash") } },
        };
        const auto [secret, model] = simple.value(providerId);
        return { key(secret, model), secret.toUtf8(), {}, { secret } };
    }

    // Fails naming the place and the part's number, never the part.
    static void verifyNowhere(const QByteArray& text, const QStringList& parts, const char* where)
    {
        for (qsizetype i = 0; i < parts.size(); ++i) {
            QVERIFY2(!text.contains(parts.at(i).toUtf8()),
                qPrintable(QStringLiteral("part %1 of the secret is in %2").arg(i).arg(where)));
        }
    }

    static QByteArray wholeResponse(const RouterHarness::Response& response)
    {
        QByteArray text = response.body;
        for (const auto& [name, value] : response.headers)
            text += name + ": " + value + "\n";
        return text;
    }

    static QByteArray filesIn(const QString& directory)
    {
        QByteArray bytes;
        for (const QFileInfo& file : QDir(directory).entryInfoList(QDir::Files)) {
            QFile f(file.filePath());
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        return bytes;
    }

private slots:
    void initTestCase()
    {
        m_rsa = RsaKeyPair::generate();
        // Every category of the router and the app, debug included, goes to the capture.
        QLoggingCategory::setFilterRules(QStringLiteral("keyway.*=true"));
        testLibraryHandler = qInstallMessageHandler(captureMessage);
    }
    void cleanupTestCase() { qInstallMessageHandler(testLibraryHandler); }
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        QMutexLocker lock(&logMutex);
        logLines.clear();
    }
    void cleanup() { m_harness.reset(); }

    void noSecretLeavesTheRouter_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("status"); // 0: an error event mid-stream
        for (const char* provider :
            { "openai", "azure", "anthropic", "gemini", "bedrock", "vertex" }) {
            QTest::addRow("%s, 401 page", provider) << QString::fromLatin1(provider) << 401;
            QTest::addRow("%s, 400 passed on", provider) << QString::fromLatin1(provider) << 400;
            QTest::addRow("%s, 500 failed over", provider) << QString::fromLatin1(provider) << 500;
            QTest::addRow("%s, mid-stream", provider) << QString::fromLatin1(provider) << 0;
        }
    }

    void noSecretLeavesTheRouter()
    {
        QFETCH(QString, provider);
        QFETCH(int, status);
        QTemporaryDir activityDirectory;
        ActivityLog activity(activityDirectory.filePath(QStringLiteral("activity.sqlite")));
        QObject::connect(
            &h().router(), &Router::requestFinished, &activity,
            [&activity](const RequestRecord& record) { activity.record(record); },
            Qt::DirectConnection);

        const Kind used = kind(provider);
        h().setKeys({ used.key });
        h().fake().script(used.scriptKey, {},
            { .behaviour = status == 0 ? Behaviour::EchoSecretMidStream : Behaviour::EchoSecret,
                .status = status,
                .body = used.echoedExtra });

        const auto response = h().post(QStringLiteral("/v1/chat/completions"),
            RouterHarness::chat(used.key.servedModels.constFirst(), status == 0));
        QVERIFY(!h().fake().attempts().isEmpty());
        QTRY_VERIFY(!h().finished().isEmpty());
        const RequestRecord record = h().lastFinished();
        QVERIFY2(record.status >= 400, qPrintable(QString::number(record.status)));
        // The provider did quote it, and the quote was taken out.
        QVERIFY2(record.attempts.constFirst().errorMessage.contains(SecretRedactor::mark),
            "the provider's quote is not in the attempt's message");
        QVERIFY2(response.body.contains(SecretRedactor::mark.toUtf8()),
            "the provider's quote is not in the client's answer");

        verifyNowhere(wholeResponse(response), used.secretParts, "the client's answer");
        const QByteArray recordJson = QJsonDocument(RequestRecordJson::toJson(record)).toJson();
        verifyNowhere(recordJson, used.secretParts, "the request record");
        verifyNowhere(ActivityExport::toJson({ record }), used.secretParts, "the JSON export");
        verifyNowhere(ActivityExport::toCsv({ record }, {}), used.secretParts, "the CSV export");
        const auto generation = h().get(QStringLiteral("/api/v1/generation?id=%1").arg(record.id));
        QCOMPARE(generation.status, 200);
        verifyNowhere(generation.body, used.secretParts, "GET /api/v1/generation");
        activity.flush();
        const QByteArray database = filesIn(activityDirectory.path());
        QVERIFY(database.contains(record.id.toUtf8()));
        verifyNowhere(database, used.secretParts, "the activity database");
        QMutexLocker lock(&logMutex);
        QVERIFY(!logLines.isEmpty());
        verifyNowhere(logLines.join(u'\n').toUtf8(), used.secretParts, "the log");
    }

    void noSecretInAKeyTest_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<int>("status");
        for (const char* provider : { "openai", "anthropic", "gemini", "bedrock", "vertex" }) {
            QTest::addRow("%s, 401 page", provider) << QString::fromLatin1(provider) << 401;
            QTest::addRow("%s, 400 error", provider) << QString::fromLatin1(provider) << 400;
        }
    }

    void noSecretInAKeyTest()
    {
        QFETCH(QString, provider);
        QFETCH(int, status);
        const Kind used = kind(provider);
        h().fake().script(used.scriptKey, {},
            { .behaviour = Behaviour::EchoSecret, .status = status, .body = used.echoedExtra });
        const UpstreamTarget target { .providerId = provider,
            .baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(h().fake().port()),
            .secret = used.key.secret,
            .settings = used.key.settings };
        auto* tester = new KeyTester(target, this);
        QSignalSpy finished(tester, &KeyTester::finished);
        tester->start();
        QVERIFY(finished.wait(10'000));
        const auto result = finished.constFirst().constFirst().value<KeyTestResult>();
        QVERIFY(!h().fake().attempts().isEmpty());
        QVERIFY2(result.detail.contains(SecretRedactor::mark), "the quote is not in the result");
        verifyNowhere(result.detail.toUtf8(), used.secretParts, "the key test's result");
        QMutexLocker lock(&logMutex);
        verifyNowhere(logLines.join(u'\n').toUtf8(), used.secretParts, "the log");
    }
};

QTEST_GUILESS_MAIN(TestSecretRedaction)
#include "TestSecretRedaction.moc"
