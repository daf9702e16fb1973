#include "ui/keys/TierListModel.h"

#include "app/keys/KeyService.h"
#include "ui/keys/KeyBoard.h"
#include "ui/keys/KeySummary.h"

#include <QMimeData>

TierListModel::TierListModel(KeyBoard& board, Tier tier, QObject* parent)
    : QAbstractListModel(parent)
    , m_board(board)
    , m_tier(tier)
{
    connect(&m_board, &KeyBoard::aboutToChange, this, &TierListModel::beginResetModel);
    connect(&m_board, &KeyBoard::changed, this, &TierListModel::endResetModel);
    connect(&m_board, &KeyBoard::statusesChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0), index(rowCount() - 1), { HealthTextRole, HealthLevelRole });
    });
    connect(&m_board, &KeyBoard::usageChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0), index(rowCount() - 1), { UsageRole });
    });
}

std::pair<QString, TierListModel::HealthLevel> TierListModel::health(const ProviderKey& key) const
{
    if (key.secretMissing)
        return { tr("secret missing"), HealthLevel::Broken };
    if (KeyService::endpointRefusal(key))
        return { tr("plain HTTP refused"), HealthLevel::Broken };
    const KeyStatus status = m_board.status(key.id);
    // Counted at each look: the page repaints every second while a badge counts down.
    const qint64 seconds = status.until.isNull()
        ? 0
        : std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(status.until));
    const QString left
        = seconds >= 120 ? tr("%1 min").arg((seconds + 59) / 60) : tr("%1 s").arg(seconds);
    switch (status.state) {
    case KeyHealth::State::Ready:
        break;
    case KeyHealth::State::CoolingDown:
        if (seconds > 0)
            return { tr("cooling down · %1").arg(left), HealthLevel::Waiting };
        break;
    case KeyHealth::State::Invalid:
        return { tr("invalid"), HealthLevel::Broken };
    case KeyHealth::State::OutOfCredit:
        if (seconds > 0)
            return { tr("out of credit · %1").arg(left), HealthLevel::Broken };
        break;
    case KeyHealth::State::CircuitOpen:
        return { seconds > 0 ? tr("failing · retry in %1").arg(left) : tr("failing · retrying"),
            HealthLevel::Broken };
    }
    return { tr("ready"), HealthLevel::Ready };
}

int TierListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_board.shownKeys(m_tier).size());
}

QVariant TierListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProviderKey& key = m_board.shownKeys(m_tier).at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return key.label;
    case Qt::ToolTipRole:
        return KeySummary::tooltip(key);
    case Qt::DecorationRole:
        return KeySummary::providerIcon(key.providerId);
    case KeyIdRole:
        return key.id;
    case ProviderRole:
        return key.providerId;
    case SecretHintRole:
        return key.secretHint;
    case FilterSummaryRole:
        return KeySummary::filters(key);
    case HealthTextRole:
        return health(key).first;
    case HealthLevelRole:
        return int(health(key).second);
    case UsageRole: {
        const int answered = m_board.answeredThisMonth(key.id);
        return answered == 0 ? QString() : tr("%n request(s) this month", nullptr, answered);
    }
    default:
        return {};
    }
}

Qt::ItemFlags TierListModel::flags(const QModelIndex& index) const
{
    // Drops land between rows (on the list itself), never onto a row.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QHash<int, QByteArray> TierListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyIdRole, "keyId");
    names.insert(ProviderRole, "provider");
    names.insert(SecretHintRole, "secretHint");
    names.insert(FilterSummaryRole, "filterSummary");
    names.insert(HealthTextRole, "healthText");
    names.insert(HealthLevelRole, "healthLevel");
    names.insert(UsageRole, "usage");
    return names;
}

QStringList TierListModel::mimeTypes() const
{
    return { mimeType() };
}

QMimeData* TierListModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.size() != 1 || !indexes.first().isValid())
        return nullptr; // one key at a time: its place is then always clear
    auto* data = new QMimeData;
    data->setData(mimeType(), QByteArray::number(indexes.first().data(KeyIdRole).toLongLong()));
    return data;
}

Qt::DropActions TierListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions TierListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

std::optional<qint64> TierListModel::draggedKey(const QMimeData* data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    bool ok = false;
    const qint64 id = data->data(mimeType()).toLongLong(&ok);
    return ok ? std::optional(id) : std::nullopt;
}

bool TierListModel::canDropMimeData(
    const QMimeData* data, Qt::DropAction action, int, int, const QModelIndex& parent) const
{
    const std::optional<qint64> id = draggedKey(data);
    return id && action == Qt::MoveAction && !parent.isValid()
        && !m_board.refusalToMove(*id, m_tier);
}

bool TierListModel::dropMimeData(
    const QMimeData* data, Qt::DropAction action, int row, int, const QModelIndex& parent)
{
    const std::optional<qint64> id = draggedKey(data);
    if (!id || action != Qt::MoveAction)
        return false;
    // A drop onto a row goes before it; a drop below the last row, or on empty space, at the end.
    const int before = parent.isValid() ? parent.row() : row;
    // The board moves the key in every list. The model has no removeRows(), so the source
    // view's clean-up after a move (QAbstractItemView::startDrag) leaves it alone.
    return m_board.move(*id, m_tier, before < 0 ? rowCount() : before);
}
