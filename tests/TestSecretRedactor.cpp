#include "router/core/SecretRedactor.h"
#include "tests/support/FakeGoogleAuth.h"
#include "tests/support/RsaKeyPair.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The one redactor of outward text: whole secrets, the secret parts of JSON credentials (AWS
// keys, a Google service account's private key and its id), each as it is and as JSON writes
// it, and never a fragment so short that ordinary text would lose words. A failure names the
// case, never the secret.
class TestSecretRedactor : public QObject
{
    Q_OBJECT

private:
    RsaKeyPair m_keys;

    static QString json(const QJsonObject& object)
    {
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }
    // What a provider's JSON error body quoting `text` in its message looks like.
    static QByteArray jsonErrorQuoting(const QString& text)
    {
        return QJsonDocument(
            QJsonObject {
                { "error", QJsonObject { { "message", "You sent " + text + ", which fails" } } } })
            .toJson(QJsonDocument::Compact);
    }
    QString serviceAccount() const
    {
        return FakeGoogleAuth::serviceAccountJson(
            QStringLiteral("router@keyway-test.iam.gserviceaccount.com"), m_keys.privatePem,
            QStringLiteral("https://oauth2.googleapis.com/token"), QStringLiteral("keyway-test"));
    }
    static QString privateKeyOf(const QString& account)
    {
        return QJsonDocument::fromJson(account.toUtf8())
            .object()
            .value(QStringLiteral("private_key"))
            .toString();
    }

private slots:
    void initTestCase() { m_keys = RsaKeyPair::generate(); }

    void aStringSecretGoesWherever()
    {
        const QString secret = QStringLiteral("sk-test-0123456789abcdef");
        const SecretRedactor redactor({ secret });
        QCOMPARE(redactor.redact(QStringLiteral("Incorrect API key provided: %1.").arg(secret)),
            QStringLiteral("Incorrect API key provided: [redacted]."));
        QCOMPARE(redactor.redact(secret + secret), QStringLiteral("[redacted][redacted]"));
        QCOMPARE(
            redactor.redact(QByteArray("key=") + secret.toUtf8()), QByteArray("key=[redacted]"));
        QCOMPARE(redactor.redact(QStringLiteral("nothing secret here")),
            QStringLiteral("nothing secret here"));
    }

    void aSecretWithQuotesIsFoundAsJsonEscapesIt()
    {
        const QString secret = QStringLiteral("pass\"word\\with/escapes");
        const SecretRedactor redactor({ secret });
        const QByteArray body = jsonErrorQuoting(secret);
        QVERIFY(!body.contains(secret.toUtf8())); // only its escaped form is in the body
        const QByteArray redacted = redactor.redact(body);
        QCOMPARE(
            redacted, QByteArray(R"({"error":{"message":"You sent [redacted], which fails"}})"));
        QByteArray slashes = body;
        slashes.replace("/", "\\/"); // as PHP and Java write JSON
        QVERIFY(!redactor.redact(slashes).contains("escapes"));
    }

    void awsCredentialsByEachPart()
    {
        const QString keyId = QStringLiteral("AK")
            + QStringLiteral("IAFAKEKEYFORTEST00"); // not a real key's shape in the source
        const QString secretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYFAKEKEY000");
        const QString session = QStringLiteral("FwoGZXIvYXdzEFAKE+session/token==");
        const SecretRedactor redactor({ json({ { "access_key_id", keyId },
            { "secret_access_key", secretKey }, { "session_token", session } }) });
        for (const QString& part : { keyId, secretKey, session }) {
            const QString text = QStringLiteral("The key %1 is not valid").arg(part);
            QVERIFY2(redactor.redact(text) == QStringLiteral("The key [redacted] is not valid"),
                "an AWS credential's part is left in the text");
            QVERIFY2(!redactor.redact(jsonErrorQuoting(part)).contains(part.toUtf8().left(12)),
                "an AWS credential's part is left in a JSON body");
        }
    }

