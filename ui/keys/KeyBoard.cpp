#include "ui/keys/KeyBoard.h"

#include "app/domain/TierRules.h"

#include <algorithm>

namespace {

int tierIndex(Tier tier)
{
    return static_cast<int>(tier);
}

} // namespace

KeyBoard::KeyBoard(QObject* parent)
    : QObject(parent)
{ }

void KeyBoard::setKeys(const QList<ProviderKey>& keys)
{
    if (m_movesInFlight > 0)
        m_deferredKeys = keys;
    else
        applyKeys(keys);
}

void KeyBoard::setStatuses(const KeyStatuses& statuses)
{
    m_statuses = statuses;
    emit statusesChanged();
}

void KeyBoard::setAnsweredThisMonth(const QHash<qint64, int>& answered)
{
    if (answered == m_answeredThisMonth)
        return;
    m_answeredThisMonth = answered;
    emit usageChanged();
}

bool KeyBoard::hasCountdown() const
{
    return std::any_of(m_statuses.cbegin(), m_statuses.cend(),
        [](const KeyStatus& status) { return !status.until.isNull(); });
}

void KeyBoard::moveFinished()
{
    m_movesInFlight = std::max(0, m_movesInFlight - 1);
    if (m_movesInFlight == 0 && m_deferredKeys)
        applyKeys(*std::exchange(m_deferredKeys, std::nullopt));
}

void KeyBoard::applyKeys(const QList<ProviderKey>& keys)
{
    emit aboutToChange();
    m_keys = keys;
    std::stable_sort(m_keys.begin(), m_keys.end(), [](const ProviderKey& a, const ProviderKey& b) {
        return std::pair(tierIndex(a.tier), a.position) < std::pair(tierIndex(b.tier), b.position);
    });
    rebuildShown();
    emit changed();
}

void KeyBoard::setProviderFilter(const QString& providerId)
{
    if (providerId == m_providerFilter)
        return;
    emit aboutToChange();
    m_providerFilter = providerId;
    rebuildShown();
    emit changed();
}

QStringList KeyBoard::providers() const
{
    QStringList ids;
    for (const ProviderKey& key : m_keys) {
        if (!ids.contains(key.providerId))
            ids.append(key.providerId);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

const QList<ProviderKey>& KeyBoard::shownKeys(Tier tier) const
{
    return m_shown[tierIndex(tier)];
}

std::optional<ProviderKey> KeyBoard::key(qint64 id) const
{
    const auto it = std::find_if(
        m_keys.cbegin(), m_keys.cend(), [id](const ProviderKey& key) { return key.id == id; });
    return it == m_keys.cend() ? std::nullopt : std::optional(*it);
}

std::optional<std::pair<Tier, int>> KeyBoard::placeOf(qint64 id) const
{
    for (Tier tier : allTiers) {
        const QList<ProviderKey>& shown = shownKeys(tier);
        for (int row = 0; row < shown.size(); ++row) {
            if (shown.at(row).id == id)
                return std::pair(tier, row);
        }
    }
    return std::nullopt;
}

std::optional<QString> KeyBoard::refusalToMove(qint64 id, Tier tier) const
{
    const std::optional<ProviderKey> moving = key(id);
    if (!moving)
        return tr("That key is no longer there.");
    return TierRules::refusalToMove(*moving, tier);
}

bool KeyBoard::move(qint64 id, Tier tier, int row)
{
    if (const std::optional<QString> refusal = refusalToMove(id, tier)) {
        emit refused(*refusal);
        return false;
    }
    const ProviderKey moving = *key(id);
    const QList<ProviderKey>& shown = shownKeys(tier);
    // The shown row names the key to go before; hidden keys keep their places around it.
    const qint64 before = row >= 0 && row < shown.size() ? shown.at(row).id : 0;
    if (before == id)
        return true; // dropped onto itself
    const auto isMoving = [id](const ProviderKey& key) {
        return key.id == id;
    };
    QList<ProviderKey> target = keysOf(tier);
    target.removeIf(isMoving);
    const auto at = std::find_if(target.cbegin(), target.cend(),
        [before](const ProviderKey& key) { return key.id == before; });
    const int position = static_cast<int>(at - target.cbegin()); // the end when not found
    if (moving.tier == tier && moving.position == position)
        return true;

    emit aboutToChange();
    ProviderKey placed = moving;
    placed.tier = tier;
    target.insert(position, placed);
    QList<ProviderKey> keys;
    for (Tier each : allTiers) {
        QList<ProviderKey> inTier = each == tier ? target : keysOf(each);
        inTier.removeIf([&](const ProviderKey& key) { return each != tier && key.id == id; });
        for (int i = 0; i < inTier.size(); ++i)
            inTier[i].position = i;
        keys += inTier;
    }
    m_keys = keys;
    rebuildShown();
    emit changed();
    ++m_movesInFlight;
    emit moveRequested(id, tier, position);
    emit moved(id);
    return true;
}

void KeyBoard::rebuildShown()
{
    for (Tier tier : allTiers) {
        QList<ProviderKey>& shown = m_shown[tierIndex(tier)];
        shown.clear();
        for (const ProviderKey& key : m_keys) {
            if (key.tier == tier
                && (m_providerFilter.isEmpty() || key.providerId == m_providerFilter))
                shown.append(key);
        }
    }
}

QList<ProviderKey> KeyBoard::keysOf(Tier tier) const
{
    QList<ProviderKey> keys;
    for (const ProviderKey& key : m_keys) {
        if (key.tier == tier)
            keys.append(key);
    }
    return keys;
}
