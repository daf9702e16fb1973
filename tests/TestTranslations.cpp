#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTest>

// The translations built into the window's library load by locale and translate.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void englishHasItsPluralForms()
    {
        const auto stored = [](int n) {
            return QCoreApplication::translate(
                "MainWindow", "%n provider key(s) stored.", nullptr, n);
        };
        QCOMPARE(stored(1), QStringLiteral("1 provider key(s) stored.")); // no translation yet
        QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCOMPARE(stored(1), QStringLiteral("1 provider key stored."));
        QCOMPARE(stored(3), QStringLiteral("3 provider keys stored."));
        QCOMPARE(QCoreApplication::translate("KeySummary", "%n member(s)", nullptr, 2),
            QStringLiteral("2 members"));
    }

    void aLanguageWithoutTranslationIsRefused()
    {
        QVERIFY(!Translations::install(QLocale(QLocale::Welsh)));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
