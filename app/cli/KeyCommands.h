#pragma once

#include <QStringList>

class CliContext;

// keyway key add|list|edit|move|remove
class KeyCommands
{
public:
    static int run(CliContext& context, const QStringList& arguments);
};
