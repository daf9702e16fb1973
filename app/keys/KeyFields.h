#pragma once

#include "router/core/Tier.h"
#include "router/routing/SharedCapacityPolicy.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The editable parts of a provider key as a person names them: members and the workspace by
// name. Adding a key starts from the provider's defaults; editing starts from the stored key.
// A field left empty (nullopt) keeps what is there.
struct KeyFields
{
    std::optional<QString> label;
    std::optional<Tier> tier; // only when adding; moving is KeyService::moveKey
    std::optional<QString> baseUrl;
    std::optional<QString> caFile;
    std::optional<QString> workspace; // a workspace name, or "*" for all workspaces
    std::optional<QStringList> modelPatterns;
    std::optional<QStringList> memberNames;
    std::optional<QList<qint64>> localKeyIds;
    std::optional<SharedCapacityPolicy> sharedCapacity;
    std::optional<bool> enabled;
    // Provider settings by name ("region" → "eu-west-1"); an empty value removes a setting and
    // list settings are comma-separated.
    QMap<QString, QString> settings;
};
