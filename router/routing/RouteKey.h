#pragma once

#include "router/catalog/ModelPattern.h"
#include "router/core/Tier.h"
#include "router/routing/SharedCapacityPolicy.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One provider key as the router sees it in a routing snapshot: what routing decides on. The app
// layer builds these from the store; the router never reads storage.
struct RouteKey
{
    qint64 id = 0;
    QString label;
    QString providerId;
    Tier tier = Tier::Prioritized;
    int position = 0;
    bool enabled = true;
    bool secretMissing = false; // the keychain has no entry for it
    bool secretUnreadable = false; // the keychain did not give it (locked, refusing, not there)
    // Why the key's secret may not go to its endpoint, as far as the URL alone tells
    // (PlainHttpRule: plain HTTP to a public address); empty when it may.
    QString endpointRefusal;
    std::optional<qint64> workspaceId; // nothing: every workspace
    SharedCapacityPolicy sharedCapacity = SharedCapacityPolicy::Allow;
    QList<ModelPattern> modelFilter;
    QList<qint64> memberFilter;
    QList<qint64> localKeyFilter;
    // The models the key itself says it serves (an OpenAI-compatible service's list, Azure
    // deployments). Empty: what the catalog and the id rules say.
    QStringList servedModels;
};
