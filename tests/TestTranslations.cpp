#include "app/AppCore.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

// The translations built into the window's library load by locale and translate. German goes
// last: a translator stays installed for the rest of the process.
class TestTranslations : public QObject
{
    Q_OBJECT

    static QString stored(int n)
    {
        return QCoreApplication::translate("MainWindow", "%n provider key(s) stored.", nullptr, n);
    }

private slots:
    // First: once a translator is installed, it stays.
    void aLanguageWithoutTranslationGetsEnglishPlurals()
    {
        QCOMPARE(stored(1), QStringLiteral("1 provider key(s) stored.")); // nothing installed
        QVERIFY(!Translations::install(QLocale::c()));
        QCOMPARE(stored(1), QStringLiteral("1 provider key stored."));
        QVERIFY(!Translations::install(QLocale(QLocale::Welsh)));
        QCOMPARE(stored(2), QStringLiteral("2 provider keys stored."));
    }

    void englishHasItsPluralForms()
    {
        QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCOMPARE(stored(1), QStringLiteral("1 provider key stored."));
        QCOMPARE(stored(3), QStringLiteral("3 provider keys stored."));
        QCOMPARE(QCoreApplication::translate("KeySummary", "%n member(s)", nullptr, 2),
            QStringLiteral("2 members"));
    }

    void germanTranslatesTheMainWindow()
    {
        QVERIFY(Translations::install(QLocale(QLocale::German, QLocale::Germany)));
        QTemporaryDir dir;
        AppCore core(dir.filePath(QStringLiteral("keyway.db"))); // not started: no keychain
        MainWindow window(core);
        const auto* pages = window.findChild<QTabWidget*>();
        QVERIFY(pages);
        QStringList titles;
        for (int i = 0; i < pages->count(); ++i)
            titles.append(pages->tabText(i));
        QCOMPARE(titles,
            (QStringList { "&Schlüssel", "&Aktivität", "&Routenvorschau", "&Nutzung", "&Zugriff",
                "&Einstellungen" }));
        // Plural forms and the rest of the window too.
        QCOMPARE(
            QCoreApplication::translate("MainWindow", "%n provider key(s) stored.", nullptr, 2),
            QStringLiteral("2 Anbieterschlüssel gespeichert."));
        QStringList buttons;
        for (const QPushButton* button : window.findChildren<QPushButton*>())
            buttons.append(button->text());
        QVERIFY2(buttons.contains(QStringLiteral("Schlüssel &hinzufügen…")),
            qPrintable(buttons.join(u", ")));
        // Qt's own standard buttons speak German too (Debian's qt6-translations-l10n).
        QCOMPARE(
            QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
