#include "ui/activity/ActivityModel.h"

#include "ui/CostText.h"
#include "ui/widgets/SemanticColours.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>

namespace {

// Requests the feed knows only by an attempt (their start was delivered before).
bool isAttemptsOnly(const RequestRecord& record)
{
    return !record.startedAt.isValid();
}

} // namespace

ActivityModel::ActivityModel(int capacity, QObject* parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{ }

int ActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ActivityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const RequestRecord& ActivityModel::recordAt(int row) const
{
    return m_records.at(m_records.size() - 1 - size_t(row));
}

QString ActivityModel::statusClass(const RequestRecord& record)
{
    if (record.status == 0)
        return QStringLiteral("running");
    return record.status / 100 == 2 ? QStringLiteral("ok") : QStringLiteral("failed");
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestRecord& record = recordAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(record, index.column());
    case Qt::ToolTipRole:
        return index.column() == Status && !record.errorMessage.isEmpty() ? record.errorMessage
                                                                          : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != Status)
            return {};
        // Models have no widget: the application's palette, asked at each look, follows a
        // change of palette.
        if (record.status == 0)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return SemanticColours::text(
            record.status / 100 == 2 ? SemanticColours::Role::Good : SemanticColours::Role::Bad,
            QGuiApplication::palette());
    case Qt::TextAlignmentRole:
        return index.column() >= Attempts && index.column() != Key
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    case RecordRole:
        return QVariant::fromValue(record);
    case StatusClassRole:
        return statusClass(record);
    default:
        return {};
    }
}

QVariant ActivityModel::display(const RequestRecord& record, int column) const
{
    switch (column) {
    case Time:
        return QLocale().toString(
            record.startedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
    case Member:
        return m_memberNames.value(record.memberId, QStringLiteral("#%1").arg(record.memberId));
    case Model:
        return record.servedModel.isEmpty() ? record.requestedModel : record.servedModel;
    case Status:
        return record.status == 0 ? tr("running") : QString::number(record.status);
    case Attempts:
        return int(record.attempts.size());
    case Key:
        return record.keyLabel;
    case Latency:
        return record.status == 0 ? QString() : tr("%1 ms").arg(record.latencyMs);
    case Tokens:
        return record.usage.isEmpty()
            ? QString()
            : QStringLiteral("%1 → %2").arg(record.usage.prompt).arg(record.usage.completion);
    case Cost:
        return record.status == 0 ? QString() : CostText::format(record.cost);
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Member:
        return tr("Member");
    case Model:
        return tr("Model");
    case Status:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case Key:
        return tr("Key");
    case Latency:
        return tr("Latency");
    case Tokens:
        return tr("Tokens");
    case Cost:
        return tr("Cost");
    default:
        return {};
    }
}

void ActivityModel::apply(const QList<RequestRecord>& requests)
{
    if (m_paused) {
        m_held += requests;
        // Held rows beyond what the view can show are of no use.
        if (m_held.size() > m_capacity)
            m_held.remove(0, m_held.size() - m_capacity);
        return;
    }
    QList<RequestRecord> added;
    for (const RequestRecord& incoming : requests) {
        const auto known = m_sequenceOf.constFind(incoming.id);
        if (known == m_sequenceOf.cend()) {
            if (!isAttemptsOnly(incoming)) // an attempt of a row already gone: nothing to show
                added.append(incoming);
            continue;
        }
        const qint64 oldestSequence = m_newestSequence - qint64(m_records.size()) + 1;
        RequestRecord& row = m_records.at(size_t(*known - oldestSequence));
        // Updates may come late (held while the history loaded): a row never goes back to an
        // earlier state, nor shows an attempt twice.
        if (isAttemptsOnly(incoming)) {
            for (const AttemptRecord& attempt : incoming.attempts) {
                if (std::none_of(row.attempts.cbegin(), row.attempts.cend(),
                        [&](const AttemptRecord& a) { return a.number == attempt.number; }))
                    row.attempts.append(attempt);
            }
        } else if (row.status == 0 || incoming.status != 0) {
            row = incoming;
        }
        const int at = rowOf(*known);
        emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
    }
    insertNewest(added);
}

void ActivityModel::insertNewest(const QList<RequestRecord>& records)
{
    if (records.isEmpty())
        return;
    const int count = int(std::min<qsizetype>(records.size(), m_capacity));
    const int overflow = int(m_records.size()) + count - m_capacity;
    if (overflow > 0)
        dropOldest(overflow);
    beginInsertRows({}, 0, count - 1);
    for (qsizetype i = records.size() - count; i < records.size(); ++i) {
        m_records.push_back(records.at(i));
        m_sequenceOf.insert(records.at(i).id, ++m_newestSequence);
    }
    endInsertRows();
}

void ActivityModel::dropOldest(int count)
{
    count = std::min(count, int(m_records.size()));
    if (count <= 0)
        return;
    const int last = int(m_records.size()) - 1;
    beginRemoveRows({}, last - count + 1, last);
    for (int i = 0; i < count; ++i) {
        m_sequenceOf.remove(m_records.front().id);
        m_records.pop_front();
    }
    endRemoveRows();
}

void ActivityModel::setMemberNames(const QHash<qint64, QString>& names)
{
    m_memberNames = names;
    if (!m_records.empty())
        emit dataChanged(index(0, Member), index(rowCount() - 1, Member));
}

void ActivityModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused)
        apply(std::exchange(m_held, {}));
}

void ActivityModel::clear()
{
    beginResetModel();
    m_records.clear();
    m_sequenceOf.clear();
    m_held.clear();
    endResetModel();
}
