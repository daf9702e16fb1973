#pragma once

#include <QJsonObject>
#include <QString>

// Where and how to reach one provider key: what an adapter needs besides the request. Built by
// the app layer from the store and the vault; the only place the router holds a secret.
struct UpstreamTarget
{
    QString providerId;
    QString baseUrl; // the key's override, or empty for the provider's default endpoint
    QString secret; // the keychain entry as stored (an API key, or JSON for Bedrock/Vertex)
    QJsonObject settings {}; // region, resource, deployments, api-version...
    QString caFile {}; // an extra CA certificate (PEM or DER) to trust for this key's endpoint
    // A short-lived token the secret was exchanged for (a Vertex service account's), set by
    // the router for the attempt that needs it.
    QString accessToken {};

    friend bool operator==(const UpstreamTarget&, const UpstreamTarget&) = default;
};
