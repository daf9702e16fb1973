#pragma once

#include <QStringList>

// The command-line interface: `keyway key|token|member|workspace ...`, --help, --version.
// It uses the same app layer as the window.
class Cli
{
public:
    // True when the arguments ask for a command rather than the window.
    static bool handles(const QStringList& arguments);
    // Runs the command; returns the process exit code.
    static int run(const QStringList& arguments);
    // The --database value in `arguments`, or the default path.
    static QString databasePath(const QStringList& arguments);
};
