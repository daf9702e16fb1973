#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/Store.h"
#include "router/access/LocalKeyToken.h"
#include "tests/support/FakeProvider.h"
#include "tests/support/OtherConnection.h"
#include "tests/support/TestData.h"
#include "tests/support/TestKeychain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString opt(const char* s)
{
    return QString::fromUtf8(s);
}

} // namespace

// The CLI end to end: the real binary as a separate process, the test session's keychain and a
// real database file.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;

    Run keyway(const QStringList& arguments, const QByteArray& input = {},
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        QProcessEnvironment env = environment;
        env.insert(QStringLiteral("KEYWAY_DATABASE"), m_database);
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("KEYWAY_BINARY"), arguments);
        process.write(input);
        process.closeWriteChannel();
        // The event loop runs meanwhile: a fake provider in this process must answer.
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000))
            qWarning() << "keyway did not finish:" << arguments;
        return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    }

    QJsonArray listJson(const QString& noun)
    {
        const Run run = keyway({ noun, opt("list"), opt("--json") });
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }

    // Everything the bad-input tests must find unchanged.
    QString state()
    {
        return QString::fromUtf8(QJsonDocument(listJson(opt("key"))).toJson())
            + QString::fromUtf8(QJsonDocument(listJson(opt("token"))).toJson())
            + QString::fromUtf8(QJsonDocument(listJson(opt("member"))).toJson())
            + QString::fromUtf8(QJsonDocument(listJson(opt("workspace"))).toJson())
            + TestKeychain::accounts().join(u'\n');
    }

    qint64 addKey(const QStringList& arguments, const QString& secret)
    {
        const Run run
            = keyway(QStringList { opt("key"), opt("add"), opt("--secret-stdin"), opt("--json") }
                    + arguments,
                secret.toUtf8());
        if (run.exitCode != 0)
            qWarning() << run.err;
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(opt("id")).toInteger();
    }

