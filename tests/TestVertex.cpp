#include "app/keys/KeyTester.h"
#include "router/providers/google/GoogleTokenFetch.h"
#include "tests/support/RouterHarness.h"
#include "tests/support/RsaKeyPair.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

// Google Vertex AI keys through the router: a service account's RS256-signed assertion
// exchanged at the (fake) token endpoint, which checks the signature with the public half of a
// key pair made for this run; the token cached and refreshed ahead of its expiry without
// holding requests; Gemini and Claude models at the key's project and region; express-mode API
// keys; and the key test.
class TestVertex : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;
    RouterHarness& h() { return *m_harness; }
    RsaKeyPair m_keys;
    const QString m_email = QStringLiteral("router@keyway-test.iam.gserviceaccount.com");

    QString serviceAccount() const
    {
        return FakeGoogleAuth::serviceAccountJson(m_email, m_keys.privatePem,
            m_harness->fake().tokenUrl(), QStringLiteral("keyway-test"));
    }
    RouterHarness::Key vertexKey(const QString& label, const QString& secret,
        const QString& region = QStringLiteral("us-central1")) const
    {
        RouterHarness::Key key(label, Tier::Prioritized, {}, QStringLiteral("vertex"));
        key.secret = secret;
        if (!region.isEmpty())
            key.settings = { { "region", region } };
        return key;
    }
    void useKeys(const QList<RouterHarness::Key>& keys)
    {
        ModelCatalog catalog;
        catalog.add({ .canonicalId = QStringLiteral("anthropic/claude-sonnet-4.5"),
            .aliases = { QStringLiteral("claude-sonnet-4-5") },
            .nativeIds
            = { { QStringLiteral("vertex"), QStringLiteral("claude-sonnet-4-5@20250929") } } });
        h().catalog = catalog;
        h().setKeys(keys);
    }
    static QJsonObject message(const QString& model, bool stream = false)
    {
        return { { "model", model }, { "max_tokens", 256 }, { "stream", stream },
            { "messages",
                QJsonArray { QJsonObject { { "role", "user" }, { "content", "Hi" } } } } };
    }
    RouterHarness::Response send(const QJsonObject& body, const QByteArray& betas = {})
    {
        HttpHeaders headers { { "anthropic-version", "2023-06-01" } };
        if (!betas.isEmpty())
            headers.append({ "anthropic-beta", betas });
        return h().post(QStringLiteral("/v1/messages"), body, RouterHarness::token(), headers);
    }
    QByteArray lastAuthorization() const
    {
        return headerValue(m_harness->fake().attempts().constLast().headers, "Authorization");
    }

