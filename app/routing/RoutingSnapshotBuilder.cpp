#include "app/routing/RoutingSnapshotBuilder.h"

#include "app/keys/KeyService.h"

#include <QJsonArray>

namespace {

// The models a key says it serves: an OpenAI-compatible service's list or Azure deployments.
QStringList servedModels(const QJsonObject& settings)
{
    QStringList models;
    for (const char* name : { "served-models", "deployments" }) {
        for (const QJsonValue& value : settings.value(QLatin1StringView(name)).toArray())
            models.append(value.toString());
    }
    return models;
}

} // namespace

QList<RouteKey> RoutingSnapshotBuilder::routeKeys(const QList<ProviderKey>& keys)
{
    QList<RouteKey> routeKeys;
    routeKeys.reserve(keys.size());
    for (const ProviderKey& key : keys) {
        RouteKey route;
        route.id = key.id;
        route.label = key.label;
        route.providerId = key.providerId;
        route.tier = key.tier;
        route.position = key.position;
        route.enabled = key.enabled;
        route.secretMissing = key.secretMissing;
        route.endpointRefusal = KeyService::endpointRefusal(key).value_or(QString());
        route.workspaceId = key.workspaceId;
        route.sharedCapacity = key.sharedCapacity;
        // Stored patterns were checked on the way in. Should one no longer parse, the key is
        // left out rather than let through with a wider filter than its owner set.
        for (const QString& text : key.filters.modelPatterns) {
            if (auto pattern = ModelPattern::parse(text))
                route.modelFilter.append(*pattern);
            else
                route.enabled = false;
        }
        route.memberFilter = key.filters.memberIds;
        route.localKeyFilter = key.filters.localKeyIds;
        route.servedModels = servedModels(key.settings);
        routeKeys.append(route);
    }
    return routeKeys;
}
