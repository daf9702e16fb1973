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
    const QList<RouteKey> routeKeys = RoutingSnapshotBuilder::routeKeys({ modelsOnly });
    QStringList models;
    for (const ReachableModel& model : RoutePlanner::reachableModels({}, routeKeys, catalog))
        models.append(model.id);
    return models;
}
