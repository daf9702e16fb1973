#include "router/routing/RoutePlanner.h"

#include "router/catalog/ProviderRegistry.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>

namespace {

using Clock = KeyHealth::Clock;

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RoutePlanner)
};

bool containsIgnoringCase(const QStringList& list, const QString& value)
{
    return list.contains(value, Qt::CaseInsensitive);
}

// For an id the catalog does not know: the direct provider its prefix names, and the id that
// provider knows it by. A model released yesterday works before the catalog knows it.
std::optional<std::pair<QString, QString>> directProviderOf(const QString& model)
{
    for (const auto& [prefix, provider] : { std::pair { "openai/", "openai" },
             std::pair { "anthropic/", "anthropic" }, std::pair { "google/", "gemini" } }) {
        if (model.startsWith(QLatin1StringView(prefix), Qt::CaseInsensitive))
            return std::pair { QString::fromLatin1(provider),
                model.mid(qsizetype(strlen(prefix))) };
    }
    for (const auto& [prefix, provider] : { std::pair { "gpt-", "openai" },
             std::pair { "claude-", "anthropic" }, std::pair { "gemini-", "gemini" } }) {
        if (model.startsWith(QLatin1StringView(prefix), Qt::CaseInsensitive))
            return std::pair { QString::fromLatin1(provider), model };
    }
    return std::nullopt;
}

bool modelFilterMatches(const RouteKey& key, const QStringList& namesOfTheModel)
{
    if (key.modelFilter.isEmpty())
        return true;
    for (const ModelPattern& pattern : key.modelFilter) {
        for (const QString& name : namesOfTheModel) {
            if (pattern.matches(name))
                return true;
        }
    }
    return false;
}

// The first rule (before health) that keeps the key out, if any.
std::optional<ExcludedKey> filterOut(const RouteKey& key, const RouteRequest& request,
    const std::optional<QString>& upstream, const ModelCatalog::Entry* entry)
{
    const auto out = [&](ExclusionReason reason, QString detail = {}) {
        return std::optional(ExcludedKey { key.id, reason, std::move(detail), std::nullopt });
    };
    if (!key.enabled)
        return out(ExclusionReason::Disabled);
    if (key.secretMissing)
        return out(ExclusionReason::SecretMissing);
    if (key.secretUnreadable)
        return out(ExclusionReason::SecretUnreadable);
    if (!key.endpointRefusal.isEmpty())
        return out(ExclusionReason::EndpointRefused, key.endpointRefusal);
    if (key.workspaceId && *key.workspaceId != request.workspaceId)
        return out(ExclusionReason::OtherWorkspace);
    if (!upstream)
        return out(ExclusionReason::CannotServeModel, request.model);
    QStringList names { request.model, *upstream };
    if (entry)
        names.append(entry->canonicalId);
    if (!modelFilterMatches(key, names))
        return out(ExclusionReason::ModelFilter, request.model);
    if (!key.memberFilter.isEmpty() && !key.memberFilter.contains(request.memberId))
        return out(ExclusionReason::MemberFilter);
    if (!key.localKeyFilter.isEmpty() && !key.localKeyFilter.contains(request.localKeyId))
        return out(ExclusionReason::LocalKeyFilter);
    return std::nullopt;
}

// The health rule that keeps the key out now, if any; a circuit whose wait is over lets one
// probe through.
std::optional<ExcludedKey> healthOut(const RouteKey& key, const QString& upstream,
    const HealthSnapshot& health, Clock::time_point now)
{
    const auto it = health.constFind(key.id);
    if (it == health.cend())
        return std::nullopt;
    const KeyHealth& h = *it;
    switch (h.state) {
    case KeyHealth::State::Ready:
        break;
    case KeyHealth::State::Invalid:
        return ExcludedKey { key.id, ExclusionReason::Invalid, {}, std::nullopt };
    case KeyHealth::State::CoolingDown:
    case KeyHealth::State::OutOfCredit:
    case KeyHealth::State::CircuitOpen:
        if (h.until > now) {
            const ExclusionReason reason = h.state == KeyHealth::State::CoolingDown
                ? ExclusionReason::CoolingDown
                : h.state == KeyHealth::State::OutOfCredit ? ExclusionReason::OutOfCredit
                                                           : ExclusionReason::CircuitOpen;
            return ExcludedKey { key.id, reason, {}, h.until };
        }
        break;
    }
    for (auto model = h.unusableModels.cbegin(); model != h.unusableModels.cend(); ++model) {
        if (model.key().compare(upstream, Qt::CaseInsensitive) == 0 && model.value() > now)
            return ExcludedKey { key.id, ExclusionReason::ModelUnusable, upstream, model.value() };
    }
    return std::nullopt;
}

