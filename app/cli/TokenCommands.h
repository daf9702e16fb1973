#pragma once

#include <QStringList>

class CliContext;

// keyway token create|list|revoke|reveal
class TokenCommands
{
public:
    static int run(CliContext& context, const QStringList& arguments);
};
