#pragma once

#include <QString>

// Where Keyway keeps its files.
class AppPaths
{
public:
    // $KEYWAY_DATABASE when set, else keyway.db in the platform's application data folder
    // (~/.local/share/Keyway on Linux).
    static QString defaultDatabasePath();
};
