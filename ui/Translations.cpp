#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

// Installs one translation in the application, which owns it for its lifetime.
bool installTranslation(const QLocale& locale, const QString& name, const QString& directory)
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace

bool Translations::install(const QLocale& locale)
{
    if (!installTranslation(locale, QStringLiteral("keyway"), QStringLiteral(":/i18n"))) {
        // The source strings are English but leave their plurals open ("%n key(s)"): without
        // a translation of its own, a language (or the C locale) gets the English forms.
        installTranslation(
            QLocale(QLocale::English), QStringLiteral("keyway"), QStringLiteral(":/i18n"));
        return false;
    }
    // Qt's own strings (standard buttons, file dialogs) from the system's Qt translations; a
    // window with Keyway's strings translated and "Cancel" in English would look unfinished.
    installTranslation(
        locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}
