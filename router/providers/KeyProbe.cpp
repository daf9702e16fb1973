#include "router/providers/KeyProbe.h"

#include "router/catalog/ProviderRegistry.h"
#include "router/providers/bedrock/BedrockAdapter.h"
#include "router/providers/google/VertexEndpoint.h"
#include "router/providers/openai/OpenAiRequestBuilder.h"
#include "router/upstream/OutcomeClassifier.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcKeyProbe, "keyway.router.keyprobe")

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KeyProbe)
};

QString baseUrl(const UpstreamTarget& target, const ProviderDescriptor& provider)
{
    QString url = target.baseUrl.isEmpty() ? provider.defaultBaseUrl : target.baseUrl;
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

UpstreamRequest getRequest(const QString& url, HttpHeaders headers)
{
    UpstreamRequest request;
    request.url = QUrl(url);
    request.headers = std::move(headers);
    return request; // a null body: GET
}

// A service account lists its project's Vertex endpoints: free, the same for every model, and it
// needs a good token, the project, Vertex AI enabled and the right to use it. Endpoints live in
// regions, so a global key asks us-central1. An express-mode key has no project: it counts the
// tokens of a one-word prompt, also free.
Result<UpstreamRequest> vertexRequest(const UpstreamTarget& target)
{
    if (const auto account = VertexEndpoint::serviceAccount(target)) {
        QString region = VertexEndpoint::region(target);
        if (region == u"global")
            region = QStringLiteral("us-central1");
        const Result<QString> location = VertexEndpoint::locationUrl(target, region);
        if (!location)
            return location.failure();
        UpstreamRequest request
            = getRequest(*location + QStringLiteral("/endpoints?pageSize=1"), {});
        VertexEndpoint::authorize(request, target);
        return request;
    }
    const Result<QUrl> url = VertexEndpoint::url(target, u"google",
        QString::fromLatin1(KeyProbe::vertexProbeModel), QStringLiteral("countTokens"));
    if (!url)
        return url.failure();
    UpstreamRequest request;
    request.url = *url;
    request.headers = { { "Content-Type", "application/json" } };
    VertexEndpoint::authorize(request, target);
    request.body = R"({"contents":[{"role":"user","parts":[{"text":"ping"}]}]})";
    return request;
}

// The probe for the key's provider, by its wire format.
Result<UpstreamRequest> probeRequest(const UpstreamTarget& target)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(target.providerId);
    if (!provider)
        return unsupported(Text::tr("Unknown provider \"%1\".").arg(target.providerId));
    const QByteArray secret = target.secret.toUtf8();
    switch (provider->wireFormat) {
    case WireFormat::OpenAiChat:
        // OpenRouter lists its models to anyone; its key endpoint needs a valid key.
        if (provider->isAggregator) {
            return getRequest(baseUrl(target, *provider) + QStringLiteral("/key"),
                { { "Authorization", "Bearer " + secret } });
        }
        return OpenAiRequestBuilder::build(target, OpenAiRequestBuilder::Endpoint::Models, {}, {});
    case WireFormat::AnthropicMessages:
        return getRequest(baseUrl(target, *provider) + QStringLiteral("/v1/models?limit=1"),
            { { "x-api-key", secret }, { "anthropic-version", "2023-06-01" } });
    case WireFormat::GoogleGenerateContent:
        if (provider->authScheme == AuthScheme::GoogApiKeyHeader) {
            return getRequest(
                baseUrl(target, *provider) + QStringLiteral("/v1beta/models?pageSize=1"),
                { { "x-goog-api-key", secret } });
        }
        return vertexRequest(target);
    case WireFormat::BedrockConverse: {
        // The control plane's list of models: free, and it needs a valid, signed key.
        const QString region = target.settings.value(QStringLiteral("region")).toString();
        QString base = target.baseUrl.isEmpty()
            ? QStringLiteral("https://bedrock.%1.amazonaws.com").arg(region)
            : target.baseUrl;
        while (base.endsWith(u'/'))
            base.chop(1);
        UpstreamRequest request
            = getRequest(base + QStringLiteral("/foundation-models?byOutputModality=TEXT"), {});
        BedrockAdapter::authorize(request, "GET", target.secret, region);
        return request;
    }
    }
    return unsupported(Text::tr("Keyway cannot check %1 keys yet.").arg(provider->displayName));
}

} // namespace

Result<UpstreamRequest> KeyProbe::request(const UpstreamTarget& target)
{
    Result<UpstreamRequest> request = probeRequest(target);
    // The URL without its query; the headers, which carry the key, never.
    if (request)
        qCDebug(lcKeyProbe) << "probing a" << target.providerId << "key at"
                            << request->url.toDisplayString(
                                   QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    else
        qCDebug(lcKeyProbe) << "cannot probe a" << target.providerId
                            << "key:" << request.failure().message;
    return request;
}

namespace {

using Verdict = KeyProbe::Verdict;

Verdict verdictOf(int httpStatus, const QByteArray& body)
{
    // Google says "API key not valid" with a 400 and the reason in its details.
    if (httpStatus == 400 && body.contains("API_KEY_INVALID"))
        return Verdict::Invalid;
    // AWS answers an unknown access key or a wrong secret with 403 and these words.
    if (httpStatus == 403
        && (body.contains("security token included in the request is invalid")
            || body.contains("signature we calculated does not match")))
        return Verdict::Invalid;
    if (httpStatus == 403 && body.contains("BILLING_DISABLED")) // Google's
        return Verdict::OutOfCredit;
    if (httpStatus == 403)
        return Verdict::NoAccess;
    if (httpStatus == 404)
        return Verdict::Failed; // a list of models is always there: the endpoint is wrong
    switch (OutcomeClassifier::classify(httpStatus, body)) {
    case UpstreamOutcome::Success:
        return Verdict::Works;
    case UpstreamOutcome::RateLimited:
        return Verdict::RateLimited;
    case UpstreamOutcome::InvalidKey:
        return Verdict::Invalid;
    case UpstreamOutcome::OutOfCredit:
        return Verdict::OutOfCredit;
    case UpstreamOutcome::ModelUnusable:
        return Verdict::NoAccess;
    case UpstreamOutcome::ServerFailure:
    case UpstreamOutcome::Silent:
    case UpstreamOutcome::ClientError:
        break;
    }
    return Verdict::Failed;
}

} // namespace

KeyProbe::Verdict KeyProbe::verdict(int httpStatus, const QByteArray& body)
{
    const Verdict found = verdictOf(httpStatus, body);
    qCDebug(lcKeyProbe) << "the probe's answer, HTTP" << httpStatus << "says" << verdictId(found);
    return found;
}

QString KeyProbe::verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Works:
        return QStringLiteral("works");
    case Verdict::Invalid:
        return QStringLiteral("invalid");
    case Verdict::NoAccess:
        return QStringLiteral("no-access");
    case Verdict::RateLimited:
        return QStringLiteral("rate-limited");
    case Verdict::OutOfCredit:
        return QStringLiteral("out-of-credit");
    case Verdict::Unreachable:
        return QStringLiteral("unreachable");
    case Verdict::Failed:
        break;
    }
    return QStringLiteral("failed");
}
