#pragma once

#include <QSortFilterProxyModel>

// Narrows the live attempt log by status class and by text in the model, key and member
// columns (each a case-insensitive "contains"; empty matches all).
class ActivityFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // "ok", "failed", "running", or empty for all.
    void setStatusClass(const QString& statusClass);
    void setModelText(const QString& text);
    void setKeyText(const QString& text);
    void setMemberText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool columnContains(int sourceRow, int column, const QString& text) const;
    void update(QString& field, const QString& value);

    QString m_statusClass;
    QString m_modelText;
    QString m_keyText;
    QString m_memberText;
};
