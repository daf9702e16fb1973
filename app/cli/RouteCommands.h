#pragma once

#include <QStringList>

class CliContext;

// keyway route explain
class RouteCommands
{
public:
    static int run(CliContext& context, const QStringList& arguments);
};
