#pragma once

#include "app/domain/ProviderKey.h"
#include "router/routing/RouteKey.h"

#include <QList>

// Turns stored provider keys into what the router decides on. The app layer owns this step so
// that the router never reads storage.
class RoutingSnapshotBuilder
{
public:
    // In routing order (the store lists keys by tier, then position).
    static QList<RouteKey> routeKeys(const QList<ProviderKey>& keys);
};
