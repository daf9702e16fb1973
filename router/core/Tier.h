#pragma once

#include <QString>

#include <array>
#include <optional>

// The ordered groups a provider key sits in. The router tries Prioritized keys first, then
// Shared capacity, then Fallback; the numeric values are stored in the database.
enum class Tier {
    Prioritized = 0,
    SharedCapacity = 1,
    Fallback = 2,
};

inline constexpr std::array allTiers { Tier::Prioritized, Tier::SharedCapacity, Tier::Fallback };

// Stable identifier used by the CLI and JSON output: "prioritized", "shared", "fallback".
QString tierId(Tier tier);
QString tierDisplayName(Tier tier);
// Accepts the identifiers above and a few spellings people type ("shared-capacity").
std::optional<Tier> tierFromId(QStringView text);
std::optional<Tier> tierFromStoredValue(int value);