bool isProbe(const RouteKey& key, const HealthSnapshot& health)
{
    const auto it = health.constFind(key.id);
    return it != health.cend() && it->state == KeyHealth::State::CircuitOpen;
}

// A prioritized key that forbids shared capacity for this request, if there is one.
const RouteKey* forbidderOfSharedCapacity(const QList<RouteKey>& keys,
    const QList<const RouteKey*>& candidates, const RouteRequest& request,
    const ModelCatalog& catalog)
{
    for (const RouteKey& key : keys) {
        if (key.tier != Tier::Prioritized || !key.enabled
            || (key.workspaceId && *key.workspaceId != request.workspaceId))
            continue;
        if (key.sharedCapacity == SharedCapacityPolicy::NeverForMatchingModels
            && candidates.contains(&key))
            return &key;
        // "Never for any model of this provider": its filters do not matter, its provider's do.
        if (key.sharedCapacity == SharedCapacityPolicy::NeverForProvider) {
            RouteKey providerWide = key;
            providerWide.servedModels.clear();
            if (RoutePlanner::upstreamModel(providerWide, request.model, catalog))
                return &key;
        }
    }
    return nullptr;
}

} // namespace

std::optional<QString> RoutePlanner::upstreamModel(
    const RouteKey& key, const QString& requestedModel, const ModelCatalog& catalog)
{
    const ModelCatalog::Entry* entry = catalog.find(requestedModel);
    if (!key.servedModels.isEmpty()) {
        // A key with its own list serves exactly that list.
        if (containsIgnoringCase(key.servedModels, requestedModel))
            return requestedModel;
        if (entry) {
            for (const QString& name : QStringList { entry->canonicalId } + entry->aliases
                    + QStringList(entry->nativeIds.values())) {
                if (containsIgnoringCase(key.servedModels, name))
                    return name;
            }
        }
        return std::nullopt;
    }
    const ProviderDescriptor* provider = ProviderRegistry::find(key.providerId);
    const bool aggregator = provider && provider->isAggregator;
    if (entry) {
        if (entry->nativeIds.contains(key.providerId))
            return entry->nativeIds.value(key.providerId);
        if (aggregator)
            return entry->canonicalId;
        return std::nullopt;
    }
    // An id the catalog does not know goes unchanged to aggregators and to OpenAI-compatible
    // services without a model list, and to the direct provider its prefix names.
    if (aggregator || key.providerId == u"openai-compatible")
        return requestedModel;
    const auto direct = directProviderOf(requestedModel);
    if (!direct)
        return std::nullopt;
    if (direct->first == key.providerId)
        return direct->second;
    // Vertex AI knows Google's and Anthropic's models by their own ids, so a new one reaches
    // Vertex keys too; a Claude version date goes after an @ there (claude-x-20260101 is
    // claude-x@20260101), and an id without one names the model's current version.
    if (key.providerId == u"vertex" && direct->first != u"openai") {
        static const QRegularExpression dated(QStringLiteral("^(claude-.+)-(\\d{8})$"));
        QString id = direct->second;
        return id.replace(dated, QStringLiteral("\\1@\\2"));
    }
    return std::nullopt;
}

QList<ReachableModel> RoutePlanner::reachableModels(
    const RouteRequest& caller, const QList<RouteKey>& keys, const ModelCatalog& catalog)
{
    QList<ReachableModel> models;
    QSet<QString> seen;
    const auto add = [&](const QString& id, const RouteKey& key) {
        if (!seen.contains(id.toLower())) {
            seen.insert(id.toLower());
            models.append({ id, key.providerId });
        }
    };
    for (const RouteKey& key : keys) {
        // The rules that do not depend on the model, checked with a name any key serves.
        RouteRequest probe = caller;
        probe.model = key.servedModels.value(0, QStringLiteral("*"));
        const std::optional<ExcludedKey> out = filterOut(key, probe, probe.model, nullptr);
        if (out && out->reason != ExclusionReason::ModelFilter)
            continue;
        for (const QString& served : key.servedModels) {
            if (modelFilterMatches(key, { served }))
                add(served, key);
        }
        for (const ModelPattern& pattern : key.modelFilter) {
            if (pattern.isGlob() || !upstreamModel(key, pattern.text(), catalog))
                continue;
            // A model the catalog knows is listed once, by its canonical id.
            const ModelCatalog::Entry* known = catalog.find(pattern.text());
            add(known ? known->canonicalId : pattern.text(), key);
        }
        for (const ModelCatalog::Entry& entry : catalog.entries()) {
            const auto upstream = upstreamModel(key, entry.canonicalId, catalog);
            if (upstream && modelFilterMatches(key, { entry.canonicalId, *upstream }))
                add(entry.canonicalId, key);
        }
    }
    std::sort(models.begin(), models.end(), [](const ReachableModel& a, const ReachableModel& b) {
        return a.id.compare(b.id, Qt::CaseInsensitive) < 0;
    });
    return models;
}

