#pragma once

#include "router/access/LocalKeyDirectory.h"
#include "router/catalog/ModelCatalog.h"
#include "router/routing/RouteKey.h"
#include "router/routing/RouterSettings.h"
#include "router/upstream/UpstreamTarget.h"

#include <QHash>
#include <QList>

// Everything the router routes by, fixed at one moment: the app layer builds a new snapshot on
// every change and the router swaps it in. A request keeps the snapshot it started with, so a
// key removed meanwhile still finishes the requests already on it.
struct RoutingSnapshot
{
    QList<RouteKey> keys; // in routing order: tier, then position
    QHash<qint64, UpstreamTarget> targets; // by key id
    LocalKeyDirectory localKeys;
    ModelCatalog catalog;
    RouterSettings settings;

    const RouteKey* key(qint64 id) const
    {
        for (const RouteKey& key : keys) {
            if (key.id == id)
                return &key;
        }
        return nullptr;
    }
};
