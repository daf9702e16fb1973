#include "app/cli/Cli.h"

#include "app/AppPaths.h"
#include "app/cli/CliContext.h"
#include "app/cli/DirectoryCommands.h"
#include "app/cli/KeyCommands.h"
#include "app/cli/LogCommands.h"
#include "app/cli/ModelCommands.h"
#include "app/cli/RouteCommands.h"
#include "app/cli/ServeCommand.h"
#include "app/cli/SettingsCommands.h"
#include "app/cli/TokenCommands.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// The arguments without the program name and the global --database option.
QStringList commandWords(const QStringList& arguments)
{
    QStringList words;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"--database") {
            ++i;
            continue;
        }
        if (argument.startsWith(u"--database="))
            continue;
        words.append(argument);
    }
    return words;
}

QString helpText()
{
    return Text::tr(
        "Keyway %1 — keeps your LLM provider keys in the OS keychain and routes requests "
        "over them.\n"
        "\n"
        "Usage: keyway [--database FILE] [COMMAND]\n"
        "\n"
        "Without a command, the window opens.\n"
        "\n"
        "Commands:\n"
        "  key add|list|edit|move|test|remove  provider keys, in the order they are tried\n"
        "  token create|list|revoke|reveal   local API keys that tools present\n"
        "  route explain --model M           the keys a request would be tried on, and why\n"
        "  model list|add|alias|remove       the model catalog: ids, names, prices\n"
        "  serve --headless [--port N]       the router without the window\n"
        "  log tail [--follow] [--json]      the latest requests and their attempts\n"
        "  member add|list|remove            people and agents who own local API keys\n"
        "  workspace add|list|remove         separate sets of keys\n"
        "  settings list|get|set|reset       port, bind address, timeouts, budgets, retention\n"
        "\n"
        "Run \"keyway COMMAND VERB --help\" for the options of one command.\n"
        "\n"
        "Options:\n"
        "  --database FILE   the database to use (default: %2; or $KEYWAY_DATABASE)\n"
        "  -h, --help        show this help\n"
        "  -v, --version     show the version\n"
        "\n"
        "Secrets are read from standard input (--secret-stdin) or asked for without echo,\n"
        "never taken from the command line.\n"
        "\n"
        "Exit codes: 0 success, 2 wrong arguments or input, 3 database problem,\n"
        "4 keychain problem, 5 \"key test\" found the key not working.\n")
        .arg(QCoreApplication::applicationVersion(), AppPaths::defaultDatabasePath());
}

} // namespace

bool Cli::handles(const QStringList& arguments)
{
    return !commandWords(arguments).isEmpty();
}

QString Cli::databasePath(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--database" && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(u"--database="))
            return arguments.at(i).section(u'=', 1);
    }
    return AppPaths::defaultDatabasePath();
}

int Cli::run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CliContext context(databasePath(arguments), out, err);
    if (const qsizetype i = arguments.indexOf(QStringLiteral("--database"));
        i == arguments.size() - 1)
        return context.usageError(Text::tr("--database needs a file name."));

    const QStringList words = commandWords(arguments);
    const QString command = words.value(0);
    const QStringList rest = words.mid(1);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out << helpText();
        return CliContext::Success;
    }
    if (command == u"--version" || command == u"-v") {
        out << QStringLiteral("keyway %1").arg(QCoreApplication::applicationVersion()) << Qt::endl;
        return CliContext::Success;
    }
    if (command == u"key")
        return KeyCommands::run(context, rest);
    if (command == u"token")
        return TokenCommands::run(context, rest);
    if (command == u"settings")
        return SettingsCommands::run(context, rest);
    if (command == u"route")
        return RouteCommands::run(context, rest);
    if (command == u"model")
        return ModelCommands::run(context, rest);
    if (command == u"serve")
        return ServeCommand::run(context, rest);
    if (command == u"log")
        return LogCommands::run(context, rest);
    if (command == u"member")
        return DirectoryCommands::runMembers(context, rest);
    if (command == u"workspace")
        return DirectoryCommands::runWorkspaces(context, rest);
    return context.usageError(
        Text::tr("Unknown command \"%1\". Run \"keyway --help\".").arg(command));
}
