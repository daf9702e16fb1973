#include "app/domain/ProviderCredential.h"
#include "router/catalog/ProviderRegistry.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

Result<ProviderCredential> parse(const char* provider, const QString& input)
{
    return ProviderCredential::parse(*ProviderRegistry::find(QString::fromLatin1(provider)), input);
}

QJsonObject object(const QString& json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

class TestProviderCredential : public QObject
{
    Q_OBJECT

private slots:
    void apiKeyIsKeptAsIs()
    {
        const auto credential
            = parse("openai", QStringLiteral("  sk-proj-FAKE-test-key-000AbCd\n"));
        QVERIFY(credential);
        QCOMPARE(credential->storedForm(), QStringLiteral("sk-proj-FAKE-test-key-000AbCd"));
        QCOMPARE(credential->hint(), QStringLiteral("sk-proj-…AbCd"));
    }

    void apiKeyRejectsBadInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << "";
        QTest::newRow("two words") << "sk-abc sk-def";
        QTest::newRow("two lines") << "sk-abc\nsk-def";
        QTest::newRow("huge") << QString(5000, u'k');
        QTest::newRow("byte order mark") << QStringLiteral("\ufeffsk-abcdefghijklmnop");
        QTest::newRow("zero-width space") << QStringLiteral("sk-abcdefgh\u200bijklmnop");
        QTest::newRow("non-ascii") << QStringLiteral("sk-äbcdefghijklmnop");
    }

    void apiKeyRejectsBadInput()
    {
        QFETCH(QString, input);
        const auto credential = parse("anthropic", input);
        QVERIFY(!credential);
        QCOMPARE(credential.failure().kind, FailureKind::InvalidInput);
        QVERIFY(
            !credential.failure().message.contains(input.trimmed()) || input.trimmed().isEmpty());
    }

    void optionalKeyMayBeEmpty()
    {
        const auto credential = parse("openai-compatible", QString());
        QVERIFY(credential);
        QVERIFY(credential->storedForm().isEmpty());
    }

    void awsAccessKeys()
    {
        const auto credential = parse("bedrock",
            QStringLiteral(
                R"({"access_key_id":"AKIAFAKEKEYFORTEST","secret_access_key":"fake/secret/access/key/for/tests"})"));
        QVERIFY(credential);
        const QJsonObject stored = object(credential->storedForm());
        QCOMPARE(stored.value(QStringLiteral("access_key_id")).toString(),
            QStringLiteral("AKIAFAKEKEYFORTEST"));
        QCOMPARE(stored.value(QStringLiteral("secret_access_key")).toString(),
            QStringLiteral("fake/secret/access/key/for/tests"));
        QVERIFY(!stored.contains(QStringLiteral("session_token")));
        QCOMPARE(credential->hint(), QStringLiteral("AKIA…ST"));
    }

    void awsStsOutputIsAccepted()
    {
        const auto credential = parse("bedrock",
            QStringLiteral(
                "{\"Credentials\":{\"AccessKeyId\":\"ASIAXXXXXXXXXXXXXXXX\","
                "\"SecretAccessKey\":\"secret/value\",\"SessionToken\":"
                "\"FwoGZXIvYXdzEJr//////////wEaD\",\"Expiration\":\"2026-01-01T00:00:00Z\"}}"));
        QVERIFY(credential);
        const QJsonObject stored = object(credential->storedForm());
        QCOMPARE(stored.value(QStringLiteral("session_token")).toString(),
            QStringLiteral("FwoGZXIvYXdzEJr//////////wEaD"));
        QCOMPARE(stored.size(), 3);
    }

    void bedrockApiKey()
    {
        const auto credential
            = parse("bedrock", QStringLiteral("ABSKQmVkcm9ja0FQSUtleS1hYmNkZWZnaGlqa2xtbm9w"));
        QVERIFY(credential);
        QCOMPARE(object(credential->storedForm()).value(QStringLiteral("api_key")).toString(),
            QStringLiteral("ABSKQmVkcm9ja0FQSUtleS1hYmNkZWZnaGlqa2xtbm9w"));
    }

    void awsIncomplete()
    {
        const auto credential
            = parse("bedrock", QStringLiteral(R"({"access_key_id":"AKIAFAKEKEYFORTEST"})"));
        QVERIFY(!credential);
        QVERIFY(credential.failure().message.contains(QStringLiteral("secret_access_key")));
        QVERIFY(!parse("bedrock", QStringLiteral("{not json")));
    }

    void googleServiceAccount()
    {
        const QString json = TestData::serviceAccountJson();
        QVERIFY(json.size() > 2400);
        const auto credential = parse("vertex", json);
        QVERIFY(credential);
        QCOMPARE(credential->storedForm(), json.trimmed());
        QCOMPARE(credential->hint(),
            QStringLiteral("router@keyway-test-project.iam.gserviceaccount.com"));
        QCOMPARE(credential->impliedSettings().value(QStringLiteral("project")).toString(),
            QStringLiteral("keyway-test-project"));
    }

    void googleExpressKeyAndWrongJson()
    {
        const auto express
            = parse("vertex", QStringLiteral("AQ.Ab8RN6Kexpress-mode-key-0123456789"));
        QVERIFY(express);
        QVERIFY(object(express->storedForm()).contains(QStringLiteral("api_key")));
        const auto wrong
            = parse("vertex", QStringLiteral(R"({"type":"authorized_user","client_id":"x"})"));
        QVERIFY(!wrong);
        QVERIFY(wrong.failure().message.contains(QStringLiteral("service_account")));
    }
};

QTEST_GUILESS_MAIN(TestProviderCredential)
#include "TestProviderCredential.moc"
