#pragma once

#include "router/core/Tier.h"
#include "router/routing/SharedCapacityPolicy.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The restrictions of one provider key. An empty list places no restriction.
struct KeyFilters
{
    QStringList modelPatterns; // exact ids or globs, see ModelPattern
    QList<qint64> memberIds;
    QList<qint64> localKeyIds;

    bool isEmpty() const
    {
        return modelPatterns.isEmpty() && memberIds.isEmpty() && localKeyIds.isEmpty();
    }
    friend bool operator==(const KeyFilters&, const KeyFilters&) = default;
};

// One credential for one provider. Everything here is stored in SQLite; the secret itself lives
// only in the OS keychain under secretRef, and secretHint is its masked form ("sk-…AbCd").
struct ProviderKey
{
    qint64 id = 0;
    QString secretRef;
    QString providerId;
    QString label;
    QString secretHint;
    QString baseUrl; // empty: the provider's default endpoint
    QString caFile; // extra CA certificate for an endpoint override
    QJsonObject settings; // per-provider settings: region, project, deployments...
    Tier tier = Tier::Prioritized;
    int position = 0;
    bool enabled = true;
    std::optional<qint64> workspaceId; // nothing: the key serves all workspaces
    SharedCapacityPolicy sharedCapacity = SharedCapacityPolicy::Allow;
    KeyFilters filters;
    bool secretMissing = false; // flagged at start-up when the keychain has no entry
    QDateTime createdAt;
    QDateTime updatedAt;
};
