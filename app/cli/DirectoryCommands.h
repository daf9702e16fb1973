#pragma once

#include <QStringList>

class CliContext;

// keyway member add|list|remove and keyway workspace add|list|remove: two lists of names that
// behave alike.
class DirectoryCommands
{
public:
    static int runMembers(CliContext& context, const QStringList& arguments);
    static int runWorkspaces(CliContext& context, const QStringList& arguments);
};
