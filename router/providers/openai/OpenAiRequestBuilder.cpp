#include "router/providers/openai/OpenAiRequestBuilder.h"

#include "router/catalog/ProviderRegistry.h"

#include <QJsonDocument>

namespace {

QString pathOf(OpenAiRequestBuilder::Endpoint endpoint)
{
    switch (endpoint) {
    case OpenAiRequestBuilder::Endpoint::ChatCompletions:
        return QStringLiteral("/chat/completions");
    case OpenAiRequestBuilder::Endpoint::Embeddings:
        return QStringLiteral("/embeddings");
    case OpenAiRequestBuilder::Endpoint::Models:
        return QStringLiteral("/models");
    case OpenAiRequestBuilder::Endpoint::Responses:
        return QStringLiteral("/responses");
    }
    return {};
}

QString withoutTrailingSlash(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

// Request fields a service is known to refuse, by host. Mistral answers 422 to stream_options.
QStringList refusedFields(const QUrl& url)
{
    if (url.host().compare(QLatin1StringView("api.mistral.ai"), Qt::CaseInsensitive) == 0)
        return { QStringLiteral("stream_options") };
    return {};
}

// Azure: with a dated api-version, the classic deployment URL (the model is the deployment);
// otherwise the v1 API, where the model goes in the body as elsewhere.
Result<QString> azureUrl(const UpstreamTarget& target, OpenAiRequestBuilder::Endpoint endpoint,
    const QString& upstreamModel)
{
    QString base = withoutTrailingSlash(target.baseUrl);
    if (base.isEmpty()) {
        const QString resource = target.settings.value(QStringLiteral("resource")).toString();
        if (resource.isEmpty())
            return invalidInput(QStringLiteral("Azure key without a resource or endpoint"));
        base = QStringLiteral("https://%1.openai.azure.com").arg(resource);
    }
    const QString apiVersion = target.settings.value(QStringLiteral("api-version")).toString();
    if (apiVersion.isEmpty() || apiVersion == u"v1" || apiVersion == u"latest"
        || apiVersion == u"preview")
        return QString(base + QStringLiteral("/openai/v1") + pathOf(endpoint));
    // Of the resource, not a deployment: the Responses API names the deployment in the body.
    if (endpoint == OpenAiRequestBuilder::Endpoint::Models
        || endpoint == OpenAiRequestBuilder::Endpoint::Responses)
        return QString(base + QStringLiteral("/openai") + pathOf(endpoint)
            + QStringLiteral("?api-version=") + apiVersion);
    return QString(base + QStringLiteral("/openai/deployments/") + upstreamModel + pathOf(endpoint)
        + QStringLiteral("?api-version=") + apiVersion);
}

} // namespace

Result<UpstreamRequest> OpenAiRequestBuilder::build(
    const UpstreamTarget& target, Endpoint endpoint, QJsonObject body, const QString& upstreamModel)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(target.providerId);
    if (!provider || provider->wireFormat != WireFormat::OpenAiChat)
        return unsupported(
            QStringLiteral("%1 does not speak the OpenAI format").arg(target.providerId));
    UpstreamRequest request;
    const bool azure = provider->authScheme == AuthScheme::ApiKeyHeader;
    const Result<QString> url = azure
        ? azureUrl(target, endpoint, upstreamModel)
        : Result<QString>(withoutTrailingSlash(
                              target.baseUrl.isEmpty() ? provider->defaultBaseUrl : target.baseUrl)
            + pathOf(endpoint));
    if (!url)
        return url.failure();
    request.url = QUrl(*url);

    const auto addHeader = [&request](const QByteArray& name, const QByteArray& value) {
        request.headers.append({ name, value });
    };
    addHeader("Content-Type", "application/json");
    if (azure)
        addHeader("api-key", target.secret.toUtf8());
    else if (!target.secret.isEmpty())
        addHeader("Authorization", "Bearer " + target.secret.toUtf8());
    if (target.providerId == u"openai") {
        for (const auto& [setting, header] : { std::pair { "organization", "OpenAI-Organization" },
                 std::pair { "project", "OpenAI-Project" } }) {
            const QString value = target.settings.value(QLatin1StringView(setting)).toString();
            if (!value.isEmpty())
                addHeader(header, value.toUtf8());
        }
    }
    if (provider->isAggregator)
        addHeader("X-Title", "Keyway"); // OpenRouter's app attribution

    if (endpoint == Endpoint::Models)
        return request;
    body.insert(QStringLiteral("model"), upstreamModel);
    if (endpoint == Endpoint::ChatCompletions && body.value(QStringLiteral("stream")).toBool()) {
        // Usage lets the router count tokens; the client only gets the usage chunk it asked for.
        QJsonObject options = body.value(QStringLiteral("stream_options")).toObject();
        options.insert(QStringLiteral("include_usage"), true);
        body.insert(QStringLiteral("stream_options"), options);
    }
    for (const QString& field : refusedFields(request.url)) {
        if (body.contains(field)) {
            body.remove(field);
            request.droppedFields.append(field);
        }
    }
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}
