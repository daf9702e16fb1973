#include "router/providers/openai/OpenAiRequestBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

using Endpoint = OpenAiRequestBuilder::Endpoint;

UpstreamTarget target(const char* provider, const char* secret = "sk-test-secret-0001")
{
    return { QString::fromLatin1(provider), {}, QString::fromLatin1(secret), {}, {} };
}

QJsonObject chat(bool stream = false)
{
    QJsonObject body { { "model", "what-the-client-said" },
        { "messages", QJsonArray { QJsonObject { { "role", "user" }, { "content", "hi" } } } } };
    if (stream)
        body.insert("stream", true);
    return body;
}

QJsonObject bodyOf(const UpstreamRequest& request)
{
    return QJsonDocument::fromJson(request.body).object();
}

// Where the secret appears: only in the header meant for it.
QStringList placesOfSecret(const UpstreamRequest& request, const QByteArray& secret)
{
    QStringList places;
    for (const auto& [name, value] : request.headers) {
        if (value.contains(secret))
            places.append(QString::fromLatin1(name));
    }
    if (request.body.contains(secret) || request.url.toEncoded().contains(secret))
        places.append("body or url");
    return places;
}

} // namespace

class TestOpenAiRequestBuilder : public QObject
{
    Q_OBJECT

private slots:
    void openai()
    {
        UpstreamTarget openai = target("openai");
        openai.settings = { { "organization", "org-123" }, { "project", "proj_abc" } };
        const auto request
            = OpenAiRequestBuilder::build(openai, Endpoint::ChatCompletions, chat(), "gpt-4.1");
        QVERIFY(request);
        QCOMPARE(request->url, QUrl("https://api.openai.com/v1/chat/completions"));
        QCOMPARE(request->header("Authorization"), QByteArray("Bearer sk-test-secret-0001"));
        QCOMPARE(request->header("OpenAI-Organization"), QByteArray("org-123"));
        QCOMPARE(request->header("OpenAI-Project"), QByteArray("proj_abc"));
        QCOMPARE(bodyOf(*request).value("model").toString(), QString("gpt-4.1"));
        QVERIFY(!bodyOf(*request).contains("stream_options"));
        QCOMPARE(placesOfSecret(*request, "sk-test-secret-0001"), QStringList { "Authorization" });
    }

    void streamingAsksForUsage()
    {
        QJsonObject body = chat(true);
        body.insert("stream_options", QJsonObject { { "include_usage", false } });
        const auto request = OpenAiRequestBuilder::build(
            target("openai"), Endpoint::ChatCompletions, body, "gpt-4.1");
        QCOMPARE(
            bodyOf(*request).value("stream_options").toObject().value("include_usage").toBool(),
            true);
    }

    void openRouterKeepsItsModelsAndIsAttributed()
    {
        QJsonObject body = chat();
        body.insert("models", QJsonArray { "openai/gpt-4.1", "anthropic/claude-sonnet-4.5" });
        const auto request = OpenAiRequestBuilder::build(
            target("openrouter"), Endpoint::ChatCompletions, body, "openai/gpt-4.1");
        QCOMPARE(request->url, QUrl("https://openrouter.ai/api/v1/chat/completions"));
        QCOMPARE(request->header("X-Title"), QByteArray("Keyway"));
        QCOMPARE(bodyOf(*request).value("models").toArray().size(), 2);
    }

    void compatibleServicesAndTheirQuirks()
    {
        UpstreamTarget mistral = target("openai-compatible");
        mistral.baseUrl = "https://api.mistral.ai/v1/";
        const auto request = OpenAiRequestBuilder::build(
            mistral, Endpoint::ChatCompletions, chat(true), "mistral-large-latest");
        QCOMPARE(request->url, QUrl("https://api.mistral.ai/v1/chat/completions"));
        QVERIFY(!bodyOf(*request).contains("stream_options"));
        QCOMPARE(request->droppedFields, QStringList { "stream_options" });

        UpstreamTarget ollama = target("openai-compatible", "");
        ollama.baseUrl = "http://127.0.0.1:11434/v1";
        const auto local = OpenAiRequestBuilder::build(
            ollama, Endpoint::Embeddings, QJsonObject { { "input", "x" } }, "nomic-embed-text");
        QCOMPARE(local->url, QUrl("http://127.0.0.1:11434/v1/embeddings"));
        QVERIFY(local->header("Authorization").isEmpty()); // no key, no header
    }

    void azureBothUrlStyles()
    {
        UpstreamTarget azure = target("azure");
        azure.settings = { { "resource", "acme-ai" } };
        auto request
            = OpenAiRequestBuilder::build(azure, Endpoint::ChatCompletions, chat(), "gpt-4o-prod");
        QCOMPARE(request->url, QUrl("https://acme-ai.openai.azure.com/openai/v1/chat/completions"));
        QCOMPARE(request->header("api-key"), QByteArray("sk-test-secret-0001"));
        QVERIFY(request->header("Authorization").isEmpty());
        QCOMPARE(placesOfSecret(*request, "sk-test-secret-0001"), QStringList { "api-key" });

        azure.settings.insert("api-version", "2024-10-21");
        request
            = OpenAiRequestBuilder::build(azure, Endpoint::ChatCompletions, chat(), "gpt-4o-prod");
        QCOMPARE(request->url,
            QUrl("https://acme-ai.openai.azure.com/openai/deployments/gpt-4o-prod/chat/"
                 "completions?api-version=2024-10-21"));

        const auto refused
            = OpenAiRequestBuilder::build(target("azure"), Endpoint::ChatCompletions, chat(), "x");
        QVERIFY(!refused);
        QVERIFY(refused.failure().message.contains("resource"));
    }

    void refusesOtherWireFormats()
    {
        const auto refused = OpenAiRequestBuilder::build(
            target("anthropic"), Endpoint::ChatCompletions, chat(), "claude");
        QVERIFY(!refused);
        QVERIFY(refused.failure().message.contains("anthropic"));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiRequestBuilder)
#include "TestOpenAiRequestBuilder.moc"
