#pragma once

#include "router/core/Tier.h"

#include <QAbstractListModel>

class KeyBoard;
struct ProviderKey;

// One tier of the board as a list: a row per shown key, in the order they are tried. Rows are
// dragged as key ids; a drop anywhere on the board moves the key through the KeyBoard, which
// refuses (and says why) what the tier rules forbid.
class TierListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KeyIdRole = Qt::UserRole + 1,
        ProviderRole,
        SecretHintRole,
        FilterSummaryRole,
        HealthTextRole, // "ready", "cooling down · 23 s", "invalid"...
        HealthLevelRole, // a HealthLevel, for the badge's colour
        UsageRole, // "12 requests this month", or empty
    };
    enum class HealthLevel { Ready, Waiting, Broken };

    static QString mimeType() { return QStringLiteral("application/x-keyway-key-id"); }

    TierListModel(KeyBoard& board, Tier tier, QObject* parent = nullptr);

    Tier tier() const { return m_tier; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
        const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
        const QModelIndex& parent) override;

    // The key id a drag carries, or nothing.
    static std::optional<qint64> draggedKey(const QMimeData* data);

private:
    std::pair<QString, HealthLevel> health(const ProviderKey& key) const;

    KeyBoard& m_board;
    Tier m_tier;
};
