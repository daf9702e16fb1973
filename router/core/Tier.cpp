#include "router/core/Tier.h"

#include <QCoreApplication>

QString tierId(Tier tier)
{
    switch (tier) {
    case Tier::Prioritized:
        return QStringLiteral("prioritized");
    case Tier::SharedCapacity:
        return QStringLiteral("shared");
    case Tier::Fallback:
        return QStringLiteral("fallback");
    }
    Q_UNREACHABLE();
    return {};
}

QString tierDisplayName(Tier tier)
{
    switch (tier) {
    case Tier::Prioritized:
        return QCoreApplication::translate("Tier", "Prioritized");
    case Tier::SharedCapacity:
        return QCoreApplication::translate("Tier", "Shared capacity");
    case Tier::Fallback:
        return QCoreApplication::translate("Tier", "Fallback");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Tier> tierFromId(QStringView text)
{
    const QString normalized = text.trimmed().toString().toLower().replace(u'_', u'-');
    if (normalized == u"prioritized" || normalized == u"prioritised")
        return Tier::Prioritized;
    if (normalized == u"shared" || normalized == u"shared-capacity")
        return Tier::SharedCapacity;
    if (normalized == u"fallback")
        return Tier::Fallback;
    return std::nullopt;
}

std::optional<Tier> tierFromStoredValue(int value)
{
    for (Tier tier : allTiers) {
        if (static_cast<int>(tier) == value)
            return tier;
    }
    return std::nullopt;
}
