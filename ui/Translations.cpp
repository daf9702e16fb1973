#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

bool Translations::install(const QLocale& locale)
{
    // Owned by the application, which keeps it for its lifetime.
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(
            locale, QStringLiteral("keyway"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}
