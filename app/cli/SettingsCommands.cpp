#include "app/cli/SettingsCommands.h"

#include "app/cli/CliContext.h"
#include "app/cli/TextTable.h"
#include "app/settings/Settings.h"
#include "app/store/SettingsStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SettingsCommands)
};

int list(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("List every setting with its value and default."));
    parser.addOption({ QStringLiteral("json"), Text::tr("Print JSON.") });
    if (auto exit = context.parse(parser, QStringLiteral("settings list"), arguments))
        return *exit;
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    auto stored = store->settings().values();
    if (!stored)
        return context.fail(stored.failure());
    const QHash<QString, QString> values = Settings::effective(*stored);
    QJsonArray rows;
    TextTable table(
        { Text::tr("NAME"), Text::tr("VALUE"), Text::tr("DEFAULT"), Text::tr("MEANING") });
    for (const Settings::Definition& definition : Settings::definitions()) {
        rows.append(QJsonObject { { QStringLiteral("name"), definition.name },
            { QStringLiteral("value"), values.value(definition.name) },
            { QStringLiteral("default"), definition.defaultValue },
            { QStringLiteral("description"), definition.description } });
        table.addRow({ definition.name, values.value(definition.name), definition.defaultValue,
            definition.description });
    }
    if (parser.isSet(QStringLiteral("json")))
        context.printJson(rows);
    else
        table.print(context.out());
    return CliContext::Success;
}

int getSetOrReset(CliContext& context, const QString& verb, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(verb == u"get" ? Text::tr("Print one setting's value.")
            : verb == u"set"                        ? Text::tr("Change one setting.")
                             : Text::tr("Put one setting back to its default."));
    parser.addPositionalArgument(
        QStringLiteral("name"), Text::tr("The setting (see keyway settings list)."));
    if (verb == u"set")
        parser.addPositionalArgument(QStringLiteral("value"), Text::tr("Its new value."));
    if (auto exit = context.parse(parser, QStringLiteral("settings ") + verb, arguments))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != (verb == u"set" ? 2 : 1))
        return context.usageError(verb == u"set" ? Text::tr("Give a setting's name and its value.")
                                                 : Text::tr("Give one setting's name."));
    const QString name = positional.first();
    // Checking a default gives the name check without a value of our own.
    const Settings::Definition* definition = Settings::find(name);
    auto checked = Settings::check(name,
        verb == u"set"   ? positional.at(1)
            : definition ? definition->defaultValue
                         : QString());
    if (!checked)
        return context.fail(checked.failure());
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    if (verb == u"get") {
        auto stored = store->settings().values();
        if (!stored)
            return context.fail(stored.failure());
        context.out() << Settings::effective(*stored).value(name) << Qt::endl;
        return CliContext::Success;
    }
    const std::optional<QString> value = verb == u"set" ? std::optional(*checked) : std::nullopt;
    if (auto saved = store->settings().setValue(name, value); !saved)
        return context.fail(saved.failure());
    if (verb == u"set" && name == u"bind-address" && !QHostAddress(*checked).isLoopback()) {
        context.err() << Text::tr("keyway: warning: the router will accept connections from the "
                                  "network at %1; every request still needs a local API key.")
                             .arg(*checked)
                      << Qt::endl;
    }
    context.out() << Text::tr("%1 = %2").arg(name, value.value_or(definition->defaultValue))
                  << Qt::endl;
    return CliContext::Success;
}

} // namespace

int SettingsCommands::run(CliContext& context, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    if (verb == u"list")
        return list(context, arguments.mid(1));
    if (verb == u"get" || verb == u"set" || verb == u"reset")
        return getSetOrReset(context, verb, arguments.mid(1));
    return context.verbHelp(QStringLiteral("settings"), verb,
        { { QStringLiteral("list"), Text::tr("every setting with its value and default") },
            { QStringLiteral("get"), Text::tr("one setting's value") },
            { QStringLiteral("set"), Text::tr("change one setting") },
            { QStringLiteral("reset"), Text::tr("put one setting back to its default") } });
}
