#pragma once

#include <QStringList>

class CliContext;

// keyway serve --headless [--port N] [--bind ADDR]: the router without the window, until
// Ctrl-C or SIGTERM.
class ServeCommand
{
public:
    static int run(CliContext& context, const QStringList& arguments);
};
