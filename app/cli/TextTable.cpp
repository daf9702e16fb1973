#include "app/cli/TextTable.h"

#include <QTextStream>

TextTable::TextTable(QStringList header)
{
    m_rows.append(std::move(header));
}

void TextTable::addRow(QStringList cells)
{
    m_rows.append(std::move(cells));
}

void TextTable::print(QTextStream& out) const
{
    // Every column that any row has, even beyond the header's.
    qsizetype columns = 0;
    for (const QStringList& row : m_rows)
        columns = std::max(columns, row.size());
    QList<qsizetype> widths(columns, 0);
    for (const QStringList& row : m_rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    for (const QStringList& row : m_rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            const bool last = column + 1 == row.size();
            line += last ? row.at(column) : row.at(column).leftJustified(widths.at(column) + 2);
        }
        out << line << '\n';
    }
    out.flush();
}
