#pragma once

class QLocale;

// Keyway's translations (translations/*.ts, built into the library as .qm files) for a locale:
// the language's own, and for English the plural forms the source strings leave open; with
// them Qt's own strings in that language when the system has them.
class Translations
{
public:
    // Installs the translation for `locale` in the application; false when there is none, and
    // then the English plural forms are installed instead.
    static bool install(const QLocale& locale);
};
