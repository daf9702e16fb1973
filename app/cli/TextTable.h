#pragma once

#include <QStringList>

class QTextStream;

// Left-aligned columns for terminal listings.
class TextTable
{
public:
    explicit TextTable(QStringList header);
    void addRow(QStringList cells);
    void print(QTextStream& out) const;

private:
    QList<QStringList> m_rows;
};
