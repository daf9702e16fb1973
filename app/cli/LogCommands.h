#pragma once

#include <QStringList>

class CliContext;

// keyway log tail [--follow] [--json] [--limit N]: requests with their attempts.
class LogCommands
{
public:
    static int run(CliContext& context, const QStringList& arguments);
};
