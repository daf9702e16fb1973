#include "app/cli/RouteCommands.h"

#include "app/catalog/UserCatalog.h"
#include "app/cli/CliContext.h"
#include "app/routing/RoutingSnapshotBuilder.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "router/routing/RoutePlanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RouteCommands)
};

// Who is asking: a local API key's member and workspace, or the named ones (default me in
// Personal).
Result<RouteRequest> requestFrom(Store& store, const QCommandLineParser& parser)
{
    RouteRequest request;
    request.model = parser.value(opt("model")).trimmed();
    if (parser.isSet(opt("token"))) {
        bool ok = false;
        const qint64 id = parser.value(opt("token")).toLongLong(&ok);
        auto localKey = ok
            ? store.access().localKey(id)
            : Result<LocalApiKey>(notFound(Text::tr("--token takes a local API key id.")));
        if (!localKey)
            return asInputFailure(localKey.failure());
        request.localKeyId = localKey->id;
        request.memberId = localKey->memberId;
        request.workspaceId = localKey->workspaceId;
        return request;
    }
    auto member = store.access().memberByName(parser.value(opt("member")).isEmpty()
            ? QString(Member::defaultName())
            : parser.value(opt("member")));
    auto workspace = store.access().workspaceByName(parser.value(opt("workspace")).isEmpty()
            ? QString(Workspace::defaultName())
            : parser.value(opt("workspace")));
    if (!member)
        return asInputFailure(member.failure());
    if (!workspace)
        return asInputFailure(workspace.failure());
    request.memberId = member->id;
    request.workspaceId = workspace->id;
    return request;
}

QString describeKey(const RouteKey& key)
{
    return QStringLiteral("%1 (%2, %3)").arg(key.label, key.providerId, tierId(key.tier));
}

int explain(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Show which keys a request would be tried on, in order, "
                 "and why each other key would not be used. Uses the "
                 "same planner as the router; live health (cool-downs) "
                 "is known only to a running router."));
    parser.addOptions({
        { opt("model"), Text::tr("The model the request names."), Text::tr("id") },
        { opt("token"), Text::tr("As a request with this local API key id."), Text::tr("id") },
        { opt("member"), Text::tr("As a request from this member (default: me)."),
            Text::tr("name") },
        { opt("workspace"), Text::tr("In this workspace (default: Personal)."), Text::tr("name") },
        { opt("json"), Text::tr("Print JSON.") },
    });
    if (auto exit = context.parse(parser, QStringLiteral("route explain"), arguments))
        return *exit;
    if (parser.value(opt("model")).trimmed().isEmpty())
        return context.usageError(Text::tr("--model is required."));
    if (parser.isSet(opt("token"))
        && (parser.isSet(opt("member")) || parser.isSet(opt("workspace"))))
        return context.usageError(
            Text::tr("A local API key already names its member and workspace; give "
                     "--token or --member/--workspace."));
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    auto request = requestFrom(*store, parser);
    if (!request)
        return context.fail(request.failure());
    auto stored = store->keys().all();
    if (!stored)
        return context.fail(stored.failure());
    const QList<RouteKey> keys = RoutingSnapshotBuilder::routeKeys(*stored);
    auto catalog = UserCatalog::load(*store);
    if (!catalog)
        return context.fail(catalog.failure());
    const auto now = KeyHealth::Clock::now();
    const RoutePlan plan = RoutePlanner::plan(*request, keys, *catalog, {}, now);
    QHash<qint64, const RouteKey*> byId;
    for (const RouteKey& key : keys)
        byId.insert(key.id, &key);

    if (parser.isSet(opt("json"))) {
        QJsonArray attempts, excluded;
        for (const PlannedAttempt& attempt : plan.attempts) {
            attempts.append(QJsonObject { { opt("key_id"), attempt.keyId },
                { opt("label"), byId.value(attempt.keyId)->label },
                { opt("upstream_model"), attempt.upstreamModel } });
        }
        for (const ExcludedKey& out : plan.excluded) {
            excluded.append(QJsonObject { { opt("key_id"), out.keyId },
                { opt("label"), byId.value(out.keyId)->label },
                { opt("reason"), RoutePlanner::describe(out, now) } });
        }
        context.printJson(QJsonObject { { opt("model"), request->model },
            { opt("attempts"), attempts }, { opt("excluded"), excluded } });
        return CliContext::Success;
    }
    QTextStream& out = context.out();
    if (plan.attempts.isEmpty())
        out << Text::tr("No key would serve \"%1\".").arg(request->model) << '\n';
    else
        out << Text::tr("\"%1\" would be tried on:").arg(request->model) << '\n';
    for (qsizetype i = 0; i < plan.attempts.size(); ++i) {
        const PlannedAttempt& attempt = plan.attempts.at(i);
        out << QStringLiteral("  %1. %2 → %3\n")
                   .arg(QString::number(i + 1), describeKey(*byId.value(attempt.keyId)),
                       attempt.upstreamModel);
    }
    if (!plan.excluded.isEmpty())
        out << Text::tr("Not used:") << '\n';
    for (const ExcludedKey& excluded : plan.excluded)
        out << QStringLiteral("  %1: %2\n")
                   .arg(describeKey(*byId.value(excluded.keyId)),
                       RoutePlanner::describe(excluded, now));
    out.flush();
    return CliContext::Success;
}

} // namespace

int RouteCommands::run(CliContext& context, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    if (verb == u"explain")
        return explain(context, arguments.mid(1));
    return context.verbHelp(QStringLiteral("route"), verb,
        { { QStringLiteral("explain"),
            Text::tr("show the keys a request would be tried on, and why not the others") } });
}
