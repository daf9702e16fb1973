#pragma once

#include "router/catalog/ModelCatalog.h"
#include "router/routing/KeyHealth.h"
#include "router/routing/RouteKey.h"

#include <QList>
#include <QString>

#include <optional>

// What the planner needs to know about one client request.
struct RouteRequest
{
    QString model; // as the client named it
    qint64 memberId = 0;
    qint64 localKeyId = 0;
    qint64 workspaceId = 0;
};

// Why a key is not in a plan, in the order the rules are applied (DESIGN.md section 2).
enum class ExclusionReason {
    Disabled,
    SecretMissing,
    SecretUnreadable,
    EndpointRefused,
    OtherWorkspace,
    CannotServeModel,
    ModelFilter,
    MemberFilter,
    LocalKeyFilter,
    SharedCapacityForbidden,
    Invalid,
    CoolingDown,
    OutOfCredit,
    CircuitOpen,
    ModelUnusable,
};

struct PlannedAttempt
{
    qint64 keyId = 0;
    QString upstreamModel; // the id this key's provider knows the model by
    bool probe = false; // the half-open circuit's one trial request
};

struct ExcludedKey
{
    qint64 keyId = 0;
    ExclusionReason reason = ExclusionReason::Disabled;
    QString detail; // the key that forbids shared capacity, the unusable model...
    std::optional<KeyHealth::Clock::time_point> until; // when a health exclusion ends
};

struct ReachableModel
{
    QString id;
    QString providerId; // of the first key that serves it
};

struct RoutePlan
{
    QList<PlannedAttempt> attempts; // in the order to try them
    QList<ExcludedKey> excluded; // every other key, in routing order
    // The earliest moment a key excluded only for its health comes back, if any will.
    std::optional<KeyHealth::Clock::time_point> earliestReturn;
};

// Decides which keys a request may use, in which order, and why every other key may not. A pure
// function of its inputs: the router, the route preview in the window and `keyway route
// explain` all call it, so what they show is what the router does.
class RoutePlanner
{
public:
    // `keys` in routing order: tier, then position.
    static RoutePlan plan(const RouteRequest& request, const QList<RouteKey>& keys,
        const ModelCatalog& catalog, const HealthSnapshot& health,
        KeyHealth::Clock::time_point now);

    // The id the key's provider would be sent for `requestedModel`, or nothing when the key
    // cannot serve it. Ignores the key's filters.
    static std::optional<QString> upstreamModel(
        const RouteKey& key, const QString& requestedModel, const ModelCatalog& catalog);

    // The models a caller can name with some key of theirs (GET /v1/models): the catalog's
    // models their keys serve, the keys' own model lists and the exact ids in model filters.
    // `caller.model` is ignored. Health is not considered: a resting key comes back.
    static QList<ReachableModel> reachableModels(
        const RouteRequest& caller, const QList<RouteKey>& keys, const ModelCatalog& catalog);

    // A short phrase for people: "cooling down for 23 s", "model filter does not match".
    static QString describe(const ExcludedKey& excluded, KeyHealth::Clock::time_point now);
};
