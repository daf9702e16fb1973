#include "app/cli/DirectoryCommands.h"

#include "app/cli/CliContext.h"
#include "app/cli/TextTable.h"
#include "app/store/AccessStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DirectoryCommands)
};

struct NamedEntry
{
    qint64 id;
    QString name;
    QDateTime createdAt;
};

// What differs between members and workspaces.
struct Directory
{
    QString noun; // "member"
    std::function<Result<QList<NamedEntry>>(Store&)> list;
    std::function<Result<void>(Store&, const QString&)> add;
    std::function<Result<qint64>(Store&, const QString&)> idByName;
    std::function<Result<void>(Store&, qint64)> remove;
};

template <typename T> Result<QList<NamedEntry>> toEntries(Result<QList<T>> items)
{
    if (!items)
        return items.failure();
    QList<NamedEntry> entries;
    for (const T& item : *items)
        entries.append({ item.id, item.name, item.createdAt });
    return entries;
}

template <typename T> Result<qint64> idOf(Result<T> item)
{
    return item ? Result<qint64>(item->id) : Result<qint64>(item.failure());
}

template <typename T> Result<void> done(Result<T> item)
{
    return item ? Result<void>() : Result<void>(item.failure());
}

const Directory members {
    QStringLiteral("member"),
    [](Store& s) { return toEntries(s.access().members()); },
    [](Store& s, const QString& name) { return done(s.access().insertMember(name)); },
    [](Store& s, const QString& name) { return idOf(s.access().memberByName(name)); },
    [](Store& s, qint64 id) { return s.access().deleteMember(id); },
};

const Directory workspaces {
    QStringLiteral("workspace"),
    [](Store& s) { return toEntries(s.access().workspaces()); },
    [](Store& s, const QString& name) { return done(s.access().insertWorkspace(name)); },
    [](Store& s, const QString& name) { return idOf(s.access().workspaceByName(name)); },
    [](Store& s, qint64 id) { return s.access().deleteWorkspace(id); },
};

int run(const Directory& directory, CliContext& context, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    const QString command = directory.noun + u' ' + verb;
    QCommandLineParser parser;
    if (verb == u"list") {
        parser.setApplicationDescription(Text::tr("List every %1.").arg(directory.noun));
        parser.addOption({ QStringLiteral("json"), Text::tr("Print JSON.") });
    } else if (verb == u"add" || verb == u"remove") {
        parser.setApplicationDescription(verb == u"add"
                ? Text::tr("Add a %1.").arg(directory.noun)
                : Text::tr("Remove a %1 nothing refers to.").arg(directory.noun));
        parser.addPositionalArgument(
            QStringLiteral("name"), Text::tr("The %1's name.").arg(directory.noun));
    } else {
        return context.verbHelp(directory.noun, verb,
            { { QStringLiteral("add"), Text::tr("add a %1").arg(directory.noun) },
                { QStringLiteral("list"), Text::tr("list every %1").arg(directory.noun) },
                { QStringLiteral("remove"),
                    Text::tr("remove a %1 nothing refers to").arg(directory.noun) } });
    }
    if (auto exit = context.parse(parser, command, arguments.mid(1)))
        return *exit;
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;

    if (verb == u"list") {
        auto entries = directory.list(*store);
        if (!entries)
            return context.fail(entries.failure());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray rows;
            for (const NamedEntry& e : *entries)
                rows.append(QJsonObject { { QStringLiteral("id"), e.id },
                    { QStringLiteral("name"), e.name },
                    { QStringLiteral("created_at"), e.createdAt.toString(Qt::ISODate) } });
            context.printJson(rows);
            return CliContext::Success;
        }
        TextTable table({ Text::tr("ID"), Text::tr("NAME") });
        for (const NamedEntry& e : *entries)
            table.addRow({ QString::number(e.id), e.name });
        table.print(context.out());
        return CliContext::Success;
    }

    if (parser.positionalArguments().size() != 1)
        return context.usageError(Text::tr("Give one %1 name.").arg(directory.noun));
    const QString name = parser.positionalArguments().first();
    if (verb == u"add") {
        if (auto added = directory.add(*store, name); !added)
            return context.fail(added.failure());
        context.out() << Text::tr("Added %1 \"%2\".").arg(directory.noun, name) << Qt::endl;
        return CliContext::Success;
    }
    auto id = directory.idByName(*store, name);
    if (!id)
        return context.fail(id.failure());
    if (auto removed = directory.remove(*store, *id); !removed)
        return context.fail(removed.failure());
    context.out() << Text::tr("Removed %1 \"%2\".").arg(directory.noun, name) << Qt::endl;
    return CliContext::Success;
}

} // namespace

int DirectoryCommands::runMembers(CliContext& context, const QStringList& arguments)
{
    return run(members, context, arguments);
}

int DirectoryCommands::runWorkspaces(CliContext& context, const QStringList& arguments)
{
    return run(workspaces, context, arguments);
}
