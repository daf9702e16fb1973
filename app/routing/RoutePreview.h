#pragma once

#include "router/core/Tier.h"

#include <QList>
#include <QString>

// Which keys a request would be tried on now, in order, and why every other key would not:
// the router's own plan (Router::plan), with the names a person knows the keys by.
struct RoutePreview
{
    struct Key
    {
        qint64 id = 0;
        QString label;
        QString providerId;
        Tier tier = Tier::Prioritized;
        QString upstreamModel; // for a planned key: the id its provider is sent
        bool probe = false; // a planned key whose circuit lets this one request through
        QString exclusion; // for a key not used: why ("cooling down for 23 s", ...)
    };

    QString model;
    QList<Key> planned;
    QList<Key> excluded;
    QString problem; // why there is no preview (an unknown local key, no router)
};