private slots:
    void initTestCase() { m_keys = RsaKeyPair::generate(); }
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        h().fake().googleAuth().addAccount(m_email, { .publicPem = m_keys.publicPem });
        useKeys({ vertexKey(QStringLiteral("Vertex"), serviceAccount()) });
    }
    void cleanup() { m_harness.reset(); }

    void geminiThroughAServiceAccount()
    {
        const auto response = send(message(QStringLiteral("gemini-2.5-flash")));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["content"][0]["text"].toString(),
            QStringLiteral("Hello from the fake."));
        const FakeProvider::Attempt attempt = h().fake().attempts().constLast();
        QCOMPARE(attempt.path,
            QByteArray("/v1/projects/keyway-test/locations/us-central1/publishers/google/models/"
                       "gemini-2.5-flash:streamGenerateContent"));
        QCOMPARE(attempt.key, m_email.toUtf8()); // a token the endpoint issued to the account
        QCOMPARE(lastAuthorization(), QByteArray("Bearer ya29.fake-1"));
        // The token is kept: the next request goes straight to the model.
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"), true)).status, 200);
        QCOMPARE(h().fake().googleAuth().tokenRequests(), 1);
        QCOMPARE(lastAuthorization(), QByteArray("Bearer ya29.fake-1"));
        QVERIFY(h().fake().attempts().constLast().path.endsWith(":streamGenerateContent"));
    }

    void theRegionDefaultsToGlobal()
    {
        useKeys({ vertexKey(QStringLiteral("Vertex"), serviceAccount(), {}) });
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-pro"))).status, 200);
        QCOMPARE(h().fake().attempts().constLast().path,
            QByteArray("/v1/projects/keyway-test/locations/global/publishers/google/models/"
                       "gemini-2.5-pro:streamGenerateContent"));
    }

    void claudeThroughRawPredictWithOnlyTheBetasVertexKnows()
    {
        const auto response = send(message(QStringLiteral("claude-sonnet-4-5")),
            "claude-code-20250219,interleaved-thinking-2025-05-14,"
            "fine-grained-tool-streaming-2025-05-14");
        // The fake refuses a body with a model, without vertex-2023-10-16 or with a beta
        // Vertex does not know.
        QVERIFY2(response.status == 200, response.body.constData());
        QCOMPARE(response.json()["content"][0]["text"].toString(),
            QStringLiteral("Hello from the fake."));
        const FakeProvider::Attempt attempt = h().fake().attempts().constLast();
        QCOMPARE(attempt.path,
            QByteArray("/v1/projects/keyway-test/locations/us-central1/publishers/anthropic/"
                       "models/claude-sonnet-4-5@20250929:streamRawPredict"));
        QCOMPARE(headerValue(attempt.headers, "anthropic-beta"),
            QByteArray("interleaved-thinking-2025-05-14"));
        const QStringList dropped = h().lastFinished().attempts.constLast().droppedFields;
        QVERIFY(dropped.contains(QStringLiteral("anthropic-beta: claude-code-20250219")));
        QVERIFY(dropped.contains(
            QStringLiteral("anthropic-beta: fine-grained-tool-streaming-2025-05-14")));
    }

    void openAiClientsStreamFromClaudeOnVertex()
    {
        QJsonObject chat = RouterHarness::chat(QStringLiteral("claude-sonnet-4-5"), true);
        chat.insert("stream_options", QJsonObject { { "include_usage", true } });
        const auto response = h().post(QStringLiteral("/v1/chat/completions"), chat);
        QCOMPARE(response.status, 200);
        QString text;
        for (const QByteArray& event : response.events())
            text += QJsonDocument::fromJson(event)
                        .object()["choices"][0]["delta"]["content"]
                        .toString();
        QCOMPARE(text, QStringLiteral("Hello from the fake."));
        QVERIFY(h().fake().attempts().constLast().path.endsWith(
            "claude-sonnet-4-5@20250929:streamRawPredict"));
        QCOMPARE(h().lastFinished().usage.completion, 4);
    }

    void countsTokensOnVertex()
    {
        QJsonObject body = message(QStringLiteral("claude-sonnet-4-5"));
        body.remove("max_tokens");
        body.remove("stream");
        const auto response = h().post(QStringLiteral("/v1/messages/count_tokens"), body,
            RouterHarness::token(), { { "anthropic-version", "2023-06-01" } });
        QVERIFY2(response.status == 200, response.body.constData());
        QCOMPARE(response.json()["input_tokens"].toInt(), 14);
        QVERIFY(h().fake().attempts().constLast().path.endsWith(
            "/publishers/anthropic/models/count-tokens:rawPredict"));
    }

    void aKeyTheEndpointRefusesFailsOverAndIsMarkedInvalid()
    {
        // The endpoint knows the account by another key pair: the signature does not verify.
        h().fake().googleAuth().addAccount(
            m_email, { .publicPem = RsaKeyPair::generate().publicPem });
        useKeys({ vertexKey(QStringLiteral("Vertex"), serviceAccount()),
            vertexKey(QStringLiteral("Express"), QStringLiteral("express-test-key")) });
        const auto response = send(message(QStringLiteral("gemini-2.5-flash")));
        QCOMPARE(response.status, 200);
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.attempts.size(), 2);
        QCOMPARE(record.attempts.constFirst().errorClass, QStringLiteral("invalid_key"));
        QVERIFY2(record.attempts.constFirst().errorMessage.contains(u"Invalid JWT Signature"),
            qPrintable(record.attempts.constFirst().errorMessage));
        QCOMPARE(h().router().health().value(1).state, KeyHealth::State::Invalid);
        QCOMPARE(h().fake().googleAuth().tokensIssued(), 0);
    }

    void expressModeKeysCallTheGlobalPublisherEndpoint()
    {
        useKeys({ vertexKey(QStringLiteral("Express"), QStringLiteral("express-test-key"), {}) });
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        const FakeProvider::Attempt attempt = h().fake().attempts().constLast();
        QCOMPARE(attempt.path,
            QByteArray("/v1/publishers/google/models/gemini-2.5-flash:streamGenerateContent"));
        QCOMPARE(headerValue(attempt.headers, "x-goog-api-key"), QByteArray("express-test-key"));
        // Partner models need a project: the key is not tried for Claude.
        const auto refused = send(message(QStringLiteral("claude-sonnet-4-5")));
        QVERIFY(refused.status != 200);
        QVERIFY2(h().lastFinished().attempts.constFirst().errorMessage.contains(u"express mode"),
            qPrintable(h().lastFinished().attempts.constFirst().errorMessage));
    }

    void theTokenIsRefreshedAheadOfExpiryWithoutHoldingRequests()
    {
        // Tokens that live 200 s are inside the refresh margin from the start; the endpoint
        // takes its time.
        h().fake().googleAuth().addAccount(
            m_email, { .publicPem = m_keys.publicPem, .tokenLifetime = 200s, .delay = 400ms });
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        QCOMPARE(lastAuthorization(), QByteArray("Bearer ya29.fake-1"));
        // The second request is answered with the first token while the second is fetched.
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        QCOMPARE(lastAuthorization(), QByteArray("Bearer ya29.fake-1"));
        QCOMPARE(h().fake().googleAuth().tokenRequests(), 2);
        // Once it came, the new token is used; one refresh at a time.
        QTest::qWait(600);
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        QCOMPARE(lastAuthorization(), QByteArray("Bearer ya29.fake-2"));
    }

    // Requests that arrive together while the account has no token share one fetch, and each is
    // sent once when it comes.
    void concurrentFirstRequestsShareOneFetch()
    {
        h().fake().googleAuth().addAccount(
            m_email, { .publicPem = m_keys.publicPem, .delay = 300ms });
        QNetworkAccessManager client;
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 6; ++i) {
            QNetworkRequest request(QUrl(h().url(QStringLiteral("/v1/chat/completions"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", "Bearer " + RouterHarness::token());
            replies.append(client.post(request,
                QJsonDocument(RouterHarness::chat(QStringLiteral("gemini-2.5-flash"))).toJson()));
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(replies.cbegin(), replies.cend(),
                    [](const QNetworkReply* reply) { return reply->isFinished(); });
            },
            20'000));
        for (QNetworkReply* reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QCOMPARE(h().fake().googleAuth().tokenRequests(), 1);
        QCOMPARE(h().fake().attempts().size(), 6);
        for (const RequestRecord& record : h().finished())
            QCOMPARE(record.attempts.size(), 1);
    }

    // Google stops honouring the cached token: that is no verdict on the key. The retry gets a
    // fresh token and the key stays ready.
    void aRefusedTokenIsReplacedNotHeldAgainstTheKey()
    {
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        h().fake().googleAuth().revokeTokens();
        const auto response = send(message(QStringLiteral("gemini-2.5-flash")));
        QVERIFY2(response.status == 200, response.body.constData());
        const RequestRecord record = h().lastFinished();
        QCOMPARE(record.attempts.size(), 2);
        QCOMPARE(record.attempts.constFirst().httpStatus, 401);
        QCOMPARE(h().fake().googleAuth().tokenRequests(), 2);
        QCOMPARE(lastAuthorization(), QByteArray("Bearer ya29.fake-2"));
        QVERIFY(h().router().health().value(1).state != KeyHealth::State::Invalid);
    }

    // A removed key's token leaves memory: the key added again fetches a new one.
    void tokensOfRemovedKeysAreDropped()
    {
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        useKeys({ vertexKey(QStringLiteral("Express"), QStringLiteral("express-test-key")) });
        useKeys({ vertexKey(QStringLiteral("Vertex"), serviceAccount()) });
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        QCOMPARE(h().fake().googleAuth().tokenRequests(), 2);
        // While the key stays, its token does.
        useKeys({ vertexKey(QStringLiteral("Vertex"), serviceAccount()),
            vertexKey(QStringLiteral("Express"), QStringLiteral("express-test-key")) });
        QCOMPARE(send(message(QStringLiteral("gemini-2.5-flash"))).status, 200);
        QCOMPARE(h().fake().googleAuth().tokenRequests(), 2);
    }

    void datedClaudeIdsTakeVertexsForm()
    {
        QCOMPARE(send(message(QStringLiteral("claude-opus-4-1-20250805"))).status, 200);
        QVERIFY2(h().fake().attempts().constLast().path.endsWith(
                     "/publishers/anthropic/models/claude-opus-4-1@20250805:streamRawPredict"),
            h().fake().attempts().constLast().path.constData());
    }

    void tokensTooShortLivedToUseAreRefused()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto refused
            = GoogleTokenFetch::parseAnswer(R"({"access_token": "ya29.x", "expires_in": 30})", now);
        QVERIFY(!refused);
        QVERIFY(!refused.failure().message.isEmpty());
        const auto token = GoogleTokenFetch::parseAnswer(
            R"({"access_token": "ya29.x", "expires_in": 3599, "token_type": "Bearer"})", now);
        QVERIFY(token);
        QCOMPARE(token->expiresAt, now.addSecs(3599));
    }

    void theKeyTestExchangesTheTokenAndListsTheProjectsEndpoints()
    {
        UpstreamTarget target { .providerId = QStringLiteral("vertex"),
            .baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(h().fake().port()),
            .secret = serviceAccount(),
            .settings = { { "region", "europe-west4" } } };
        auto* tester = new KeyTester(target, this);
        QSignalSpy finished(tester, &KeyTester::finished);
        tester->start();
        QVERIFY(finished.wait(10'000));
        const auto result = finished.constFirst().constFirst().value<KeyTestResult>();
        QVERIFY2(result.works(), qPrintable(result.detail));
        // The project's endpoints, with the token the endpoint issued.
        QCOMPARE(h().fake().attempts().constLast().path,
            QByteArray("/v1/projects/keyway-test/locations/europe-west4/endpoints"));
        QCOMPARE(h().fake().attempts().constLast().key, m_email.toUtf8());

        // A key the endpoint refuses is invalid, in Google's words.
        h().fake().googleAuth().addAccount(
            m_email, { .publicPem = RsaKeyPair::generate().publicPem });
        auto* again = new KeyTester(target, this);
        QSignalSpy refused(again, &KeyTester::finished);
        again->start();
        QVERIFY(refused.wait(10'000));
        const auto invalid = refused.constFirst().constFirst().value<KeyTestResult>();
        QCOMPARE(invalid.verdict, KeyProbe::Verdict::Invalid);
        QVERIFY2(invalid.detail.contains(u"Invalid JWT Signature"), qPrintable(invalid.detail));
    }
};

QTEST_GUILESS_MAIN(TestVertex)
#include "TestVertex.moc"
