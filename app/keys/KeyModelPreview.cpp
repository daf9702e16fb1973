#include "app/keys/KeyModelPreview.h"

#include "app/routing/RoutingSnapshotBuilder.h"
#include "router/routing/RoutePlanner.h"

QStringList KeyModelPreview::servedModels(const ProviderKey& key, const ModelCatalog& catalog)
{
    ProviderKey modelsOnly = key;
    modelsOnly.enabled = true;
    modelsOnly.secretMissing = false;
    modelsOnly.workspaceId.reset();
    modelsOnly.filters.memberIds.clear();
    modelsOnly.filters.localKeyIds.clear();
    QList<RouteKey> routeKeys = RoutingSnapshotBuilder::routeKeys({ modelsOnly });
    routeKeys.first().endpointRefusal.clear(); // what it serves, not whether it may now
    QStringList models;
    for (const ReachableModel& model : RoutePlanner::reachableModels({}, routeKeys, catalog))
        models.append(model.id);
    return models;
}
