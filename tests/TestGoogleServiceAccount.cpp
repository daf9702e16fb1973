#include "router/providers/google/GoogleServiceAccount.h"
#include "tests/support/RsaKeyPair.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>

// A Google service-account key file and the RS256 JWT assertion it signs for the token endpoint
// (RFC 7523). The assertion is taken apart here and its signature checked with the public key.
class TestGoogleServiceAccount : public QObject
{
    Q_OBJECT

private:
    RsaKeyPair m_keys;

    static constexpr char email[] = "router@my-project.iam.gserviceaccount.com";

    QJsonObject accountObject() const
    {
        return { { QStringLiteral("type"), QStringLiteral("service_account") },
            { QStringLiteral("project_id"), QStringLiteral("my-project") },
            { QStringLiteral("private_key_id"), QStringLiteral("abc123keyid") },
            { QStringLiteral("private_key"), QString::fromLatin1(m_keys.privatePem) },
            { QStringLiteral("client_email"), QLatin1StringView(email) },
            { QStringLiteral("client_id"), QStringLiteral("109876543210987654321") },
            { QStringLiteral("token_uri"),
                QStringLiteral("https://oauth2.googleapis.com/token") } };
    }

    static QString text(const QJsonObject& object)
    {
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    }

    GoogleServiceAccount account() const
    {
        Result<GoogleServiceAccount> parsed = GoogleServiceAccount::fromJson(text(accountObject()));
        if (!parsed)
            qFatal(
                "the test's service account was refused: %s", qPrintable(parsed.failure().message));
        return *parsed;
    }

    static QByteArray fromBase64Url(const QByteArray& part, bool* ok)
    {
        // JWS uses the URL alphabet without padding.
        *ok = !part.contains('=') && !part.contains('+') && !part.contains('/');
        auto decoded = QByteArray::fromBase64Encoding(
            part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        *ok = *ok && decoded;
        return decoded.decoded;
    }

    static QJsonObject jsonPart(const QByteArray& part)
    {
        bool ok = false;
        const QByteArray bytes = fromBase64Url(part, &ok);
        if (!ok)
            return {};
        return QJsonDocument::fromJson(bytes).object();
    }

    static bool rs256Verifies(
        const QByteArray& publicPem, const QByteArray& signingInput, const QByteArray& signature)
    {
        const std::unique_ptr<BIO, decltype(&BIO_free)> bio(
            BIO_new_mem_buf(publicPem.constData(), int(publicPem.size())), &BIO_free);
        const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
            PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
        if (!key)
            return false;
        const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
            EVP_MD_CTX_new(), &EVP_MD_CTX_free);
        return EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
            && EVP_DigestVerify(context.get(),
                   reinterpret_cast<const unsigned char*>(signature.constData()),
                   size_t(signature.size()),
                   reinterpret_cast<const unsigned char*>(signingInput.constData()),
                   size_t(signingInput.size()))
            == 1;
    }

    static QByteArray ecPrivatePem()
    {
        const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
            EVP_EC_gen("P-256"), &EVP_PKEY_free);
        const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        if (!key
            || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
                != 1)
            return {};
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, qsizetype(length));
    }

    static QDateTime fixedNow()
    {
        return QDateTime(QDate(2025, 3, 14), QTime(15, 9, 26, 535), Qt::UTC);
    }

