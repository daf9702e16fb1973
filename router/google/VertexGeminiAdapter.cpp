#include "VertexGeminiAdapter.h"

#include "VertexEndpoint.h"

std::optional<GoogleServiceAccount> VertexGeminiAdapter::serviceAccount(
    const UpstreamTarget& target) const
{
    return VertexEndpoint::serviceAccount(target);
}

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
