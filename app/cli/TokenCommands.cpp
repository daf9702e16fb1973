#include "app/cli/TokenCommands.h"

#include "app/AwaitTask.h"
#include "app/cli/CliContext.h"
#include "app/cli/TextTable.h"
#include "app/store/AccessStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TokenCommands)
};

QString timeText(const QDateTime& time)
{
    return time.isNull() ? QStringLiteral("-")
                         : time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

int create(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Create a local API key for tools to present to the "
                                              "router. The token is printed once."));
    parser.addOptions({
        { opt("member"), Text::tr("Owner (default: me)."), Text::tr("name") },
        { opt("workspace"), Text::tr("Workspace (default: Personal)."), Text::tr("name") },
        { opt("name"), Text::tr("What the token is for (\"aider on laptop\")."), Text::tr("text") },
        { opt("json"), Text::tr("Print JSON.") },
    });
    if (auto exit = context.parse(parser, QStringLiteral("token create"), arguments))
        return *exit;
    TokenService* tokens = context.tokens();
    if (!tokens)
        return CliContext::DatabaseError;
    auto created = awaitTask(tokens->create(
        parser.value(opt("member")), parser.value(opt("workspace")), parser.value(opt("name"))));
    if (!created)
        return context.fail(created.failure());
    if (parser.isSet(opt("json"))) {
        context.printJson(QJsonObject { { QStringLiteral("id"), created->localKey.id },
            { QStringLiteral("token"), created->token } });
        return CliContext::Success;
    }
    context.out() << created->token << Qt::endl;
    context.err() << Text::tr("Created local API key %1. This is the only time the token is shown; "
                              "\"keyway token list\" shows it masked.")
                         .arg(created->localKey.id)
                  << Qt::endl;
    return CliContext::Success;
}

int list(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("List local API keys, tokens masked."));
    parser.addOption({ opt("json"), Text::tr("Print JSON.") });
    if (auto exit = context.parse(parser, QStringLiteral("token list"), arguments))
        return *exit;
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    auto localKeys = store->access().localKeys();
    auto members = store->access().members();
    auto workspaces = store->access().workspaces();
    if (!localKeys || !members || !workspaces)
        return context.fail(!localKeys ? localKeys.failure()
                : !members             ? members.failure()
                                       : workspaces.failure());
    QHash<qint64, QString> memberNames, workspaceNames;
    for (const Member& m : *members)
        memberNames.insert(m.id, m.name);
    for (const Workspace& w : *workspaces)
        workspaceNames.insert(w.id, w.name);

    if (parser.isSet(opt("json"))) {
        QJsonArray rows;
        for (const LocalApiKey& k : *localKeys) {
            rows.append(QJsonObject { { QStringLiteral("id"), k.id },
                { QStringLiteral("name"), k.name }, { QStringLiteral("token"), k.tokenHint },
                { QStringLiteral("member"), memberNames.value(k.memberId) },
                { QStringLiteral("workspace"), workspaceNames.value(k.workspaceId) },
                { QStringLiteral("created_at"), k.createdAt.toString(Qt::ISODate) },
                { QStringLiteral("last_used_at"),
                    k.lastUsedAt.isNull() ? QJsonValue() : k.lastUsedAt.toString(Qt::ISODate) },
                { QStringLiteral("revoked"), k.isRevoked() } });
        }
        context.printJson(rows);
        return CliContext::Success;
    }
    if (localKeys->isEmpty()) {
        context.out() << Text::tr("No local API keys yet. Create one with: keyway token create")
                      << Qt::endl;
        return CliContext::Success;
    }
    TextTable table({ Text::tr("ID"), Text::tr("TOKEN"), Text::tr("MEMBER"), Text::tr("WORKSPACE"),
        Text::tr("CREATED"), Text::tr("LAST USED"), Text::tr("STATE"), Text::tr("NAME") });
    for (const LocalApiKey& k : *localKeys) {
        table.addRow({ QString::number(k.id), k.tokenHint, memberNames.value(k.memberId),
            workspaceNames.value(k.workspaceId), timeText(k.createdAt), timeText(k.lastUsedAt),
            k.isRevoked() ? Text::tr("revoked") : Text::tr("active"), k.name });
    }
    table.print(context.out());
    return CliContext::Success;
}

// The shape of the commands that act on one local API key by id.
template <typename Action>
int onLocalKey(CliContext& context, const QStringList& arguments, const char* verb,
    const QString& description, Action action)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addPositionalArgument(opt("id"), Text::tr("The local API key's id."));
    if (auto exit = context.parse(parser, QStringLiteral("token ") + opt(verb), arguments))
        return *exit;
    const std::optional<qint64> id = context.idArgument(parser, Text::tr("local API key"));
    if (!id)
        return CliContext::UsageError;
    TokenService* tokens = context.tokens();
    if (!tokens)
        return CliContext::DatabaseError;
    return action(*tokens, *id);
}

int revoke(CliContext& context, const QStringList& arguments)
{
    return onLocalKey(context, arguments, "revoke",
        Text::tr("Revoke a local API key: the router refuses it from now on."),
        [&](TokenService& tokens, qint64 id) {
            auto revoked = awaitTask(tokens.revoke(id));
            if (!revoked)
                return context.fail(revoked.failure());
            if (!revoked->isEmpty())
                context.err() << Text::tr("keyway: warning: %1").arg(*revoked) << Qt::endl;
            context.out() << Text::tr("Revoked local API key %1.").arg(id) << Qt::endl;
            return int(CliContext::Success);
        });
}

int reveal(CliContext& context, const QStringList& arguments)
{
    return onLocalKey(context, arguments, "reveal",
        Text::tr("Print a local API key's token again, from the keychain."),
        [&](TokenService& tokens, qint64 id) {
            auto token = awaitTask(tokens.reveal(id));
            if (!token)
                return context.fail(token.failure());
            context.out() << *token << Qt::endl;
            return int(CliContext::Success);
        });
}

} // namespace

int TokenCommands::run(CliContext& context, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (verb == u"create")
        return create(context, rest);
    if (verb == u"list")
        return list(context, rest);
    if (verb == u"revoke")
        return revoke(context, rest);
    if (verb == u"reveal")
        return reveal(context, rest);
    return context.verbHelp(QStringLiteral("token"), verb,
        { { QStringLiteral("create"), Text::tr("create a local API key and print it once") },
            { QStringLiteral("list"), Text::tr("list local API keys, masked") },
            { QStringLiteral("revoke"), Text::tr("refuse a local API key from now on") },
            { QStringLiteral("reveal"),
                Text::tr("print a local API key again, from the keychain") } });
}