RoutePlan RoutePlanner::plan(const RouteRequest& request, const QList<RouteKey>& keys,
    const ModelCatalog& catalog, const HealthSnapshot& health, Clock::time_point now)
{
    const ModelCatalog::Entry* entry = catalog.find(request.model);
    RoutePlan plan;
    QList<const RouteKey*> candidates;
    QHash<qint64, QString> upstreamOf;
    QHash<qint64, ExcludedKey> exclusionOf;

    for (const RouteKey& key : keys) {
        const std::optional<QString> upstream = upstreamModel(key, request.model, catalog);
        if (auto out = filterOut(key, request, upstream, entry)) {
            exclusionOf.insert(key.id, *out);
            continue;
        }
        candidates.append(&key);
        upstreamOf.insert(key.id, *upstream);
    }

    const RouteKey* forbidder = forbidderOfSharedCapacity(keys, candidates, request, catalog);
    for (const RouteKey& key : keys) {
        if (exclusionOf.contains(key.id))
            continue;
        if (forbidder && key.tier == Tier::SharedCapacity) {
            exclusionOf.insert(key.id,
                { key.id, ExclusionReason::SharedCapacityForbidden, forbidder->label,
                    std::nullopt });
            continue;
        }
        if (auto out = healthOut(key, upstreamOf.value(key.id), health, now)) {
            if (out->until && (!plan.earliestReturn || *out->until < *plan.earliestReturn))
                plan.earliestReturn = out->until;
            exclusionOf.insert(key.id, *out);
            continue;
        }
        plan.attempts.append({ key.id, upstreamOf.value(key.id), isProbe(key, health) });
    }
    for (const RouteKey& key : keys) {
        if (exclusionOf.contains(key.id))
            plan.excluded.append(exclusionOf.value(key.id));
    }
    return plan;
}

QString RoutePlanner::describe(const ExcludedKey& excluded, Clock::time_point now)
{
    const auto remaining = [&] {
        if (!excluded.until)
            return QString();
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(*excluded.until - now).count();
        if (seconds < 120)
            return Text::tr("%1 s").arg(std::max<qint64>(seconds, 0));
        if (seconds < 7200)
            return Text::tr("%1 min").arg((seconds + 59) / 60);
        return Text::tr("%1 h").arg((seconds + 3599) / 3600);
    };
    switch (excluded.reason) {
    case ExclusionReason::Disabled:
        return Text::tr("disabled");
    case ExclusionReason::SecretMissing:
        return Text::tr("secret missing from the keychain");
    case ExclusionReason::SecretUnreadable:
        return Text::tr("its secret could not be read: the keychain is locked or not answering");
    case ExclusionReason::EndpointRefused:
        return Text::tr("its endpoint is refused: %1").arg(excluded.detail);
    case ExclusionReason::OtherWorkspace:
        return Text::tr("belongs to another workspace");
    case ExclusionReason::CannotServeModel:
        return Text::tr("does not serve %1").arg(excluded.detail);
    case ExclusionReason::ModelFilter:
        return Text::tr("its model filter does not match %1").arg(excluded.detail);
    case ExclusionReason::MemberFilter:
        return Text::tr("its member filter does not match");
    case ExclusionReason::LocalKeyFilter:
        return Text::tr("its local API key filter does not match");
    case ExclusionReason::SharedCapacityForbidden:
        return Text::tr("shared capacity forbidden by \"%1\"").arg(excluded.detail);
    case ExclusionReason::Invalid:
        return Text::tr("invalid key");
    case ExclusionReason::CoolingDown:
        return Text::tr("cooling down for %1").arg(remaining());
    case ExclusionReason::OutOfCredit:
        return Text::tr("out of credit, retried in %1").arg(remaining());
    case ExclusionReason::CircuitOpen:
        return Text::tr("failing; next probe in %1").arg(remaining());
    case ExclusionReason::ModelUnusable:
        return Text::tr("%1 unusable on this key for %2").arg(excluded.detail, remaining());
    }
    return {};
}
