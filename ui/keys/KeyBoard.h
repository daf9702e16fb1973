#pragma once

#include "app/domain/ProviderKey.h"
#include "app/keys/KeyStatus.h"

#include <QList>
#include <QObject>

#include <optional>

// The tier board's data: every provider key in tier order, narrowed to one provider when the
// person asks. Moves apply here at once, so the board follows the hand; moveRequested() asks the
// app layer to store them. Key lists that arrive while moves are still being stored describe an
// older order: the last one is applied when the app layer has finished every move
// (moveFinished()), so quick moves never jump back and forth.
class KeyBoard : public QObject
{
    Q_OBJECT

public:
    explicit KeyBoard(QObject* parent = nullptr);

    void setKeys(const QList<ProviderKey>& keys);
    // What the router knows of the keys' health.
    void setStatuses(const KeyStatuses& statuses);
    KeyStatus status(qint64 id) const { return m_statuses.value(id); }
    // Requests each key answered this month, from the activity log.
    void setAnsweredThisMonth(const QHash<qint64, int>& answered);
    int answeredThisMonth(qint64 id) const { return m_answeredThisMonth.value(id); }
    // Whether a badge counts down (some key's state ends by itself).
    bool hasCountdown() const;
    // The app layer has stored (or refused) one requested move.
    void moveFinished();
    // Only keys of this provider are shown (all when empty).
    void setProviderFilter(const QString& providerId);
    const QString& providerFilter() const { return m_providerFilter; }
    // The providers that have keys, for the filter.
    QStringList providers() const;

    // The shown keys of a tier, in the order they are tried.
    const QList<ProviderKey>& shownKeys(Tier tier) const;
    std::optional<ProviderKey> key(qint64 id) const;
    // Where a key is shown: its tier and row.
    std::optional<std::pair<Tier, int>> placeOf(qint64 id) const;
    bool isEmpty() const { return m_keys.isEmpty(); }

    // Why `id` may not go to `tier`, or nothing when it may.
    std::optional<QString> refusalToMove(qint64 id, Tier tier) const;
    // Moves a key before the shown row `row` of `tier` (at the end when `row` is past the
    // last). False, with refused() saying why, when the rules forbid it.
    bool move(qint64 id, Tier tier, int row);

signals:
    void aboutToChange();
    void changed();
    void statusesChanged();
    void usageChanged();
    // The key now sits at a new place: the app layer stores it there. `position` counts every
    // key of the tier, shown or not.
    void moveRequested(qint64 id, Tier tier, int position);
    void moved(qint64 id);
    void refused(const QString& reason);

private:
    void applyKeys(const QList<ProviderKey>& keys);
    void rebuildShown();
    QList<ProviderKey> keysOf(Tier tier) const;

    QList<ProviderKey> m_keys; // tier order, then position
    QString m_providerFilter;
    QList<ProviderKey> m_shown[3]; // by tier
    KeyStatuses m_statuses;
    QHash<qint64, int> m_answeredThisMonth;
    int m_movesInFlight = 0;
    std::optional<QList<ProviderKey>> m_deferredKeys; // arrived while moves were in flight
};
