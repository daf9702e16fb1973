#include "router/providers/google/VertexGeminiAdapter.h"

#include "router/providers/google/VertexEndpoint.h"

Result<void> VertexGeminiAdapter::address(
    UpstreamRequest& request, const UpstreamTarget& target, const QString& model, bool stream) const
{
    const Result<QUrl> url = VertexEndpoint::url(target, u"google", model, method(stream));
    if (!url)
        return url.failure();
    request.url = *url;
    VertexEndpoint::authorize(request, target);
    return {};
}
