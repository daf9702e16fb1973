#pragma once

#include "app/domain/LocalApiKey.h"

#include <QAbstractTableModel>
#include <QHash>

// The local API keys as a table: name, member, workspace, the token's masked form, when it was
// made and last used, and whether it is revoked. Never the token itself.
class LocalKeyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Member, Workspace, Token, Created, LastUsed, State, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int RevokedRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setLocalKeys(const QList<LocalApiKey>& localKeys);
    void setNames(const QHash<qint64, QString>& members, const QHash<qint64, QString>& workspaces);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<LocalApiKey> m_localKeys;
    QHash<qint64, QString> m_members;
    QHash<qint64, QString> m_workspaces;
};
