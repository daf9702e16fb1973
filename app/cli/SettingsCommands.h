#pragma once

#include <QStringList>

class CliContext;

// keyway settings list|get|set|reset
class SettingsCommands
{
public:
    static int run(CliContext& context, const QStringList& arguments);
};
