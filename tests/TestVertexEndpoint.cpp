#include "router/providers/google/VertexEndpoint.h"
#include "tests/support/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Where a Vertex AI key's requests go and how they are signed: a service account calls its
// project in its region (or `global`), an express-mode API key the global publisher endpoint.
class TestVertexEndpoint : public QObject
{
    Q_OBJECT

private:
    static QString serviceAccountJson(const QString& projectId)
    {
        QJsonObject account
            = QJsonDocument::fromJson(TestData::serviceAccountJson().toUtf8()).object();
        if (projectId.isNull())
            account.remove(QStringLiteral("project_id"));
        else
            account.insert(QStringLiteral("project_id"), projectId);
        return QString::fromUtf8(QJsonDocument(account).toJson(QJsonDocument::Indented));
    }

    static UpstreamTarget serviceAccountKey(const QJsonObject& settings = {},
        const QString& projectInJson = QStringLiteral("json-project"))
    {
        return { .providerId = QStringLiteral("vertex"),
            .baseUrl = {},
            .secret = serviceAccountJson(projectInJson),
            .settings = settings,
            .accessToken = QStringLiteral("ya29.access-token") };
    }

    static UpstreamTarget expressKey(const QJsonObject& settings = {})
    {
        return { .providerId = QStringLiteral("vertex"),
            .baseUrl = {},
            .secret = QStringLiteral("  AQ.express-key-123\n"),
            .settings = settings };
    }

    static QByteArray encodedUrl(const Result<QUrl>& url)
    {
        if (!url) {
            qWarning("no URL: %s", qPrintable(url.failure().message));
            return {};
        }
        return url->toEncoded();
    }

private slots:
    void aServiceAccountCallsItsProjectInItsRegion()
    {
        const UpstreamTarget key
            = serviceAccountKey({ { QStringLiteral("region"), QStringLiteral("us-east5") },
                { QStringLiteral("project"), QStringLiteral("my-project") } });
        QCOMPARE(encodedUrl(VertexEndpoint::url(key, u"anthropic",
                     QStringLiteral("claude-sonnet-4-5@20250929"), QStringLiteral("rawPredict"))),
            QByteArray("https://us-east5-aiplatform.googleapis.com/v1/projects/my-project/"
                       "locations/us-east5/publishers/anthropic/models/"
                       "claude-sonnet-4-5@20250929:rawPredict"));
        QCOMPARE(encodedUrl(VertexEndpoint::url(key, u"google", QStringLiteral("gemini-2.5-pro"),
                     QStringLiteral("streamGenerateContent"))),
            QByteArray("https://us-east5-aiplatform.googleapis.com/v1/projects/my-project/"
                       "locations/us-east5/publishers/google/models/"
                       "gemini-2.5-pro:streamGenerateContent"));
    }

    void withoutARegionTheServiceAccountCallsGlobal()
    {
        for (const QJsonObject& settings :
            { QJsonObject {}, QJsonObject { { QStringLiteral("region"), QStringLiteral("  ") } },
                QJsonObject { { QStringLiteral("region"), QStringLiteral("global") } } }) {
            const UpstreamTarget key = serviceAccountKey(settings);
            QCOMPARE(VertexEndpoint::region(key), QStringLiteral("global"));
            QCOMPARE(encodedUrl(VertexEndpoint::url(key, u"google",
                         QStringLiteral("gemini-2.5-flash"), QStringLiteral("generateContent"))),
                QByteArray("https://aiplatform.googleapis.com/v1/projects/json-project/"
                           "locations/global/publishers/google/models/"
                           "gemini-2.5-flash:generateContent"));
        }
    }

    void theRegionIsTrimmed()
    {
        const UpstreamTarget key
            = serviceAccountKey({ { QStringLiteral("region"), QStringLiteral(" europe-west4 ") } });
        QCOMPARE(VertexEndpoint::region(key), QStringLiteral("europe-west4"));
        QCOMPARE(*VertexEndpoint::locationUrl(key, VertexEndpoint::region(key)),
            QStringLiteral(
                "https://europe-west4-aiplatform.googleapis.com/v1/projects/json-project/"
                "locations/europe-west4"));
    }

