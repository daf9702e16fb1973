#include "router/providers/google/VertexGeminiAdapter.h"

#include "router/providers/google/VertexEndpoint.h"

bool VertexGeminiAdapter::address(UpstreamRequest& request, const UpstreamTarget& target,
    const QString& model, bool stream, QString* error) const
{
    const std::optional<QUrl> url
        = VertexEndpoint::url(target, u"google", model, method(stream), error);
    if (!url)
        return false;
    request.url = *url;
    VertexEndpoint::authorize(request, target);
    return true;
}
