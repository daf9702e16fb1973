#pragma once

#include "router/core/Result.h"
#include "router/providers/google/GoogleServiceAccount.h"
#include "router/upstream/UpstreamRequest.h"
#include "router/upstream/UpstreamTarget.h"

#include <optional>

// Where a Vertex AI key's requests go and how they are authenticated. A service account calls
// its project in the key's region — `global` when the key names none, served by
// aiplatform.googleapis.com, a region by {region}-aiplatform.googleapis.com — with the access
// token the router got for it; an express-mode API key calls the global publisher endpoint
// without a project, and only Google's own models.
class VertexEndpoint
{
public:
    // The key's service account, or nothing when its secret is an express-mode API key.
    static std::optional<GoogleServiceAccount> serviceAccount(const UpstreamTarget& target);
    // The URL of `method` ("generateContent", "streamRawPredict", ...) of a publisher's
    // ("google", "anthropic") model; fails when the key cannot call it.
    static Result<QUrl> url(const UpstreamTarget& target, QStringView publisher,
        const QString& model, const QString& method);
    // The access token as Bearer, or the express-mode key as x-goog-api-key (never in the URL,
    // where logs and proxies would see it).
    static void authorize(UpstreamRequest& request, const UpstreamTarget& target);

    // A service account's project at `location`: https://…/v1/projects/P/locations/L.
    static Result<QString> locationUrl(const UpstreamTarget& target, const QString& location);
    static QString region(const UpstreamTarget& target);
};
