#include "ui/access/LocalKeyModel.h"

#include <QLocale>
#include <QPalette>

void LocalKeyModel::setLocalKeys(const QList<LocalApiKey>& localKeys)
{
    beginResetModel();
    m_localKeys = localKeys;
    endResetModel();
}

void LocalKeyModel::setNames(
    const QHash<qint64, QString>& members, const QHash<qint64, QString>& workspaces)
{
    m_members = members;
    m_workspaces = workspaces;
    if (!m_localKeys.isEmpty())
        emit dataChanged(index(0, Member), index(rowCount() - 1, Workspace));
}

int LocalKeyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_localKeys.size());
}

int LocalKeyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LocalKeyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LocalApiKey& key = m_localKeys.at(index.row());
    if (role == IdRole)
        return key.id;
    if (role == RevokedRole)
        return key.isRevoked();
    if (role == Qt::ForegroundRole && key.isRevoked())
        return QPalette().color(QPalette::Disabled, QPalette::Text);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Name:
        return key.name.isEmpty() ? tr("(unnamed)") : key.name;
    case Member:
        return m_members.value(key.memberId, QStringLiteral("#%1").arg(key.memberId));
    case Workspace:
        return m_workspaces.value(key.workspaceId, QStringLiteral("#%1").arg(key.workspaceId));
    case Token:
        return key.tokenHint;
    case Created:
        return locale.toString(key.createdAt.toLocalTime(), QLocale::ShortFormat);
    case LastUsed:
        return key.lastUsedAt.isNull()
            ? tr("never")
            : locale.toString(key.lastUsedAt.toLocalTime(), QLocale::ShortFormat);
    case State:
        return key.isRevoked() ? tr("revoked") : tr("active");
    default:
        return {};
    }
}

QVariant LocalKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Member:
        return tr("Member");
    case Workspace:
        return tr("Workspace");
    case Token:
        return tr("Token");
    case Created:
        return tr("Created");
    case LastUsed:
        return tr("Last used");
    case State:
        return tr("State");
    default:
        return {};
    }
}