    void theKeysProjectWinsOverTheJsons()
    {
        const UpstreamTarget key
            = serviceAccountKey({ { QStringLiteral("project"), QStringLiteral(" set-project ") } });
        QCOMPARE(*VertexEndpoint::locationUrl(key, QStringLiteral("us-central1")),
            QStringLiteral("https://us-central1-aiplatform.googleapis.com/v1/projects/set-project/"
                           "locations/us-central1"));
    }

    void theProjectComesFromTheJsonWhenTheKeyHasNone()
    {
        const UpstreamTarget key = serviceAccountKey({}, QStringLiteral("from-the-file"));
        QCOMPARE(*VertexEndpoint::locationUrl(key, QStringLiteral("global")),
            QStringLiteral("https://aiplatform.googleapis.com/v1/projects/from-the-file/"
                           "locations/global"));
    }

    void aServiceAccountWithoutAProjectIsRefused()
    {
        for (const QString& project : { QString(), QStringLiteral("") }) {
            const UpstreamTarget key = serviceAccountKey({}, project);
            const Result<QUrl> url = VertexEndpoint::url(key, u"google",
                QStringLiteral("gemini-2.5-pro"), QStringLiteral("generateContent"));
            QVERIFY(!url);
            QCOMPARE(url.failure().kind, FailureKind::InvalidInput);
            QVERIFY2(url.failure().message.contains(QStringLiteral("without a project")),
                qPrintable(url.failure().message));
        }
    }

    void aBrokenServiceAccountWithoutAProjectIsRefused()
    {
        UpstreamTarget key = serviceAccountKey();
        key.secret = QStringLiteral("{\"type\": \"service_account\"}");
        QVERIFY(!VertexEndpoint::serviceAccount(key));
        const Result<QUrl> url = VertexEndpoint::url(
            key, u"google", QStringLiteral("gemini-2.5-pro"), QStringLiteral("generateContent"));
        QVERIFY(!url);
        QCOMPARE(url.failure().kind, FailureKind::InvalidInput);
        QVERIFY2(url.failure().message.contains(QStringLiteral("service-account")),
            qPrintable(url.failure().message));
    }

    void anExpressKeyCallsTheGlobalPublisherEndpoint()
    {
        // Express mode has no project and no region: a region on the key changes nothing.
        for (const QJsonObject& settings : { QJsonObject {},
                 QJsonObject { { QStringLiteral("region"), QStringLiteral("us-central1") },
                     { QStringLiteral("project"), QStringLiteral("my-project") } } }) {
            QCOMPARE(encodedUrl(VertexEndpoint::url(expressKey(settings), u"google",
                         QStringLiteral("gemini-2.5-pro"), QStringLiteral("generateContent"))),
                QByteArray("https://aiplatform.googleapis.com/v1/publishers/google/models/"
                           "gemini-2.5-pro:generateContent"));
        }
    }

    void anExpressKeyCannotCallPartnerModels()
    {
        const Result<QUrl> url = VertexEndpoint::url(expressKey(), u"anthropic",
            QStringLiteral("claude-sonnet-4-5@20250929"), QStringLiteral("rawPredict"));
        QVERIFY(!url);
        QCOMPARE(url.failure().kind, FailureKind::Unsupported);
        QVERIFY2(url.failure().message.contains(QStringLiteral("service account")),
            qPrintable(url.failure().message));
    }

    void theModelStaysOnePathSegment()
    {
        const UpstreamTarget key = expressKey();
        const QByteArray prefix = "https://aiplatform.googleapis.com/v1/publishers/google/models/";
        QCOMPARE(encodedUrl(VertexEndpoint::url(
                     key, u"google", QStringLiteral("../../v1/x"), QStringLiteral("predict"))),
            prefix + "..%2F..%2Fv1%2Fx:predict");
        QCOMPARE(encodedUrl(VertexEndpoint::url(
                     key, u"google", QStringLiteral("a b?c#d"), QStringLiteral("predict"))),
            prefix + "a%20b%3Fc%23d:predict");
        QCOMPARE(encodedUrl(VertexEndpoint::url(
                     key, u"google", QStringLiteral("tuned:model"), QStringLiteral("predict"))),
            prefix + "tuned%3Amodel:predict");
        // '@' is Vertex's own separator of a model and its version: it stays.
        QCOMPARE(encodedUrl(VertexEndpoint::url(key, u"google",
                     QStringLiteral("gemini-2.0-flash@001"), QStringLiteral("predict"))),
            prefix + "gemini-2.0-flash@001:predict");
    }

