#pragma once

#include <QStringList>

class CliContext;

// keyway model list|add|alias|remove: the model catalog and the user's additions to it.
class ModelCommands
{
public:
    static int run(CliContext& context, const QStringList& arguments);
};