    void awsStsOutputAndABedrockApiKey()
    {
        const QString secretKey = QStringLiteral("stsSecretKey/0123456789abcdef");
        const QString bedrockKey = QStringLiteral("ABSKQmVkcm9ja0FQSUtleS1GQUtF");
        const SecretRedactor redactor({ json({ { "Credentials",
                                            QJsonObject { { "AccessKeyId", "ASIAFAKE0000" },
                                                { "SecretAccessKey", secretKey } } } }),
            json({ { "api_key", bedrockKey } }) });
        QCOMPARE(redactor.redact(secretKey), SecretRedactor::mark);
        QCOMPARE(redactor.redact(QStringLiteral("Bearer ") + bedrockKey),
            QStringLiteral("Bearer [redacted]"));
    }

    void aServiceAccountByItsPrivateKeyAndKeyId()
    {
        const QString account = serviceAccount();
        const QString privateKey = privateKeyOf(account);
        const QString keyId = QJsonDocument::fromJson(account.toUtf8())
                                  .object()
                                  .value(QStringLiteral("private_key_id"))
                                  .toString();
        QVERIFY(privateKey.contains(u'\n'));
        QVERIFY(keyId.size() >= SecretRedactor::minimumLength);
        const SecretRedactor redactor({ account });

        // QVERIFY rather than QCOMPARE here: a failure must not print the key.
        QVERIFY(redactor.redact(QStringLiteral("key: ") + privateKey) == u"key: [redacted]");
        QVERIFY(redactor.redact(QStringLiteral("key id ") + keyId) == u"key id [redacted]");
        // The whole file, and the key inside a JSON body, with its newlines written as \n.
        QVERIFY(redactor.redact(account) == SecretRedactor::mark);
        const QByteArray body = jsonErrorQuoting(privateKey);
        QVERIFY(body.contains("\\n"));
        QVERIFY(redactor.redact(body)
            == QByteArray(R"({"error":{"message":"You sent [redacted], which fails"}})"));
        // A line of the key alone, and the key re-wrapped onto one line.
        const QStringList lines = privateKey.split(u'\n');
        const QString oneLine = lines.at(1);
        QVERIFY(redactor.redact(QStringLiteral("near ") + oneLine).endsWith(SecretRedactor::mark));
        const QString body64 = lines.mid(1, lines.size() - 3).join(QString());
        QVERIFY(redactor.redact(body64) == SecretRedactor::mark);
        // What is not secret stays, even as a line of the file: the account's address helps
        // the person reading the error.
        const QString email
            = QStringLiteral(R"("client_email": "router@keyway-test.iam.gserviceaccount.com",)");
        QVERIFY(account.contains(email));
        QCOMPARE(redactor.redact(email), email);
    }

    void shortFragmentsAreLeftAlone()
    {
        // A credential whose parts are short words must not eat ordinary text.
        const SecretRedactor redactor({ QStringLiteral("abc"),
            json({ { "access_key_id", "error" }, { "secret_access_key", "message" } }) });
        const QString text = QStringLiteral("error message: abc");
        QCOMPARE(redactor.redact(text), text);
        QCOMPARE(SecretRedactor().redact(text), text);
        QVERIFY(SecretRedactor({ QStringLiteral("1234567") }).isEmpty());
    }

    void anAccessTokenAddedForOneCall()
    {
        const SecretRedactor snapshot({ QStringLiteral("sk-test-0123456789abcdef") });
        const SecretRedactor call = snapshot.with(QStringLiteral("ya29.a0-fake-access-token"));
        QCOMPARE(call.redact(QStringLiteral(
                     "token ya29.a0-fake-access-token, key sk-test-0123456789abcdef")),
            QStringLiteral("token [redacted], key [redacted]"));
        // The snapshot's own redactor is unchanged.
        QCOMPARE(snapshot.redact(QStringLiteral("ya29.a0-fake-access-token")),
            QStringLiteral("ya29.a0-fake-access-token"));
        QVERIFY(SecretRedactor()
                    .with(QStringLiteral("ya29.a0-fake"))
                    .redact(QStringLiteral("ya29.a0-fake"))
            == SecretRedactor::mark);
    }
};

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "TestSecretRedactor.moc"
