#include "app/AwaitTask.h"
#include "app/access/TokenService.h"
#include "app/keys/KeyService.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/Store.h"
#include "app/vault/Vault.h"
#include "router/http/PlainHttpRule.h"
#include "tests/support/OtherConnection.h"
#include "tests/support/TestData.h"
#include "tests/support/TestKeychain.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

KeyFields labelled(const QString& label)
{
    KeyFields fields;
    fields.label = label;
    return fields;
}

} // namespace

// Provider keys through the service: the real keychain of the test session and a real SQLite file.
class TestKeyService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Vault m_vault;
    std::unique_ptr<KeyService> m_keys;
    QString m_path;

    ProviderKey add(
        const char* provider, const QString& label, const QString& secret, KeyFields fields = {})
    {
        fields.label = label;
        auto added = awaitTask(m_keys->addKey(QLatin1StringView(provider), fields, secret));
        if (!added)
            qWarning() << added.failure().message;
        return added ? *added : ProviderKey();
    }

    QString databaseSnapshot()
    {
        // Everything a person could change, in a stable text form.
        QString snapshot;
        const auto keys = m_store->keys().all();
        const auto members = m_store->access().members();
        for (const ProviderKey& k : *keys)
            snapshot += QStringLiteral("%1|%2|%3|%4|%5|%6\n")
                            .arg(k.id)
                            .arg(k.label, k.secretRef, tierId(k.tier))
                            .arg(k.position)
                            .arg(k.filters.modelPatterns.join(u','));
        for (const Member& m : *members)
            snapshot += m.name + u'\n';
        return snapshot;
    }