private slots:
    void initTestCase() { m_keys = RsaKeyPair::generate(); }

    void readsTheKeyFile()
    {
        const GoogleServiceAccount parsed = account();
        QCOMPARE(parsed.clientEmail(), QLatin1StringView(email));
        QCOMPARE(parsed.projectId(), QStringLiteral("my-project"));
        QCOMPARE(parsed.tokenUri(), QStringLiteral("https://oauth2.googleapis.com/token"));
    }

    void theTokenEndpointDefaultsToGooglesOwn()
    {
        QJsonObject object = accountObject();
        object.remove(QStringLiteral("token_uri"));
        object.remove(QStringLiteral("project_id"));
        const auto parsed = GoogleServiceAccount::fromJson(text(object));
        QVERIFY(parsed);
        QCOMPARE(parsed->tokenUri(), QStringLiteral("https://oauth2.googleapis.com/token"));
        QVERIFY(parsed->projectId().isEmpty());
    }

    void anEmptyTokenEndpointIsGooglesOwnToo()
    {
        QJsonObject object = accountObject();
        object.insert(QStringLiteral("token_uri"), QString());
        const auto parsed = GoogleServiceAccount::fromJson(text(object));
        QVERIFY(parsed);
        QCOMPARE(parsed->tokenUri(), QStringLiteral("https://oauth2.googleapis.com/token"));
    }

    void requiredFieldsAreRequired_data()
    {
        QTest::addColumn<QString>("json");
        const QJsonObject complete = accountObject();
        for (const char* field : { "type", "client_email", "private_key" }) {
            QJsonObject without = complete;
            without.remove(QLatin1StringView(field));
            QTest::newRow(qPrintable(QStringLiteral("without %1").arg(QLatin1StringView(field))))
                << text(without);
            QJsonObject empty = complete;
            empty.insert(QLatin1StringView(field), QString());
            QTest::newRow(qPrintable(QStringLiteral("empty %1").arg(QLatin1StringView(field))))
                << text(empty);
            QJsonObject number = complete;
            number.insert(QLatin1StringView(field), 42);
            QTest::newRow(qPrintable(QStringLiteral("number %1").arg(QLatin1StringView(field))))
                << text(number);
        }
        QJsonObject user = complete;
        user.insert(QStringLiteral("type"), QStringLiteral("authorized_user"));
        QTest::newRow("an authorized_user file") << text(user);
        QTest::newRow("an API key") << QStringLiteral("AIzaSyExampleExampleExample");
        QTest::newRow("empty") << QString();
        QTest::newRow("broken JSON") << text(complete).chopped(3);
        QTest::newRow("an array") << QStringLiteral("[") + text(complete) + QStringLiteral("]");
    }

    void requiredFieldsAreRequired()
    {
        QFETCH(QString, json);
        const auto parsed = GoogleServiceAccount::fromJson(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.failure().kind, FailureKind::InvalidInput);
        QVERIFY2(parsed.failure().message.contains(QStringLiteral("service_account")),
            qPrintable(parsed.failure().message));
        // The failure never repeats the secret.
        QVERIFY(!parsed.failure().message.contains(QStringLiteral("PRIVATE KEY")));
    }

    void theCacheKeyNamesTheAccountButHoldsNoSecret()
    {
        const GoogleServiceAccount parsed = account();
        QCOMPARE(parsed.cacheKey(),
            QStringLiteral("router@my-project.iam.gserviceaccount.com/abc123keyid@"
                           "https://oauth2.googleapis.com/token"));
        QJsonObject rotated = accountObject();
        rotated.insert(QStringLiteral("private_key_id"), QStringLiteral("def456"));
        QVERIFY(GoogleServiceAccount::fromJson(text(rotated))->cacheKey() != parsed.cacheKey());
    }

    void theAssertionIsAnRs256Jwt()
    {
        const Result<QByteArray> assertion = account().signedAssertion(fixedNow());
        QVERIFY(assertion);
        const QList<QByteArray> parts = assertion->split('.');
        QCOMPARE(parts.size(), 3);

        const QJsonObject header = jsonPart(parts[0]);
        QCOMPARE(header,
            (QJsonObject { { QStringLiteral("alg"), QStringLiteral("RS256") },
                { QStringLiteral("typ"), QStringLiteral("JWT") },
                { QStringLiteral("kid"), QStringLiteral("abc123keyid") } }));

        const qint64 issuedAt = fixedNow().toSecsSinceEpoch();
        const QJsonObject claims = jsonPart(parts[1]);
        QCOMPARE(claims,
            (QJsonObject { { QStringLiteral("iss"), QLatin1StringView(email) },
                { QStringLiteral("scope"),
                    QStringLiteral("https://www.googleapis.com/auth/cloud-platform") },
                { QStringLiteral("aud"), QStringLiteral("https://oauth2.googleapis.com/token") },
                { QStringLiteral("iat"), issuedAt }, { QStringLiteral("exp"), issuedAt + 3600 } }));
        QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(), Q_INT64_C(1741964966));

        bool ok = false;
        const QByteArray signature = fromBase64Url(parts[2], &ok);
        QVERIFY(ok);
        QCOMPARE(signature.size(), 256); // RSA-2048
        QVERIFY(rs256Verifies(m_keys.publicPem, parts[0] + '.' + parts[1], signature));
        // The signature covers the claims: other claims do not verify with it.
        const QJsonObject later { { QStringLiteral("iss"), QLatin1StringView(email) },
            { QStringLiteral("exp"), issuedAt + 7200 } };
        const QByteArray forged = parts[0] + '.'
            + QJsonDocument(later)
                  .toJson(QJsonDocument::Compact)
                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QVERIFY(!rs256Verifies(m_keys.publicPem, forged, signature));
    }

    void anotherKeysSignatureDoesNotVerify()
    {
        const RsaKeyPair other = RsaKeyPair::generate();
        const QList<QByteArray> parts = account().signedAssertion(fixedNow())->split('.');
        bool ok = false;
        const QByteArray signature = fromBase64Url(parts.value(2), &ok);
        QVERIFY(ok);
        QVERIFY(!rs256Verifies(other.publicPem, parts[0] + '.' + parts[1], signature));
    }

    void withoutAKeyIdTheHeaderNamesNone()
    {
        QJsonObject object = accountObject();
        object.remove(QStringLiteral("private_key_id"));
        const auto parsed = GoogleServiceAccount::fromJson(text(object));
        QVERIFY(parsed);
        const QJsonObject header
            = jsonPart(parsed->signedAssertion(fixedNow())->split('.').value(0));
        QCOMPARE(header,
            (QJsonObject { { QStringLiteral("alg"), QStringLiteral("RS256") },
                { QStringLiteral("typ"), QStringLiteral("JWT") } }));
    }

    void theAudienceIsTheKeysOwnTokenEndpoint()
    {
        QJsonObject object = accountObject();
        object.insert(QStringLiteral("token_uri"), QStringLiteral("https://127.0.0.1:9443/token"));
        const auto parsed = GoogleServiceAccount::fromJson(text(object));
        QVERIFY(parsed);
        const QJsonObject claims
            = jsonPart(parsed->signedAssertion(fixedNow())->split('.').value(1));
        QCOMPARE(claims.value(QStringLiteral("aud")).toString(),
            QStringLiteral("https://127.0.0.1:9443/token"));
        QCOMPARE(parsed->tokenRequest(fixedNow())->url,
            QUrl(QStringLiteral("https://127.0.0.1:9443/token")));
    }

    void aPrivateKeyThatIsNotRsaCannotSign_data()
    {
        QTest::addColumn<QString>("pem");
        QTest::newRow("not PEM") << QStringLiteral("not a key");
        // Made here, so that nothing shaped like a key is committed.
        const QByteArray label = "PRIVATE KEY";
        QTest::newRow("PEM of random bytes") << QString::fromLatin1("-----BEGIN " + label
            + "-----\n" + TestData::randomText(32).toLatin1().toBase64() + "\n-----END " + label
            + "-----\n");
        QTest::newRow("the public half") << QString::fromLatin1(m_keys.publicPem);
        QTest::newRow("a truncated key")
            << QString::fromLatin1(m_keys.privatePem.left(m_keys.privatePem.size() / 2));
        QTest::newRow("an EC key") << QString::fromLatin1(ecPrivatePem());
    }

    void aPrivateKeyThatIsNotRsaCannotSign()
    {
        QFETCH(QString, pem);
        QVERIFY(!pem.isEmpty());
        QJsonObject object = accountObject();
        object.insert(QStringLiteral("private_key"), pem);
        // Read at signing time: the file itself is accepted.
        const auto parsed = GoogleServiceAccount::fromJson(text(object));
        QVERIFY(parsed);
        const Result<QByteArray> assertion = parsed->signedAssertion(fixedNow());
        QVERIFY(!assertion);
        QCOMPARE(assertion.failure().kind, FailureKind::InvalidInput);
        QVERIFY2(assertion.failure().message.contains(QStringLiteral("not an RSA key")),
            qPrintable(assertion.failure().message));
        const Result<UpstreamRequest> request = parsed->tokenRequest(fixedNow());
        QVERIFY(!request);
        QCOMPARE(request.failure().message, assertion.failure().message);
    }

    void theTokenRequestIsAJwtBearerGrant()
    {
        const GoogleServiceAccount parsed = account();
        const Result<UpstreamRequest> request = parsed.tokenRequest(fixedNow());
        QVERIFY(request);
        QCOMPARE(request->url, QUrl(QStringLiteral("https://oauth2.googleapis.com/token")));
        QCOMPARE(request->header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request->header("Authorization").isEmpty());
        const QUrlQuery form(QString::fromLatin1(request->body));
        QCOMPARE(form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded),
            QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        QCOMPARE(form.queryItems().size(), 2);
        QVERIFY(request->body.startsWith("grant_type=urn"));
        // RS256 (PKCS #1 v1.5) is deterministic: the form carries exactly the assertion.
        QCOMPARE(form.queryItemValue(QStringLiteral("assertion"), QUrl::FullyDecoded).toLatin1(),
            *parsed.signedAssertion(fixedNow()));
        // The private key never leaves the object.
        QVERIFY(!request->body.contains("PRIVATE"));
        QVERIFY(!request->body.contains(m_keys.privatePem.mid(40, 40).toPercentEncoding()));
    }
};

QTEST_GUILESS_MAIN(TestGoogleServiceAccount)
#include "TestGoogleServiceAccount.moc"
