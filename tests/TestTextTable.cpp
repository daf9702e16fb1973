#include "app/cli/TextTable.h"

#include <QTest>
#include <QTextStream>

// Left-aligned columns for the CLI's listings: each column as wide as its widest cell plus two
// spaces, the last column unpadded.
class TestTextTable : public QObject
{
    Q_OBJECT

private:
    static QString printed(const TextTable& table)
    {
        QString text;
        QTextStream out(&text);
        table.print(out);
        return text;
    }

private slots:
    void alignsColumnsToTheWidestCell()
    {
        TextTable table({ "ID", "LABEL", "TIER" });
        table.addRow({ "1", "Team OpenAI", "prioritized" });
        table.addRow({ "12", "Mine", "fallback" });
        QCOMPARE(printed(table),
            QStringLiteral("ID  LABEL        TIER\n"
                           "1   Team OpenAI  prioritized\n"
                           "12  Mine         fallback\n"));
    }

    void theHeaderAloneIsPrinted()
    {
        QCOMPARE(printed(TextTable({ "ID", "LABEL" })), QStringLiteral("ID  LABEL\n"));
    }

    void theLastCellIsNeverPadded()
    {
        TextTable table({ "NAME", "NOTE" });
        table.addRow({ "a", "a long note" });
        table.addRow({ "b", "" });
        const QStringList lines = printed(table).split('\n');
        QCOMPARE(lines.size(), 4); // three lines and the empty text after the last newline
        QCOMPARE(lines[0], QStringLiteral("NAME  NOTE"));
        QCOMPARE(lines[2], QStringLiteral("b     "));
        for (const QString& line : lines.mid(0, 2))
            QVERIFY2(!line.endsWith(' '), qPrintable(line));
    }

    void aShortRowEndsAtItsLastCell()
    {
        TextTable table({ "ID", "LABEL", "TIER" });
        table.addRow({ "1" });
        table.addRow({ "2", "Spare" });
        QCOMPARE(printed(table),
            QStringLiteral("ID  LABEL  TIER\n"
                           "1\n"
                           "2   Spare\n"));
    }

    void aLongerRowKeepsItsExtraLastCell()
    {
        TextTable table({ "ID", "LABEL" });
        table.addRow({ "1", "Mine", "extra" });
        QCOMPARE(printed(table),
            QStringLiteral("ID  LABEL\n"
                           "1   Mine   extra\n"));
    }

    void rowsWiderThanTheHeaderAreAligned()
    {
        // Two cells beyond the header: the first of them is padded like any other.
        TextTable table({ "ID" });
        table.addRow({ "1", "Mine", "extra" });
        table.addRow({ "22", "Yours", "more" });
        QCOMPARE(printed(table),
            QStringLiteral("ID\n"
                           "1   Mine   extra\n"
                           "22  Yours  more\n"));
    }

    void countsCharactersNotBytes()
    {
        TextTable table({ "LABEL", "HINT" });
        table.addRow({ QStringLiteral("Zürich"), QStringLiteral("sk-…AbCd") });
        table.addRow({ "Oslo", "x" });
        QCOMPARE(printed(table),
            QStringLiteral("LABEL   HINT\n"
                           "Zürich  sk-…AbCd\n"
                           "Oslo    x\n"));
    }

    void cellsAreWrittenAsTheyAre()
    {
        TextTable table({ "A", "B" });
        table.addRow({ "  x", "%1 y" });
        QCOMPARE(printed(table), QStringLiteral("A    B\n  x  %1 y\n"));
    }
};

QTEST_GUILESS_MAIN(TestTextTable)
#include "TestTextTable.moc"