private slots:
    void init()
    {
        m_path
            = m_dir.filePath(QStringLiteral("k%1.db").arg(QRandomGenerator::global()->generate()));
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_path));
        m_keys = std::make_unique<KeyService>(*m_store, m_vault);
    }

    void cleanup()
    {
        m_keys.reset();
        m_store.reset();
    }

    void addWritesTheSecretAndTheMetadata()
    {
        const QString secret = QStringLiteral("sk-proj-") + TestData::randomText(40);
        const ProviderKey key = add("openai", QStringLiteral("Work OpenAI"), secret);
        QVERIFY(key.id > 0);
        QVERIFY(key.secretRef.startsWith(KeyService::secretRefPrefix()));
        QCOMPARE(TestKeychain::secret(key.secretRef), secret);
        QCOMPARE(key.secretHint, QStringLiteral("sk-proj-…") + secret.right(4));
        QCOMPARE(key.tier, Tier::Prioritized);
        QCOMPARE(m_store->access().workspaceByName(QStringLiteral("Personal"))->id,
            key.workspaceId.value_or(-1));
        QCOMPARE(*awaitTask(m_keys->readSecret(key.id)), secret);
        const ProviderKey router = add("openrouter", QStringLiteral("OpenRouter"),
            QStringLiteral("sk-or-v1-") + TestData::randomText(40));
        QCOMPARE(router.tier, Tier::SharedCapacity);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("mentioned");
        const QString good = QStringLiteral("sk-") + TestData::randomText(30);
        QTest::newRow("unknown provider") << "opnai"
                                          << "x"
                                          << ""
                                          << "" << good << "Unknown provider";
        QTest::newRow("empty label") << "openai"
                                     << ""
                                     << ""
                                     << "" << good << "label is empty";
        QTest::newRow("duplicate label") << "openai"
                                         << "existing"
                                         << ""
                                         << "" << good << "already exists";
        QTest::newRow("duplicate label, other case") << "openai"
                                                     << "EXISTING"
                                                     << ""
                                                     << "" << good << "already exists";
        QTest::newRow("malformed glob") << "openai"
                                        << "x"
                                        << "models"
                                        << "llama-[" << good << "\"[\"";
        QTest::newRow("unknown member") << "openai"
                                        << "x"
                                        << "members"
                                        << "nobody" << good << "nobody";
        QTest::newRow("unknown workspace") << "openai"
                                           << "x"
                                           << "workspace"
                                           << "Nowhere" << good << "Nowhere";
        QTest::newRow("unknown token") << "openai"
                                       << "x"
                                       << "tokens"
                                       << "77" << good << "77";
        QTest::newRow("compatible without url") << "openai-compatible"
                                                << "x"
                                                << ""
                                                << "" << good << "endpoint";
        QTest::newRow("url with password") << "openai-compatible"
                                           << "x"
                                           << "base-url"
                                           << "https://u:p@example.test/v1" << good << "password";
        QTest::newRow("plain http to a public address")
            << "openai-compatible"
            << "x"
            << "base-url"
            << "http://8.8.8.8/v1" << good << "8.8.8.8 is a public address";
        QTest::newRow("plain http to a name that never resolves")
            << "openai-compatible"
            << "x"
            << "base-url"
            << "http://some-name.invalid/v1" << good << "never resolves";
        QTest::newRow("url not http") << "openai-compatible"
                                      << "x"
                                      << "base-url"
                                      << "ftp://example.test" << good << "https://";
        QTest::newRow("ca file missing") << "openai-compatible"
                                         << "x"
                                         << "ca-file"
                                         << "/nonexistent.pem" << good << "CA file";
        QTest::newRow("bedrock without region") << "bedrock"
                                                << "x"
                                                << ""
                                                << "" << good << "Region";
        QTest::newRow("bad region") << "bedrock"
                                    << "x"
                                    << "region"
                                    << "Mars North" << good << "region";
        QTest::newRow("setting of another provider") << "openai"
                                                     << "x"
                                                     << "region"
                                                     << "us-east-1" << good << "does not apply";
        QTest::newRow("resource that leaves the host")
            << "azure"
            << "x"
            << "resource"
            << "evil.example/" << good << "evil.example/";
        QTest::newRow("vertex project not a GCP id") << "vertex"
                                                     << "x"
                                                     << "project"
                                                     << "My Project" << good << "My Project";
        QTest::newRow("deployment with a slash") << "azure"
                                                 << "x"
                                                 << "deployments"
                                                 << "gpt-4o,../admin" << good << "../admin";
        QTest::newRow("vertex without region") << "vertex"
                                               << "x"
                                               << ""
                                               << "" << good << "Region";
        QTest::newRow("azure without resource") << "azure"
                                                << "x"
                                                << ""
                                                << "" << good << "Resource name";
        QTest::newRow("forbidding shared, not prioritized")
            << "openrouter"
            << "x"
            << "shared"
            << "never-for-provider" << good << "Prioritized";
        QTest::newRow("secret with spaces") << "openai"
                                            << "x"
                                            << ""
                                            << ""
                                            << "sk-one sk-two"
                                            << "single word";
        QTest::newRow("empty secret") << "anthropic"
                                      << "x"
                                      << ""
                                      << ""
                                      << ""
                                      << "empty";
        QTest::newRow("broken aws json") << "bedrock"
                                         << "x"
                                         << "region"
                                         << "us-east-1"
                                         << "{\"access_key_id\":1"
                                         << "secret_access_key";
    }

    void plainHttpOnlyGoesToThisComputerOrAPrivateNetwork()
    {
        const QString secret = QStringLiteral("ollama-") + TestData::randomText(24);
        KeyFields loopback;
        loopback.baseUrl = QStringLiteral("http://127.0.0.1:11434/v1");
        const ProviderKey local
            = add("openai-compatible", QStringLiteral("Loopback"), secret, loopback);
        QVERIFY(local.id > 0);
        KeyFields named;
        named.baseUrl = QStringLiteral("http://localhost:11434/v1");
        QVERIFY(add("openai-compatible", QStringLiteral("Localhost"), secret, named).id > 0);

        KeyFields toPublic = labelled(QStringLiteral("Public"));
        toPublic.baseUrl = QStringLiteral("http://8.8.8.8/v1");
        const auto refused
            = awaitTask(m_keys->addKey(QStringLiteral("openai-compatible"), toPublic, secret));
        QVERIFY(!refused);
        QCOMPARE(refused.failure().field, QStringLiteral("base_url")); // said beside the field
        // Nor may a key be moved there, or a test send its secret there.
        KeyFields moved;
        moved.baseUrl = QStringLiteral("http://203.0.113.5/v1");
        const auto edited = awaitTask(m_keys->editKey(local.id, moved, std::nullopt));
        QVERIFY(!edited);
        QVERIFY2(edited.failure().message.contains(u"203.0.113.5"),
            qPrintable(edited.failure().message));
        QCOMPARE(m_store->keys().byId(local.id)->baseUrl, loopback.baseUrl);
        QVERIFY(!awaitTask(m_keys->testTarget(
            std::nullopt, QStringLiteral("openai-compatible"), toPublic, secret)));

        // What a name resolves to is asked without blocking; .invalid never resolves.
        const auto unresolved
            = awaitTask(m_keys->checkEndpointHost(QStringLiteral("http://some-name.invalid/v1")));
        QVERIFY(!unresolved);
        QCOMPARE(unresolved.failure().field, QStringLiteral("base_url"));
        QVERIFY(awaitTask(m_keys->checkEndpointHost(QStringLiteral("http://localhost/v1"))));
        QVERIFY(awaitTask(m_keys->checkEndpointHost(QStringLiteral("https://8.8.8.8/v1"))));
    }

    void aNameIsLookedUpAndCountsByItsAddresses()
    {
        // A name the hosts file maps to loopback resolves without a DNS query, when the system
        // reads that file first; otherwise there is nothing to look up without traffic.
        QFile nsswitch(QStringLiteral("/etc/nsswitch.conf"));
        QFile hosts(QStringLiteral("/etc/hosts"));
        if (!nsswitch.open(QIODevice::ReadOnly) || !hosts.open(QIODevice::ReadOnly)
            || !QString::fromUtf8(nsswitch.readAll())
                    .contains(QRegularExpression(QStringLiteral("(?m)^hosts:\\s+files"))))
            QSKIP("the hosts file is not read before DNS here");
        QString name;
        for (const QByteArray& line : hosts.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() >= 2 && fields[0].startsWith("127.")
                && !fields[1].contains("localhost"))
                name = QString::fromLatin1(fields[1]);
        }
        if (name.isEmpty())
            QSKIP("the hosts file names no loopback host besides localhost");
        const QString url = QStringLiteral("http://%1:11434/v1").arg(name);
        QCOMPARE(*PlainHttpRule::check(QUrl(url)), PlainHttpRule::Verdict::DependsOnAddresses);
        const auto checked = awaitTask(m_keys->checkEndpointHost(url));
        QVERIFY2(checked, qPrintable(checked ? QString() : checked.failure().message));
    }

    void aStoredKeyThatBreaksTheRuleIsNamedUntilItsEndpointIsFixed()
    {
        KeyFields loopback;
        loopback.baseUrl = QStringLiteral("http://127.0.0.1:11434/v1");
        ProviderKey key = add("openai-compatible", QStringLiteral("Old"),
            QStringLiteral("ollama-") + TestData::randomText(24), loopback);
        QVERIFY(!KeyService::endpointRefusal(key));
        // As an older version saved it, or an edit of the database left it.
        key.baseUrl = QStringLiteral("http://203.0.113.5/v1");
        QVERIFY(m_store->keys().update(key));
        const std::optional<QString> refusal
            = KeyService::endpointRefusal(*m_store->keys().byId(key.id));
        QVERIFY(refusal);
        QVERIFY2(refusal->contains(u"203.0.113.5 is a public address"), qPrintable(*refusal));

        KeyFields off;
        off.enabled = false;
        QVERIFY(awaitTask(m_keys->editKey(key.id, off, std::nullopt))); // its endpoint untouched
        KeyFields same;
        same.baseUrl = key.baseUrl;
        QVERIFY(!awaitTask(m_keys->editKey(key.id, same, std::nullopt)));
        KeyFields fixed;
        fixed.baseUrl = QStringLiteral("https://203.0.113.5/v1");
        QVERIFY(awaitTask(m_keys->editKey(key.id, fixed, std::nullopt)));
        QVERIFY(!KeyService::endpointRefusal(*m_store->keys().byId(key.id)));
    }

    void badInputChangesNothing()
    {
        QFETCH(QString, provider);
        QFETCH(QString, label);
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, secret);
        QFETCH(QString, mentioned);
        add("openai", QStringLiteral("existing"), QStringLiteral("sk-") + TestData::randomText(30));
        const QString before = databaseSnapshot();
        const QStringList accountsBefore = TestKeychain::accounts();

        KeyFields fields = labelled(label);
        if (option == u"models")
            fields.modelPatterns = QStringList { value };
        else if (option == u"members")
            fields.memberNames = QStringList { value };
        else if (option == u"workspace")
            fields.workspace = value;
        else if (option == u"tokens")
            fields.localKeyIds = QList<qint64> { value.toLongLong() };
        else if (option == u"base-url")
            fields.baseUrl = value;
        else if (option == u"ca-file") {
            fields.baseUrl = QStringLiteral("https://gateway.test/v1");
            fields.caFile = value;
        } else if (option == u"shared")
            fields.sharedCapacity = sharedCapacityPolicyFromId(value);
        else if (!option.isEmpty())
            fields.settings.insert(option, value);

        const auto added = awaitTask(m_keys->addKey(provider, fields, secret));
        QVERIFY(!added);
        QCOMPARE(added.failure().kind, FailureKind::InvalidInput);
        QVERIFY2(added.failure().message.contains(mentioned), qPrintable(added.failure().message));
        QVERIFY(secret.isEmpty() || !added.failure().message.contains(secret));
        // The window shows these too: they name the field, never a command-line flag.
        QVERIFY2(!added.failure().message.contains(QStringLiteral("--")),
            qPrintable(added.failure().message));
        QCOMPARE(databaseSnapshot(), before);
        QCOMPARE(TestKeychain::accounts(), accountsBefore);
    }

    void aLockedDatabaseLeavesNoSecretBehind()
    {
        const QStringList accountsBefore = TestKeychain::accounts();
        {
            OtherConnection locker(m_path);
            // The label check reads before the write; a reserved lock lets reads through and
            // blocks the insert.
            QVERIFY(locker.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(
                locker.exec(QStringLiteral("INSERT INTO members (name) VALUES ('lockholder')")));
            const auto added = awaitTask(
                m_keys->addKey(QStringLiteral("openai"), labelled(QStringLiteral("blocked")),
                    QStringLiteral("sk-") + TestData::randomText(30)));
            QVERIFY(!added);
            QCOMPARE(added.failure().kind, FailureKind::Database);
        }
        QCOMPARE(TestKeychain::accounts(), accountsBefore);
        QVERIFY(m_store->keys().all()->isEmpty());
    }

    void removeTakesOutBoth()
    {
        const ProviderKey a = add("anthropic", QStringLiteral("A"),
            QStringLiteral("sk-ant-api03-") + TestData::randomText(40));
        const ProviderKey b = add("anthropic", QStringLiteral("B"),
            QStringLiteral("sk-ant-api03-") + TestData::randomText(40));
        QVERIFY(awaitTask(m_keys->removeKey(a.id)));
        QVERIFY(!TestKeychain::accounts().contains(a.secretRef));
        QVERIFY(TestKeychain::accounts().contains(b.secretRef));
        QCOMPARE(m_store->keys().all()->size(), 1);
        QCOMPARE(m_store->keys().byId(b.id)->position, 0);
        QCOMPARE(awaitTask(m_keys->removeKey(a.id)).failure().kind, FailureKind::NotFound);
    }

    void editReplacesTheSecretUnderANewEntry()
    {
        const ProviderKey key = add(
            "gemini", QStringLiteral("Gemini"), QStringLiteral("AIza") + TestData::randomText(35));
        const QString fresh = QStringLiteral("AIza") + TestData::randomText(35);
        KeyFields fields;
        fields.modelPatterns = QStringList { QStringLiteral("gemini-2.5-*") };
        const auto edited = awaitTask(m_keys->editKey(key.id, fields, fresh));
        QVERIFY(edited);
        QVERIFY(edited->secretRef != key.secretRef);
        QCOMPARE(TestKeychain::secret(edited->secretRef), fresh);
        QVERIFY(!TestKeychain::accounts().contains(key.secretRef));
        QCOMPARE(edited->filters.modelPatterns, QStringList { QStringLiteral("gemini-2.5-*") });
        QCOMPARE(edited->secretHint, QStringLiteral("AIza…") + fresh.right(4));

        // Without a new secret the entry stays.
        const auto renamed = awaitTask(
            m_keys->editKey(key.id, labelled(QStringLiteral("Gemini 2")), std::nullopt));
        QVERIFY(renamed);
        QCOMPARE(renamed->secretRef, edited->secretRef);
        QCOMPARE(renamed->label, QStringLiteral("Gemini 2"));
    }

    void editRejectsWhatAddRejects()
    {
        const ProviderKey a
            = add("openai", QStringLiteral("A"), QStringLiteral("sk-") + TestData::randomText(30));
        add("openai", QStringLiteral("B"), QStringLiteral("sk-") + TestData::randomText(30));
        QCOMPARE(awaitTask(m_keys->editKey(a.id, labelled(QStringLiteral("b")), std::nullopt))
                     .failure()
                     .kind,
            FailureKind::InvalidInput);
        QVERIFY(m_store->keys().move(a.id, Tier::Fallback, 0));
        KeyFields pin;
        pin.sharedCapacity = SharedCapacityPolicy::NeverForMatchingModels;
        QVERIFY(awaitTask(m_keys->editKey(a.id, pin, std::nullopt))
                    .failure()
                    .message.contains(QStringLiteral("Prioritized")));
        QCOMPARE(m_store->keys().byId(a.id)->label, QStringLiteral("A"));
        QCOMPARE(awaitTask(m_keys->editKey(999, pin, std::nullopt)).failure().kind,
            FailureKind::NotFound);
    }

    void anEditMeanwhileIsNotOverwritten()
    {
        const ProviderKey key = add(
            "openai", QStringLiteral("Raced"), QStringLiteral("sk-") + TestData::randomText(30));
        // The edit waits for the keychain; another edit lands in that time.
        QCoro::Task<Result<ProviderKey>> slow = m_keys->editKey(key.id,
            labelled(QStringLiteral("Slow")), QStringLiteral("sk-") + TestData::randomText(30));
        QTest::qWait(5); // keep updated_at apart at millisecond precision
        ProviderKey other = *m_store->keys().byId(key.id);
        other.label = QStringLiteral("Quick");
        QVERIFY(m_store->keys().update(other));
        const QStringList accountsBefore = TestKeychain::accounts();
        const auto result = awaitTask(std::move(slow));
        QVERIFY(!result);
        QCOMPARE(result.failure().kind, FailureKind::Conflict);
        QCOMPARE(m_store->keys().byId(key.id)->label, QStringLiteral("Quick"));
        QCOMPARE(m_store->keys().byId(key.id)->secretRef, key.secretRef);
        QVERIFY(TestKeychain::accounts().size()
            <= accountsBefore.size()); // its new secret is gone again
        QVERIFY(TestKeychain::accounts().contains(key.secretRef));
    }

    void localKeyFiltersStayInTheKeysWorkspace()
    {
        TokenService tokens(*m_store, m_vault);
        const auto personalToken = awaitTask(tokens.create({}, {}, {}));
        QVERIFY(personalToken);
        QVERIFY(m_store->access().insertWorkspace(QStringLiteral("Acme")));
        KeyFields fields;
        fields.localKeyIds = QList<qint64> { personalToken->localKey.id };
        const ProviderKey key = add("openai", QStringLiteral("Scoped"),
            QStringLiteral("sk-") + TestData::randomText(30), fields);
        QVERIFY(key.id > 0);
        KeyFields move;
        move.workspace = QStringLiteral("Acme");
        const auto edited = awaitTask(m_keys->editKey(key.id, move, std::nullopt));
        QVERIFY(!edited);
        QVERIFY(edited.failure().message.contains(QStringLiteral("another workspace")));
    }

    void missingSecretsAreFlaggedNotDropped()
    {
        const QString secret = QStringLiteral("sk-") + TestData::randomText(30);
        const ProviderKey key = add("openai", QStringLiteral("Flagged"), secret);
        add("openai", QStringLiteral("Fine"), QStringLiteral("sk-") + TestData::randomText(30));
        QCOMPARE(*awaitTask(m_keys->verifySecrets()), 0);
        QVERIFY(awaitTask(m_vault.remove(key.secretRef))); // gone behind Keyway's back
        QCOMPARE(*awaitTask(m_keys->verifySecrets()), 1);
        QVERIFY(m_store->keys().byId(key.id)->secretMissing);
        QCOMPARE(m_store->keys().all()->size(), 2);
        QVERIFY(awaitTask(m_vault.write(key.secretRef, secret)));
        QCOMPARE(*awaitTask(m_keys->verifySecrets()), 0);
        QVERIFY(!m_store->keys().byId(key.id)->secretMissing);
    }

    void serviceAccountNamesItsProject()
    {
        KeyFields fields;
        fields.settings.insert(QStringLiteral("region"), QStringLiteral("global"));
        const ProviderKey key
            = add("vertex", QStringLiteral("Vertex"), TestData::serviceAccountJson(), fields);
        QCOMPARE(key.settings.value(QStringLiteral("project")).toString(),
            QStringLiteral("keyway-test-project"));
        QCOMPARE(key.settings.value(QStringLiteral("region")).toString(), QStringLiteral("global"));
    }

    void endpointOverrideWithCaFile()
    {
        KeyFields fields;
        fields.baseUrl = QStringLiteral("https://gateway.corp.test/v1");
        fields.caFile = QFINDTESTDATA("data/test-ca.pem");
        fields.settings.insert(
            QStringLiteral("served-models"), QStringLiteral("llama-3.3-70b, mixtral-8x7b"));
        const ProviderKey key
            = add("openai-compatible", QStringLiteral("Gateway"), QString(), fields);
        QVERIFY(key.id > 0);
        QVERIFY(QFileInfo(key.caFile).isAbsolute());
        QCOMPARE(key.settings.value(QStringLiteral("served-models")).toArray().size(), 2);
    }

    void theDatabaseNeverHoldsASecret()
    {
        QStringList secrets {
            QStringLiteral("sk-proj-") + TestData::randomText(48),
            QStringLiteral("sk-ant-api03-") + TestData::randomText(60),
            QStringLiteral("AIza") + TestData::randomText(35),
            QStringLiteral("sk-or-v1-") + TestData::randomText(64),
            QStringLiteral("ollama-") + TestData::randomText(24),
        };
        add("openai", QStringLiteral("o"), secrets.at(0));
        add("anthropic", QStringLiteral("a"), secrets.at(1));
        const ProviderKey gemini = add("gemini", QStringLiteral("g"), secrets.at(2));
        add("openrouter", QStringLiteral("r"), secrets.at(3));
        add("openai-compatible", QStringLiteral("c"), secrets.at(4), [] {
            KeyFields f;
            f.baseUrl = QStringLiteral("http://127.0.0.1:11434/v1");
            return f;
        }());
        const QString awsSecret = TestData::randomText(40);
        KeyFields region;
        region.settings.insert(QStringLiteral("region"), QStringLiteral("us-east-1"));
        add("bedrock", QStringLiteral("b"),
            QStringLiteral(R"({"access_key_id":"AKIA%1","secret_access_key":"%2"})")
                .arg(TestData::randomText(16), awsSecret),
            region);
        secrets.append(awsSecret);
        const QString serviceAccount = TestData::serviceAccountJson();
        add("vertex", QStringLiteral("v"), serviceAccount, region);
        const QString replaced = QStringLiteral("AIza") + TestData::randomText(35);
        QVERIFY(awaitTask(m_keys->editKey(gemini.id, {}, replaced)));
        secrets.append(replaced);
        TokenService tokens(*m_store, m_vault);
        const auto token = awaitTask(tokens.create({}, {}, QStringLiteral("scan")));
        QVERIFY(token);
        secrets.append(token->token);
        QCOMPARE(m_store->keys().all()->size(), 7);

        // Every secret whole, and every 12-character stretch after its first 13 characters (the
        // longest public prefix, "sk-ant-api03-"); the service account's private key too.
        QList<QByteArray> needles;
        const QString privateKey = QJsonDocument::fromJson(serviceAccount.toUtf8())
                                       .object()
                                       .value(QStringLiteral("private_key"))
                                       .toString();
        for (const QString& line : privateKey.split(u'\n'))
            if (line.size() > 40)
                needles.append(line.toUtf8());
        for (const QString& secret : secrets) {
            needles.append(secret.toUtf8());
            for (qsizetype i = 13; i + 12 <= secret.size(); ++i)
                needles.append(secret.mid(i, 12).toUtf8());
        }
        const QStringList files = TestData::databaseFiles(m_path);
        QVERIFY(files.size() >= 2); // the WAL is there while the store is open
        QCOMPARE(TestData::findBytes(files, needles), QStringList());
        m_keys.reset();
        m_store.reset(); // closing checkpoints the WAL into the main file
        QCOMPARE(TestData::findBytes(TestData::databaseFiles(m_path), needles), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestKeyService)
#include "TestKeyService.moc"