private slots:
    void init()
    {
        m_database = m_dir.filePath(QStringLiteral("%1-%2.db")
                                        .arg(QString::fromLatin1(QTest::currentTestFunction()),
                                            QString::fromLatin1(QTest::currentDataTag())));
    }

    void helpAndVersion()
    {
        Run run = keyway({ opt("--version") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(opt("keyway 0.")));
        run = keyway({ opt("--help") });
        QCOMPARE(run.exitCode, 0);
        for (const char* word : { "key add", "token create", "route explain", "member add",
                 "workspace add", "Exit codes" })
            QVERIFY2(run.out.contains(opt(word)), word);
        run = keyway({ opt("key"), opt("add"), opt("--help") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(opt("--secret-stdin")));
        QVERIFY(run.out.contains(opt("--region")));
        run = keyway({ opt("key") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(opt("move")));
        run = keyway({ opt("token"), opt("--help") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(opt("revoke")));
        run = keyway({ opt("frobnicate") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(opt("Unknown command")));
        QVERIFY(!QFileInfo::exists(m_database)); // help never touched the disk
    }

    void keyTestSaysWhatTheProviderThinksOfTheKey()
    {
        FakeProvider fake;
        const QString secret = opt("sk-live-") + TestData::randomText(40);
        const qint64 id = addKey({ opt("--provider"), opt("openai"), opt("--label"), opt("Fake"),
                                     opt("--base-url"), fake.baseUrl() },
            secret);
        QVERIFY(id > 0);
        Run run = keyway({ opt("key"), opt("test"), QString::number(id) });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(opt("Works")), qPrintable(run.out));
        // A list of models, with the key's own secret: nothing that costs tokens.
        QCOMPARE(fake.attempts().size(), 1);
        QCOMPARE(fake.attempts().constLast().path, QByteArray("/v1/models"));
        QCOMPARE(fake.attempts().constLast().key, secret.toUtf8());

        fake.script(secret.toUtf8(), {},
            { FakeProvider::Behaviour::Status, 401, {},
                R"({"error": {"message": "Incorrect API key provided: )" + secret.toUtf8()
                    + R"(.", "type": "invalid_request_error", "code": "invalid_api_key"}})" });
        run = keyway({ opt("key"), opt("test"), QString::number(id), opt("--json") });
        QCOMPARE(run.exitCode, 5);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(opt("result")).toString(), opt("invalid"));
        QCOMPARE(json.value(opt("http_status")).toInt(), 401);
        QVERIFY(json.value(opt("message")).toString().startsWith(opt("Incorrect API key")));
        QVERIFY(!run.out.contains(secret)); // the provider quoted it; Keyway does not

        fake.script(secret.toUtf8(), {}, { FakeProvider::Behaviour::Status, 429, {}, "{}" });
        run = keyway({ opt("key"), opt("test"), QString::number(id) });
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.out.startsWith(opt("Rate-limited")), qPrintable(run.out));

        // Nobody at the address.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QCOMPARE(keyway({ opt("key"), opt("edit"), QString::number(id), opt("--base-url"),
                            QStringLiteral("http://127.0.0.1:%1/v1").arg(port) })
                     .exitCode,
            0);
        run = keyway({ opt("key"), opt("test"), QString::number(id) });
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.out.startsWith(opt("Unreachable")), qPrintable(run.out));

        QCOMPARE(keyway({ opt("key"), opt("test"), opt("999") }).exitCode, 2);
    }

    void theCatalogTakesYourModelsAndAliases()
    {
        Run run = keyway({ opt("model"), opt("add"), opt("acme/rocket-1"), opt("--name"),
            opt("Rocket 1"), opt("--alias"), opt("rocket"), opt("--native"),
            opt("openai-compatible=rocket-1-0325"), opt("--context"), opt("32000"),
            opt("--input-price"), opt("1.5"), opt("--output-price"), opt("6") });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(addKey({ opt("--provider"), opt("openai-compatible"), opt("--label"), opt("Acme"),
                           opt("--base-url"), opt("https://api.acme.example/v1"),
                           opt("--served-models"), opt("rocket-1-0325") },
                    opt("acme-") + TestData::randomText(30))
            > 0);
        // A request may name it by its alias: the key's own id for it goes upstream.
        run = keyway({ opt("route"), opt("explain"), opt("--model"), opt("rocket") });
        QVERIFY2(run.out.contains(opt("Acme (openai-compatible, prioritized) → rocket-1-0325")),
            qPrintable(run.out));
        QCOMPARE(
            keyway({ opt("model"), opt("alias"), opt("boost"), opt("acme/rocket-1") }).exitCode, 0);
        run = keyway({ opt("model"), opt("list"), opt("--json") });
        QCOMPARE(run.exitCode, 0);
        QJsonObject rocket;
        for (const QJsonValue& model : QJsonDocument::fromJson(run.out.toUtf8()).array()) {
            if (model.toObject().value(opt("id")).toString() == u"acme/rocket-1")
                rocket = model.toObject();
        }
        QCOMPARE(rocket.value(opt("pricing")).toObject().value(opt("output")).toDouble(), 6.0);
        QCOMPARE(rocket.value(opt("aliases")).toArray(), (QJsonArray { "rocket", "boost" }));
        QVERIFY(keyway({ opt("model"), opt("list") }).out.contains(opt("acme/rocket-1")));

        // A name that already names another model, a bad price, an unknown model: refused.
        run = keyway({ opt("model"), opt("alias"), opt("gpt-4.1"), opt("acme/rocket-1") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(opt("openai/gpt-4.1")), qPrintable(run.err));
        QCOMPARE(
            keyway({ opt("model"), opt("add"), opt("acme/x"), opt("--input-price"), opt("cheap") })
                .exitCode,
            2);
        QCOMPARE(keyway({ opt("model"), opt("alias"), opt("y"), opt("nothing/here") }).exitCode, 2);
        QCOMPARE(keyway({ opt("model"), opt("remove"), opt("openai/gpt-4.1") }).exitCode, 2);

        QCOMPARE(keyway({ opt("model"), opt("remove"), opt("boost") }).exitCode, 0);
        QCOMPARE(keyway({ opt("model"), opt("remove"), opt("acme/rocket-1") }).exitCode, 0);
        run = keyway({ opt("route"), opt("explain"), opt("--model"), opt("rocket") });
        QVERIFY(!run.out.contains(opt("rocket-1-0325")));
    }

    void firstRunHasTheDefaults()
    {
        QCOMPARE(listJson(opt("member")).at(0).toObject().value(opt("name")).toString(), opt("me"));
        QCOMPARE(listJson(opt("workspace")).at(0).toObject().value(opt("name")).toString(),
            opt("Personal"));
    }

    void keysFromAddToRemove()
    {
        const QString openai = opt("sk-proj-") + TestData::randomText(48);
        const QString groq = opt("gsk_") + TestData::randomText(52);
        const QString router = opt("sk-or-v1-") + TestData::randomText(64);
        QCOMPARE(keyway({ opt("member"), opt("add"), opt("ci-bot") }).exitCode, 0);
        const Run token = keyway(
            { opt("token"), opt("create"), opt("--member"), opt("ci-bot"), opt("--json") });
        const qint64 tokenId
            = QJsonDocument::fromJson(token.out.toUtf8()).object().value(opt("id")).toInteger();
        QVERIFY(tokenId > 0);

        const qint64 a = addKey(
            { opt("--provider"), opt("openai"), opt("--label"), opt("Work OpenAI") }, openai);
        const qint64 b = addKey(
            { opt("--provider"), opt("openai-compatible"), opt("--label"), opt("Groq work"),
                opt("--tier"), opt("prioritized"), opt("--base-url"),
                opt("https://api.groq.com/openai/v1"), opt("--models"), opt("llama-*,mixtral-*"),
                opt("--members"), opt("me,ci-bot"), opt("--tokens"), QString::number(tokenId) },
            groq);
        const qint64 c = addKey(
            { opt("--provider"), opt("openrouter"), opt("--label"), opt("OpenRouter") }, router);
        QVERIFY(a > 0 && b > 0 && c > 0);

        Run list = keyway({ opt("key"), opt("list") });
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains(opt("sk-proj-…") + openai.right(4)));
        for (const QString& secret : { openai, groq, router }) {
            QVERIFY(!list.out.contains(secret));
            QVERIFY(!list.out.contains(secret.mid(10, 12)));
        }
        QJsonArray keys = listJson(opt("key"));
        QCOMPARE(keys.size(), 3);
        const QJsonObject groqJson = keys.at(1).toObject();
        QCOMPARE(groqJson.value(opt("label")).toString(), opt("Groq work"));
        QCOMPARE(groqJson.value(opt("base_url")).toString(), opt("https://api.groq.com/openai/v1"));
        const QJsonObject filters = groqJson.value(opt("filters")).toObject();
        QCOMPARE(filters.value(opt("models")).toArray(),
            QJsonArray({ opt("llama-*"), opt("mixtral-*") }));
        QCOMPARE(filters.value(opt("members")).toArray(), QJsonArray({ opt("me"), opt("ci-bot") }));
        QCOMPARE(filters.value(opt("local_keys")).toArray(), QJsonArray({ tokenId }));
        QCOMPARE(keys.at(2).toObject().value(opt("tier")).toString(), opt("shared"));

        // Move the first key to Fallback, then OpenRouter to the front of Prioritized.
        QCOMPARE(keyway({ opt("key"), opt("move"), QString::number(a), opt("--tier"),
                            opt("fallback"), opt("--position"), opt("0") })
                     .exitCode,
            0);
        QCOMPARE(keyway({ opt("key"), opt("move"), QString::number(c), opt("--tier"),
                            opt("prioritized"), opt("--position"), opt("0") })
                     .exitCode,
            0);
        keys = listJson(opt("key"));
        QStringList order;
        for (const QJsonValue& k : keys)
            order.append(k.toObject().value(opt("label")).toString() + u'@'
                + k.toObject().value(opt("tier")).toString()
                + QString::number(k.toObject().value(opt("position")).toInt()));
        QCOMPARE(order,
            QStringList({ opt("OpenRouter@prioritized0"), opt("Groq work@prioritized1"),
                opt("Work OpenAI@fallback0") }));

        const Run edit = keyway({ opt("key"), opt("edit"), QString::number(b), opt("--label"),
            opt("Groq"), opt("--models"), opt(""), opt("--disable") });
        QCOMPARE(edit.exitCode, 0);
        const QJsonObject edited = listJson(opt("key")).at(1).toObject();
        QCOMPARE(edited.value(opt("label")).toString(), opt("Groq"));
        QVERIFY(edited.value(opt("filters")).toObject().value(opt("models")).toArray().isEmpty());
        QCOMPARE(edited.value(opt("enabled")).toBool(), false);

        const QStringList accounts = TestKeychain::accounts();
        QCOMPARE(keyway({ opt("key"), opt("remove"), QString::number(a) }).exitCode, 0);
        QCOMPARE(TestKeychain::accounts().size(), accounts.size() - 1);
        QCOMPARE(listJson(opt("key")).size(), 2);
    }

    void tokensAreShownOnce()
    {
        const Run created = keyway({ opt("token"), opt("create"), opt("--name"), opt("aider") });
        QCOMPARE(created.exitCode, 0);
        const QString token = created.out.trimmed();
        QVERIFY(LocalKeyToken::isWellFormed(token));
        QVERIFY(created.err.contains(opt("only time")));
        const Run list = keyway({ opt("token"), opt("list") });
        QVERIFY(!list.out.contains(token));
        QVERIFY(list.out.contains(opt("kw-…") + token.right(4)));
        QVERIFY(list.out.contains(opt("active")));
        const Run reveal = keyway({ opt("token"), opt("reveal"), opt("1") });
        QCOMPARE(reveal.out.trimmed(), token);
        QCOMPARE(keyway({ opt("token"), opt("revoke"), opt("1") }).exitCode, 0);
        QVERIFY(keyway({ opt("token"), opt("list") }).out.contains(opt("revoked")));
        QCOMPARE(keyway({ opt("token"), opt("reveal"), opt("1") }).exitCode, 2);
    }

    void membersAndWorkspaces()
    {
        QCOMPARE(keyway({ opt("workspace"), opt("add"), opt("Acme prod") }).exitCode, 0);
        QCOMPARE(keyway({ opt("workspace"), opt("list") }).out.count(opt("Acme prod")), 1);
        QCOMPARE(keyway({ opt("member"), opt("add"), opt("alice") }).exitCode, 0);
        QCOMPARE(keyway({ opt("member"), opt("remove"), opt("alice") }).exitCode, 0);
        QCOMPARE(keyway({ opt("workspace"), opt("remove"), opt("Acme prod") }).exitCode, 0);
        const Run refused = keyway({ opt("member"), opt("remove"), opt("me") });
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(opt("default member")));
    }

    void promptsForTheSecretWithoutEcho_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("secret");
        QTest::newRow("prompt") << "--provider openai"
                                << opt("sk-typed-") + TestData::randomText(32);
        // --secret-stdin on a terminal would echo: it is asked for without echo as well.
        QTest::newRow("stdin is a terminal")
            << "--provider openai --secret-stdin" << opt("sk-typed-") + TestData::randomText(32);
        // A pasted service account spans lines; the prompt reads until its braces close.
        QTest::newRow("pasted service account")
            << "--provider vertex --region global" << TestData::serviceAccountJson();
    }

    void promptsForTheSecretWithoutEcho()
    {
        QFETCH(QString, options);
        QFETCH(QString, secret);
        // script(1) gives keyway a terminal; the secret is typed once the prompt is up.
        const QStringList accountsBefore = TestKeychain::accounts();
        QProcess terminal;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWAY_DATABASE"), m_database);
        terminal.setProcessEnvironment(env);
        terminal.setProcessChannelMode(QProcess::MergedChannels);
        const QString command = QStringLiteral("'%1' key add --label Typed %2")
                                    .arg(qEnvironmentVariable("KEYWAY_BINARY"), options);
        terminal.start(QStringLiteral("script"), { opt("-qec"), command, opt("/dev/null") });
        QByteArray screen;
        QTRY_VERIFY_WITH_TIMEOUT(
            (screen += terminal.readAll()).contains("Secret for Typed: "), 10000);
        terminal.write(QString(secret).replace(u'\n', u'\r').toUtf8() + "\r");
        QVERIFY(terminal.waitForFinished(20000));
        screen += terminal.readAll();
        QCOMPARE(terminal.exitCode(), 0);
        for (const QString& line : secret.split(u'\n')) {
            if (line.size() > 20)
                QVERIFY2(!screen.contains(line.toUtf8()), "the secret was echoed");
        }
        QVERIFY(screen.contains("Added key"));
        QCOMPARE(listJson(opt("key")).size(), 1);
        QStringList added = TestKeychain::accounts();
        for (const QString& account : accountsBefore)
            added.removeOne(account);
        QCOMPARE(added.size(), 1);
        QCOMPARE(TestKeychain::secret(added.first()), secret.trimmed());
    }

    void aProviderWithoutKeyNeedsNoSecret()
    {
        const Run run
            = keyway({ opt("key"), opt("add"), opt("--provider"), opt("openai-compatible"),
                         opt("--label"), opt("Ollama"), opt("--base-url"),
                         opt("http://127.0.0.1:11434/v1"), opt("--secret-stdin") },
                QByteArray());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(
            listJson(opt("key")).at(0).toObject().value(opt("secret")).toString(), opt("(no key)"));
        // The same with a provider that does need one is refused.
        QCOMPARE(keyway({ opt("key"), opt("add"), opt("--provider"), opt("openai"), opt("--label"),
                            opt("x"), opt("--secret-stdin") })
                     .exitCode,
            2);
        // The app layer names the field; the CLI says which of its flags that is.
        const Run withoutEndpoint = keyway({ opt("key"), opt("add"), opt("--provider"),
            opt("openai-compatible"), opt("--label"), opt("y"), opt("--secret-stdin") });
        QCOMPARE(withoutEndpoint.exitCode, 2);
        QVERIFY2(
            withoutEndpoint.err.contains(opt("(--base-url)")), qPrintable(withoutEndpoint.err));
    }

    void listingByProvider()
    {
        QVERIFY(addKey({ opt("--provider"), opt("openai"), opt("--label"), opt("o") },
                    opt("sk-") + TestData::randomText(30))
            > 0);
        QVERIFY(addKey({ opt("--provider"), opt("gemini"), opt("--label"), opt("g") },
                    opt("AIza") + TestData::randomText(35))
            > 0);
        const Run run
            = keyway({ opt("key"), opt("list"), opt("--provider"), opt("OpenAI"), opt("--json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonArray keys = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(keys.size(), 1);
        QCOMPARE(keys.at(0).toObject().value(opt("label")).toString(), opt("o"));
        QCOMPARE(keyway({ opt("key"), opt("list"), opt("--check") }).exitCode, 0);
    }

    void plainHttpGoesOnlyToThisComputerOrAPrivateNetwork()
    {
        const QStringList publicEndpoint { opt("key"), opt("add"), opt("--provider"),
            opt("openai-compatible"), opt("--label"), opt("Public"), opt("--secret-stdin"),
            opt("--base-url") };
        Run run = keyway(publicEndpoint + QStringList { opt("http://8.8.8.8/v1") },
            "ollama-" + TestData::randomText(24).toUtf8());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(opt("8.8.8.8 is a public address")), qPrintable(run.err));
        run = keyway(publicEndpoint + QStringList { opt("http://some-name.invalid/v1") },
            "ollama-" + TestData::randomText(24).toUtf8());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(opt("never resolves")), qPrintable(run.err));
        QVERIFY(listJson(opt("key")).isEmpty());

        const qint64 old
            = addKey({ opt("--provider"), opt("openai-compatible"), opt("--label"), opt("Old"),
                         opt("--base-url"), opt("http://127.0.0.1:11434/v1") },
                opt("ollama-") + TestData::randomText(24));
        QVERIFY(old > 0);
        QVERIFY(addKey({ opt("--provider"), opt("openai-compatible"), opt("--label"), opt("Local"),
                           opt("--base-url"), opt("http://localhost:11434/v1") },
                    opt("ollama-") + TestData::randomText(24))
            > 0);
        {
            // As an older version saved it, or an edit of the database left it.
            Store store;
            QVERIFY(store.open(m_database));
            ProviderKey key = *store.keys().byId(old);
            key.baseUrl = opt("http://203.0.113.5/v1");
            QVERIFY(store.keys().update(key));
        }
        const QJsonArray keys = listJson(opt("key"));
        QVERIFY2(keys.at(0)
                     .toObject()
                     .value(opt("endpoint_refused"))
                     .toString()
                     .contains(opt("203.0.113.5 is a public address")),
            qPrintable(QString::fromUtf8(QJsonDocument(keys).toJson())));
        QVERIFY(keys.at(1).toObject().value(opt("endpoint_refused")).isNull());
        run = keyway({ opt("key"), opt("list") });
        QVERIFY2(run.out.contains(opt("plain HTTP refused")), qPrintable(run.out));

        run = keyway(
            { opt("route"), opt("explain"), opt("--model"), opt("llama3"), opt("--json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject plan = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray attempts = plan.value(opt("attempts")).toArray();
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).toObject().value(opt("label")).toString(), opt("Local"));
        const QJsonObject excluded = plan.value(opt("excluded")).toArray().at(0).toObject();
        QCOMPARE(excluded.value(opt("label")).toString(), opt("Old"));
        QVERIFY2(excluded.value(opt("reason")).toString().contains(opt("endpoint is refused")),
            qPrintable(excluded.value(opt("reason")).toString()));
    }

    void routeExplainShowsThePlanAndTheReasons()
    {
        QVERIFY(
            addKey({ opt("--provider"), opt("openai"), opt("--label"), opt("Own"), opt("--models"),
                       opt("gpt-4*"), opt("--shared-capacity"), opt("never-for-models") },
                opt("sk-") + TestData::randomText(30))
            > 0);
        QVERIFY(addKey({ opt("--provider"), opt("openrouter"), opt("--label"), opt("Shared") },
                    opt("sk-or-v1-") + TestData::randomText(40))
            > 0);
        QVERIFY(addKey({ opt("--provider"), opt("anthropic"), opt("--label"), opt("Claude"),
                           opt("--tier"), opt("fallback") },
                    opt("sk-ant-api03-") + TestData::randomText(40))
            > 0);
        Run run = keyway(
            { opt("route"), opt("explain"), opt("--model"), opt("gpt-4.1"), opt("--json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject plan = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray attempts = plan.value(opt("attempts")).toArray();
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).toObject().value(opt("label")).toString(), opt("Own"));
        const QJsonArray excluded = plan.value(opt("excluded")).toArray();
        QCOMPARE(excluded.size(), 2);
        QCOMPARE(excluded.at(0).toObject().value(opt("reason")).toString(),
            opt("shared capacity forbidden by \"Own\""));
        run = keyway({ opt("route"), opt("explain"), opt("--model"), opt("claude-opus-4-8") });
        QVERIFY2(run.out.contains(opt("1. Shared (openrouter, shared)")), qPrintable(run.out));
        QVERIFY(run.out.contains(opt("2. Claude (anthropic, fallback) → claude-opus-4-8")));
        QCOMPARE(keyway({ opt("route"), opt("explain"), opt("--model"), opt("x"), opt("--member"),
                            opt("ghost") })
                     .exitCode,
            2);
        QCOMPARE(keyway({ opt("route"), opt("explain") }).exitCode, 2);
    }

    void settingsAreStoredAndChecked()
    {
        QCOMPARE(keyway({ opt("settings"), opt("set"), opt("port"), opt("9000") }).exitCode, 0);
        QCOMPARE(keyway({ opt("settings"), opt("get"), opt("port") }).out.trimmed(), opt("9000"));
        const Run refused = keyway({ opt("settings"), opt("set"), opt("port"), opt("99999") });
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(opt("from 0 to 65535")));
        const Run exposed
            = keyway({ opt("settings"), opt("set"), opt("bind-address"), opt("0.0.0.0") });
        QCOMPARE(exposed.exitCode, 0);
        QVERIFY(exposed.err.contains(opt("from the network")));
        QCOMPARE(keyway({ opt("settings"), opt("reset"), opt("port") }).exitCode, 0);
        const QJsonArray all = QJsonDocument::fromJson(
            keyway({ opt("settings"), opt("list"), opt("--json") }).out.toUtf8())
                                   .array();
        QCOMPARE(all.at(0).toObject().value(opt("value")).toString(), opt("4141"));
        QCOMPARE(all.at(1).toObject().value(opt("value")).toString(), opt("0.0.0.0"));
    }

    void manyFirstRunsAtOnce()
    {
        // Several processes meet a new database file together; each must find it usable.
        QList<QProcess*> processes;
        for (int i = 0; i < 12; ++i) {
            auto* process = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("KEYWAY_DATABASE"), m_database);
            process->setProcessEnvironment(env);
            process->start(qEnvironmentVariable("KEYWAY_BINARY"),
                { opt("member"), opt("add"), opt("m%1").arg(i) });
            processes.append(process);
        }
        for (QProcess* process : processes) {
            QVERIFY(process->waitForFinished(30000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        QCOMPARE(listJson(opt("member")).size(), 13);
        qDeleteAll(processes);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mentioned");
        const QString secret = opt("sk-") + TestData::randomText(40);
        const auto add = [](const QStringList& more) {
            return QStringList { opt("key"), opt("add"), opt("--secret-stdin") } + more;
        };
        QTest::newRow("unknown provider")
            << add({ opt("--provider"), opt("opnai"), opt("--label"), opt("x") }) << secret
            << "Unknown provider";
        QTest::newRow("no provider")
            << add({ opt("--label"), opt("x") }) << secret << "--provider is required";
        QTest::newRow("empty label")
            << add({ opt("--provider"), opt("openai"), opt("--label"), opt("") }) << secret
            << "label is empty";
        QTest::newRow("duplicate label")
            << add({ opt("--provider"), opt("openai"), opt("--label"), opt("existing") }) << secret
            << "already exists";
        QTest::newRow("malformed glob") << add({ opt("--provider"), opt("openai"), opt("--label"),
            opt("x"), opt("--models"), opt("gpt-[4]") })
                                        << secret << "\"[\"";
        QTest::newRow("unknown member") << add({ opt("--provider"), opt("openai"), opt("--label"),
            opt("x"), opt("--members"), opt("me,nobody") })
                                        << secret << "nobody";
        QTest::newRow("unknown workspace") << add({ opt("--provider"), opt("openai"),
            opt("--label"), opt("x"), opt("--workspace"), opt("Nowhere") })
                                           << secret << "Nowhere";
        QTest::newRow("unknown option") << add({ opt("--provider"), opt("openai"), opt("--label"),
            opt("x"), opt("--colour"), opt("red") })
                                        << secret << "colour";
        QTest::newRow("secret as argument") << QStringList { opt("key"), opt("add"),
            opt("--provider"), opt("openai"), opt("--label"), opt("x"), secret }
                                            << QString() << "never taken from the command line";
        QTest::newRow("no secret, no terminal") << QStringList { opt("key"), opt("add"),
            opt("--provider"), opt("openai"), opt("--label"), opt("x") }
                                                << QString() << "--secret-stdin";
        QTest::newRow("empty stdin")
            << add({ opt("--provider"), opt("openai"), opt("--label"), opt("x") }) << QString()
            << "no secret";
        QTest::newRow("bad tier") << add({ opt("--provider"), opt("openai"), opt("--label"),
            opt("x"), opt("--tier"), opt("gold") })
                                  << secret << "--tier";
        QTest::newRow("move to nowhere") << QStringList { opt("key"), opt("move"), opt("1"),
            opt("--tier"), opt("fallback"), opt("--position"), opt("9") }
                                         << QString() << "out of range";
        QTest::newRow("move unknown key")
            << QStringList { opt("key"), opt("move"), opt("99"), opt("--tier"), opt("fallback") }
            << QString() << "no provider key with id 99";
        QTest::newRow("remove unknown key")
            << QStringList { opt("key"), opt("remove"), opt("99") } << QString() << "99";
        QTest::newRow("id not a number")
            << QStringList { opt("key"), opt("remove"), opt("first") } << QString() << "id";
        QTest::newRow("edit moves nothing")
            << QStringList { opt("key"), opt("edit"), opt("1"), opt("--tier"), opt("fallback") }
            << QString() << "key move";
        QTest::newRow("token for unknown member")
            << QStringList { opt("token"), opt("create"), opt("--member"), opt("ghost") }
            << QString() << "ghost";
        QTest::newRow("list unknown provider")
            << QStringList { opt("key"), opt("list"), opt("--provider"), opt("nope") } << QString()
            << "Unknown provider";
        QTest::newRow("bad resource") << add({ opt("--provider"), opt("azure"), opt("--label"),
            opt("x"), opt("--resource"), opt("evil.example/") })
                                      << secret << "evil.example/";
        QTest::newRow("bad member name")
            << QStringList { opt("member"), opt("add"), opt("two words") } << QString()
            << "may use only";
        QTest::newRow("duplicate workspace") << QStringList { opt("workspace"), opt("add"),
            opt("personal") } << QString() << "already exists";
    }

    void badInputChangesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, input);
        QFETCH(QString, mentioned);
        QCOMPARE(addKey({ opt("--provider"), opt("openai"), opt("--label"), opt("existing") },
                     opt("sk-") + TestData::randomText(40)),
            1);
        const QString before = state();
        const Run run = keyway(arguments, input.toUtf8());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mentioned, Qt::CaseInsensitive), qPrintable(run.err));
        QVERIFY(input.isEmpty() || !(run.err + run.out).contains(input));
        QCOMPARE(state(), before);
        QFile::remove(m_database); // each row starts afresh
    }

    void anUnreadableDatabaseIsRefused()
    {
        QFile file(m_database);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray garbage
            = "This is not SQLite at all. " + TestData::randomText(4000).toUtf8();
        file.write(garbage);
        file.close();
        const QStringList accounts = TestKeychain::accounts();
        const Run run = keyway({ opt("key"), opt("add"), opt("--provider"), opt("openai"),
                                   opt("--label"), opt("x"), opt("--secret-stdin") },
            "sk-abcdefghijklmnop");
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(opt("not a Keyway database")), qPrintable(run.err));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
        QCOMPARE(TestKeychain::accounts(), accounts);
        const Run empty = keyway({ opt("--database="), opt("member"), opt("list") });
        QCOMPARE(empty.exitCode, 3);
        QVERIFY2(empty.err.contains(opt("No database file")), qPrintable(empty.err));
    }

    void aLockedDatabaseIsAClearFailure()
    {
        QCOMPARE(keyway({ opt("member"), opt("list") }).exitCode, 0);
        const QStringList accounts = TestKeychain::accounts();
        {
            OtherConnection locker(m_database);
            QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            const Run run = keyway({ opt("key"), opt("add"), opt("--provider"), opt("openai"),
                                       opt("--label"), opt("x"), opt("--secret-stdin") },
                "sk-abcdefghijklmnop");
            QCOMPARE(run.exitCode, 3);
            QVERIFY2(run.err.contains(opt("locked by another program")), qPrintable(run.err));
        }
        QCOMPARE(TestKeychain::accounts(), accounts);
        QVERIFY(listJson(opt("key")).isEmpty());
    }

    void noKeychainIsAClearFailure()
    {
        QCOMPARE(keyway({ opt("member"), opt("list") }).exitCode, 0);
        QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
        noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=/nonexistent/keyway-bus"));
        const Run run = keyway({ opt("key"), opt("add"), opt("--provider"), opt("openai"),
                                   opt("--label"), opt("x"), opt("--secret-stdin") },
            "sk-abcdefghijklmnop", noBus);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(opt("No keychain is reachable")), qPrintable(run.err));
        QVERIFY(listJson(opt("key")).isEmpty());
        // Listing still works without a keychain, with a warning.
        const Run list = keyway({ opt("key"), opt("list") }, {}, noBus);
        QCOMPARE(list.exitCode, 0);
    }

    void theAppNoticesChangesFromTheCli()
    {
        Store app;
        QVERIFY(app.open(m_database));
        QSignalSpy spy(&app, &Store::changed);
        QCOMPARE(keyway({ opt("member"), opt("add"), opt("bob") }).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() >= 1, 1000);
        QVERIFY(app.access().memberByName(opt("bob")));
    }

    // Last: it locks the test session's keychain for good.
    void aLockedKeychainIsAClearFailure()
    {
        QCOMPARE(addKey({ opt("--provider"), opt("openai"), opt("--label"), opt("before") },
                     opt("sk-") + TestData::randomText(40)),
            1);
        QVERIFY(TestKeychain::lockLoginCollection());
        const QString before = QString::fromUtf8(QJsonDocument(listJson(opt("key"))).toJson());
        const Run run = keyway({ opt("token"), opt("create") });
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(opt("Unlock")), qPrintable(run.err));
        QVERIFY(listJson(opt("token")).isEmpty());
        const Run remove = keyway({ opt("key"), opt("remove"), opt("1") });
        QCOMPARE(remove.exitCode, 4);
        QCOMPARE(QString::fromUtf8(QJsonDocument(listJson(opt("key"))).toJson()), before);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
