#include "ui/activity/ActivityFilter.h"

#include "ui/activity/ActivityModel.h"

void ActivityFilter::update(QString& field, const QString& value)
{
    if (field == value)
        return;
    field = value;
    invalidateRowsFilter();
}

void ActivityFilter::setStatusClass(const QString& statusClass)
{
    update(m_statusClass, statusClass);
}

void ActivityFilter::setModelText(const QString& text)
{
    update(m_modelText, text.trimmed());
}

void ActivityFilter::setKeyText(const QString& text)
{
    update(m_keyText, text.trimmed());
}

void ActivityFilter::setMemberText(const QString& text)
{
    update(m_memberText, text.trimmed());
}

bool ActivityFilter::columnContains(int sourceRow, int column, const QString& text) const
{
    return text.isEmpty()
        || sourceModel()
               ->index(sourceRow, column)
               .data()
               .toString()
               .contains(text, Qt::CaseInsensitive);
}

bool ActivityFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (!m_statusClass.isEmpty()
        && sourceModel()->index(sourceRow, 0).data(ActivityModel::StatusClassRole).toString()
            != m_statusClass)
        return false;
    return columnContains(sourceRow, ActivityModel::Model, m_modelText)
        && columnContains(sourceRow, ActivityModel::Key, m_keyText)
        && columnContains(sourceRow, ActivityModel::Member, m_memberText);
}
