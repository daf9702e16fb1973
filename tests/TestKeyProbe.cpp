#include "router/providers/KeyProbe.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// The probe of each provider: a request that costs nothing, with the provider's own
// authentication, and what its answer says about the key.
class TestKeyProbe : public QObject
{
    Q_OBJECT

private:
    static UpstreamTarget target(
        const QString& provider, const QJsonObject& settings = {}, const QString& baseUrl = {})
    {
        return { .providerId = provider,
            .baseUrl = baseUrl,
            .secret = QStringLiteral("secret-123456"),
            .settings = settings };
    }

private slots:
    void asksForSomethingFree_data()
    {
        QTest::addColumn<UpstreamTarget>("target");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("openai") << target(QStringLiteral("openai"))
                                << "https://api.openai.com/v1/models" << QByteArray("Authorization")
                                << QByteArray("Bearer secret-123456");
        QTest::newRow("openai organization")
            << target(QStringLiteral("openai"), { { "organization", "org-1" } })
            << "https://api.openai.com/v1/models" << QByteArray("OpenAI-Organization")
            << QByteArray("org-1");
        QTest::newRow("azure v1") << target(QStringLiteral("azure"), { { "resource", "acme" } })
                                  << "https://acme.openai.azure.com/openai/v1/models"
                                  << QByteArray("api-key") << QByteArray("secret-123456");
        QTest::newRow("azure dated")
            << target(QStringLiteral("azure"),
                   { { "resource", "acme" }, { "api-version", "2024-10-21" } })
            << "https://acme.openai.azure.com/openai/models?api-version=2024-10-21"
            << QByteArray("api-key") << QByteArray("secret-123456");
        // OpenRouter lists models to anyone: its key endpoint is what needs the key.
        QTest::newRow("openrouter")
            << target(QStringLiteral("openrouter")) << "https://openrouter.ai/api/v1/key"
            << QByteArray("Authorization") << QByteArray("Bearer secret-123456");
        QTest::newRow("compatible") << target(
            QStringLiteral("openai-compatible"), {}, QStringLiteral("http://localhost:11434/v1/"))
                                    << "http://localhost:11434/v1/models"
                                    << QByteArray("Authorization")
                                    << QByteArray("Bearer secret-123456");
        QTest::newRow("anthropic")
            << target(QStringLiteral("anthropic")) << "https://api.anthropic.com/v1/models?limit=1"
            << QByteArray("x-api-key") << QByteArray("secret-123456");
        QTest::newRow("anthropic version")
            << target(QStringLiteral("anthropic")) << "https://api.anthropic.com/v1/models?limit=1"
            << QByteArray("anthropic-version") << QByteArray("2023-06-01");
        QTest::newRow("gemini") << target(QStringLiteral("gemini"))
                                << "https://generativelanguage.googleapis.com/v1beta/"
                                   "models?pageSize=1"
                                << QByteArray("x-goog-api-key") << QByteArray("secret-123456");
    }
    void asksForSomethingFree()
    {
        QFETCH(UpstreamTarget, target);
        QFETCH(QString, url);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        const auto request = KeyProbe::request(target);
        QVERIFY(request);
        QCOMPARE(request->url.toString(), url);
        QCOMPARE(request->header(header), value);
        QVERIFY(request->body.isNull()); // a GET
    }