    void anEndpointOverrideReplacesTheHost()
    {
        UpstreamTarget serviceAccount
            = serviceAccountKey({ { QStringLiteral("region"), QStringLiteral("us-east5") } });
        serviceAccount.baseUrl = QStringLiteral("https://vertex-proxy.example/");
        QCOMPARE(encodedUrl(VertexEndpoint::url(serviceAccount, u"google",
                     QStringLiteral("gemini-2.5-pro"), QStringLiteral("generateContent"))),
            QByteArray("https://vertex-proxy.example/v1/projects/json-project/locations/us-east5/"
                       "publishers/google/models/gemini-2.5-pro:generateContent"));
        UpstreamTarget express = expressKey();
        express.baseUrl = QStringLiteral("http://127.0.0.1:8443//");
        QCOMPARE(encodedUrl(VertexEndpoint::url(express, u"google",
                     QStringLiteral("gemini-2.5-pro"), QStringLiteral("generateContent"))),
            QByteArray("http://127.0.0.1:8443/v1/publishers/google/models/"
                       "gemini-2.5-pro:generateContent"));
    }

    void aRegionThatIsNoRegionNameDoesNotLeaveGoogle()
    {
        // KeyService refuses such a region when a key is saved; the router takes the snapshot's
        // settings as they come, and the region is written into the host name.
        const UpstreamTarget key = serviceAccountKey(
            { { QStringLiteral("region"), QStringLiteral("attacker.example/x#") } });
        const Result<QUrl> url = VertexEndpoint::url(
            key, u"google", QStringLiteral("gemini-2.5-pro"), QStringLiteral("generateContent"));
        QVERIFY(!url || url->host().endsWith(QStringLiteral(".googleapis.com")));
    }

    void serviceAccountOnlyForJsonSecrets()
    {
        QVERIFY(!VertexEndpoint::serviceAccount(expressKey()));
        const auto account = VertexEndpoint::serviceAccount(serviceAccountKey());
        QVERIFY(account);
        QCOMPARE(account->clientEmail(),
            QStringLiteral("router@keyway-test-project.iam.gserviceaccount.com"));
        QCOMPARE(account->projectId(), QStringLiteral("json-project"));
        UpstreamTarget indented = serviceAccountKey();
        indented.secret.prepend(QStringLiteral("\n  "));
        QVERIFY(VertexEndpoint::serviceAccount(indented));
    }

    void aServiceAccountSendsItsAccessToken()
    {
        UpstreamRequest request;
        request.headers = { { "Content-Type", "application/json" } };
        VertexEndpoint::authorize(request, serviceAccountKey());
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer ya29.access-token"));
        QVERIFY(request.header("x-goog-api-key").isEmpty());
        QCOMPARE(request.headers.size(), 2);
    }

    void anExpressKeyGoesInItsHeaderNotTheUrl()
    {
        const UpstreamTarget key = expressKey();
        UpstreamRequest request;
        request.url = *VertexEndpoint::url(
            key, u"google", QStringLiteral("gemini-2.5-pro"), QStringLiteral("generateContent"));
        VertexEndpoint::authorize(request, key);
        QCOMPARE(request.header("x-goog-api-key"), QByteArray("AQ.express-key-123"));
        QVERIFY(request.header("Authorization").isEmpty());
        QVERIFY(!request.url.toEncoded().contains("express-key"));
        QVERIFY(!request.url.hasQuery());
    }
};

QTEST_GUILESS_MAIN(TestVertexEndpoint)
#include "TestVertexEndpoint.moc"
