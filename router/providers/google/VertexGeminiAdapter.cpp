#include "router/providers/google/VertexGeminiAdapter.h"

#include "router/providers/google/VertexEndpoint.h"

Result<UpstreamRequest> VertexGeminiAdapter::buildRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& upstreamModel) const
{
    if (call.protocol == ClientProtocol::Gemini && call.endpoint == ClientEndpoint::Embeddings)
        return unsupported(
            QStringLiteral("Vertex AI keys do not take the Gemini API's embeddings"));
    return GeminiAdapter::buildRequest(target, call, upstreamModel);
}

Result<void> VertexGeminiAdapter::address(UpstreamRequest& request, const UpstreamTarget& target,
    const QString& model, const QString& method) const
{
    const Result<QUrl> url = VertexEndpoint::url(target, u"google", model, method);
    if (!url)
        return url.failure();
    request.url = *url;
    VertexEndpoint::authorize(request, target);
    return {};
}
