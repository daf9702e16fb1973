#pragma once

#include "app/domain/ProviderKey.h"
#include "router/catalog/ModelCatalog.h"

#include <QStringList>

// Which catalog models a key would serve with the filters being edited: what the filter
// editor's preview shows, from the planner's own rules (RoutePlanner::reachableModels).
class KeyModelPreview
{
public:
    // Canonical ids, sorted. Member, local-key and workspace filters are left aside: they say
    // who may use the key, not what it serves.
    static QStringList servedModels(const ProviderKey& key, const ModelCatalog& catalog);
};
