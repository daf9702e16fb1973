#pragma once

#include <QStringList>

// The numbered steps that bring a database from empty to the current schema. Step N takes
// PRAGMA user_version from N-1 to N; a released step is never edited, only followed by another.
class SchemaMigrations
{
public:
    static int latestVersion();
    // The statements of step `version` (1-based).
    static QStringList statements(int version);
};