    void checksBedrockKeysWithASignedListOfModels()
    {
        const QJsonObject region { { "region", "eu-central-1" } };
        UpstreamTarget aws = target(QStringLiteral("bedrock"), region);
        aws.secret
            = QStringLiteral(R"({"access_key_id": "AKIDEXAMPLE", "secret_access_key": "x"})");
        auto request = KeyProbe::request(aws);
        QVERIFY(request);
        QCOMPARE(request->url.toString(),
            QStringLiteral("https://bedrock.eu-central-1.amazonaws.com/"
                           "foundation-models?byOutputModality=TEXT"));
        QVERIFY(request->header("Authorization")
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"));
        QVERIFY(request->header("Authorization").contains("/eu-central-1/bedrock/aws4_request"));
        QVERIFY(!request->header("X-Amz-Date").isEmpty());
        // A Bedrock API key goes as Bearer.
        request = KeyProbe::request(target(QStringLiteral("bedrock"), region));
        QCOMPARE(request->header("Authorization"), QByteArray("Bearer secret-123456"));
    }

    void checksVertexKeysWithoutUsingAModel()
    {
        // An express-mode key: the global publisher endpoint, the key in a header.
        Result<UpstreamRequest> request = KeyProbe::request(target(QStringLiteral("vertex")));
        QVERIFY(request);
        QCOMPARE(request->url.toString(),
            QStringLiteral("https://aiplatform.googleapis.com/v1/publishers/google/models/"
                           "gemini-2.5-flash:countTokens"));
        QCOMPARE(request->header("x-goog-api-key"), QByteArray("secret-123456"));
        QVERIFY(QJsonDocument::fromJson(request->body).object().contains("contents"));
        // A service account: its project in the key's region, with the token the tester got.
        UpstreamTarget account = target(QStringLiteral("vertex"), { { "region", "us-east5" } });
        account.secret = TestData::serviceAccountJson();
        account.accessToken = QStringLiteral("ya29.token");
        request = KeyProbe::request(account);
        QVERIFY(request);
        QCOMPARE(request->url.toString(),
            QStringLiteral("https://us-east5-aiplatform.googleapis.com/v1/projects/"
                           "keyway-test-project/locations/us-east5/endpoints?pageSize=1"));
        QVERIFY(request->body.isNull()); // GET
        QCOMPARE(request->header("Authorization"), QByteArray("Bearer ya29.token"));
        // Endpoints live in regions: a global key asks us-central1.
        account.settings = { { "region", "global" } };
        request = KeyProbe::request(account);
        QVERIFY(request->url.toString().startsWith(
            QStringLiteral("https://us-central1-aiplatform.googleapis.com/v1/projects/")));
    }

    void saysWhichProvidersItDoesNotKnow()
    {
        const auto request = KeyProbe::request(target(QStringLiteral("nonsense")));
        QVERIFY(!request);
        QVERIFY(!request.failure().message.isEmpty());
    }

    void readsTheAnswer_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<KeyProbe::Verdict>("verdict");
        using V = KeyProbe::Verdict;
        QTest::newRow("200") << 200 << QByteArray(R"({"data": []})") << V::Works;
        QTest::newRow("401") << 401 << QByteArray() << V::Invalid;
        QTest::newRow("anthropic auth") << 400
                                        << QByteArray(R"({"type": "error", "error": {"type": )"
                                                      R"("authentication_error"}})")
                                        << V::Invalid;
        QTest::newRow("google invalid key")
            << 400
            << QByteArray(R"({"error": {"code": 400, "status": "INVALID_ARGUMENT", "details": )"
                          R"([{"reason": "API_KEY_INVALID"}]}})")
            << V::Invalid;
        QTest::newRow("403") << 403 << QByteArray() << V::NoAccess;
        QTest::newRow("AWS unknown access key")
            << 403
            << QByteArray(
                   R"({"message": "The security token included in the request is invalid."})")
            << V::Invalid;
        QTest::newRow("AWS wrong secret")
            << 403
            << QByteArray(
                   R"({"message": "The request signature we calculated does not match the signature you provided."})")
            << V::Invalid;
        QTest::newRow("404: wrong endpoint") << 404 << QByteArray() << V::Failed;
        QTest::newRow("429") << 429 << QByteArray() << V::RateLimited;
        QTest::newRow("529 overloaded") << 529 << QByteArray() << V::RateLimited;
        QTest::newRow("quota") << 429 << QByteArray(R"({"error": {"code": "insufficient_quota"}})")
                               << V::OutOfCredit;
        QTest::newRow("402") << 402 << QByteArray() << V::OutOfCredit;
        QTest::newRow("500") << 500 << QByteArray() << V::Failed;
    }
    void readsTheAnswer()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(KeyProbe::Verdict, verdict);
        QCOMPARE(KeyProbe::verdict(status, body), verdict);
    }
};

QTEST_GUILESS_MAIN(TestKeyProbe)
#include "TestKeyProbe.moc"
