#include "app/cli/KeyCommands.h"

#include "app/AwaitTask.h"
#include "app/cli/CliContext.h"
#include "app/cli/SecretInput.h"
#include "app/cli/TextTable.h"
#include "app/keys/KeyService.h"
#include "app/keys/KeyTester.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "router/catalog/ProviderRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KeyCommands)
};

QStringList splitList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}

// The options add and edit share.
void addFieldOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        { opt("label"), Text::tr("The key's name, unique (\"Work OpenAI\")."), Text::tr("text") },
        { opt("base-url"), Text::tr("Endpoint override; required for openai-compatible."),
            Text::tr("url") },
        { opt("ca-file"), Text::tr("Extra CA certificate (PEM or DER) for the endpoint override."),
            Text::tr("file") },
        { opt("workspace"), Text::tr("Workspace of the key (default: Personal)."),
            Text::tr("name") },
        { opt("all-workspaces"), Text::tr("The key serves every workspace.") },
        { opt("models"), Text::tr("Only these models: ids or globs, comma-separated; '' for all."),
            Text::tr("patterns") },
        { opt("members"), Text::tr("Only these members, comma-separated; '' for all."),
            Text::tr("names") },
        { opt("tokens"), Text::tr("Only these local API key ids, comma-separated; '' for all."),
            Text::tr("ids") },
        { opt("shared-capacity"), Text::tr("allow, never-for-models or never-for-provider."),
            Text::tr("policy") },
        { opt("secret-stdin"), Text::tr("Read the secret from standard input.") },
    });
    for (const QString& setting : ProviderRegistry::settingNames()) {
        parser.addOption({ setting, Text::tr("Provider setting %1 ('' removes it).").arg(setting),
            Text::tr("value") });
    }
}

Result<KeyFields> readFields(const QCommandLineParser& parser)
{
    KeyFields fields;
    const auto text = [&](const char* name) -> std::optional<QString> {
        return parser.isSet(opt(name)) ? std::optional(parser.value(opt(name))) : std::nullopt;
    };
    fields.label = text("label");
    fields.baseUrl = text("base-url");
    fields.caFile = text("ca-file");
    fields.workspace = text("workspace");
    if (parser.isSet(opt("all-workspaces"))) {
        if (fields.workspace)
            return invalidInput(Text::tr("Give either --workspace or --all-workspaces."));
        fields.workspace = QStringLiteral("*");
    }
    if (auto models = text("models"))
        fields.modelPatterns = splitList(*models);
    if (auto members = text("members"))
        fields.memberNames = splitList(*members);
    if (auto tokens = text("tokens")) {
        QList<qint64> ids;
        for (const QString& item : splitList(*tokens)) {
            bool ok = false;
            ids.append(item.toLongLong(&ok));
            if (!ok)
                return invalidInput(
                    Text::tr("--tokens takes local API key ids such as 1,4; \"%1\" is not one.")
                        .arg(item));
        }
        fields.localKeyIds = ids;
    }
    if (auto policy = text("shared-capacity")) {
        fields.sharedCapacity = sharedCapacityPolicyFromId(*policy);
        if (!fields.sharedCapacity)
            return invalidInput(
                Text::tr("--shared-capacity takes allow, never-for-models or never-for-provider."));
    }
    for (const QString& setting : ProviderRegistry::settingNames()) {
        if (parser.isSet(setting))
            fields.settings.insert(setting, parser.value(setting));
    }
    return fields;
}

QJsonObject keyToJson(const ProviderKey& key, const QHash<qint64, QString>& memberNames,
    const QHash<qint64, QString>& workspaceNames)
{
    QJsonArray members;
    for (qint64 id : key.filters.memberIds)
        members.append(memberNames.value(id));
    QJsonArray localKeys;
    for (qint64 id : key.filters.localKeyIds)
        localKeys.append(id);
    const std::optional<QString> refusal = KeyService::endpointRefusal(key);
    return {
        { QStringLiteral("id"), key.id },
        { QStringLiteral("provider"), key.providerId },
        { QStringLiteral("label"), key.label },
        { QStringLiteral("secret"), key.secretHint },
        { QStringLiteral("secret_missing"), key.secretMissing },
        { QStringLiteral("tier"), tierId(key.tier) },
        { QStringLiteral("position"), key.position },
        { QStringLiteral("enabled"), key.enabled },
        { QStringLiteral("workspace"),
            key.workspaceId ? workspaceNames.value(*key.workspaceId) : QStringLiteral("*") },
        { QStringLiteral("base_url"), key.baseUrl },
        { QStringLiteral("endpoint_refused"), refusal ? QJsonValue(*refusal) : QJsonValue() },
        { QStringLiteral("ca_file"), key.caFile },
        { QStringLiteral("settings"), key.settings },
        { QStringLiteral("shared_capacity"), sharedCapacityPolicyId(key.sharedCapacity) },
        { QStringLiteral("filters"),
            QJsonObject {
                { QStringLiteral("models"), QJsonArray::fromStringList(key.filters.modelPatterns) },
                { QStringLiteral("members"), members },
                { QStringLiteral("local_keys"), localKeys } } },
        { QStringLiteral("created_at"), key.createdAt.toString(Qt::ISODate) },
        { QStringLiteral("updated_at"), key.updatedAt.toString(Qt::ISODate) },
    };
}

QString filterSummary(const QJsonObject& filters)
{
    QStringList parts;
    const auto add = [&](const char* name, const QString& label) {
        QStringList values;
        for (const QJsonValue& v : filters.value(opt(name)).toArray())
            values.append(v.isDouble() ? QString::number(v.toInteger()) : v.toString());
        if (!values.isEmpty())
            parts.append(label + u'=' + values.join(u','));
    };
    add("models", QStringLiteral("models"));
    add("members", QStringLiteral("members"));
    add("local_keys", QStringLiteral("tokens"));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(u' ');
}

enum class Output { Table, JsonArray, JsonObject };

SecretInput::Emptiness emptinessFor(const QString& providerId)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    return provider && provider->credentialKind == CredentialKind::OptionalApiKey
        ? SecretInput::Emptiness::Allowed
        : SecretInput::Emptiness::Refused;
}

int printKeys(CliContext& context, const QList<ProviderKey>& keys, Output output)
{
    auto members = context.store()->access().members();
    auto workspaces = context.store()->access().workspaces();
    if (!members)
        return context.fail(members.failure());
    if (!workspaces)
        return context.fail(workspaces.failure());
    QHash<qint64, QString> memberNames, workspaceNames;
    for (const Member& m : *members)
        memberNames.insert(m.id, m.name);
    for (const Workspace& w : *workspaces)
        workspaceNames.insert(w.id, w.name);

    QJsonArray rows;
    for (const ProviderKey& key : keys)
        rows.append(keyToJson(key, memberNames, workspaceNames));
    if (output != Output::Table) {
        context.printJson(output == Output::JsonObject ? rows.first() : QJsonValue(rows));
        return CliContext::Success;
    }
    if (keys.isEmpty()) {
        context.out() << Text::tr(
            "No provider keys yet. Add one with: keyway key add --provider openai "
            "--label \"Work OpenAI\" --secret-stdin")
                      << Qt::endl;
        return CliContext::Success;
    }
    TextTable table({ Text::tr("ID"), Text::tr("TIER"), Text::tr("POS"), Text::tr("PROVIDER"),
        Text::tr("LABEL"), Text::tr("SECRET"), Text::tr("WORKSPACE"), Text::tr("STATE"),
        Text::tr("FILTERS") });
    for (const QJsonValue& value : rows) {
        const QJsonObject row = value.toObject();
        const QString state = row.value(opt("secret_missing")).toBool() ? Text::tr("secret missing")
            : row.value(opt("endpoint_refused")).isString() ? Text::tr("plain HTTP refused")
            : row.value(opt("enabled")).toBool()            ? Text::tr("enabled")
                                                            : Text::tr("disabled");
        table.addRow({ QString::number(row.value(opt("id")).toInteger()),
            row.value(opt("tier")).toString(), QString::number(row.value(opt("position")).toInt()),
            row.value(opt("provider")).toString(), row.value(opt("label")).toString(),
            row.value(opt("secret")).toString(), row.value(opt("workspace")).toString(), state,
            filterSummary(row.value(opt("filters")).toObject()) });
    }
    table.print(context.out());
    return CliContext::Success;
}

int add(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Add a provider key. The secret is read from standard "
                 "input (--secret-stdin) or asked for without echo."));
    parser.addOption({ opt("provider"),
        Text::tr("One of: %1.").arg(ProviderRegistry::ids().join(QStringLiteral(", "))),
        Text::tr("id") });
    parser.addOption({ opt("tier"),
        Text::tr("prioritized, shared or fallback (default depends on the provider)."),
        Text::tr("tier") });
    parser.addOption({ opt("json"), Text::tr("Print the new key as JSON.") });
    addFieldOptions(parser);
    if (auto exit = context.parse(parser, QStringLiteral("key add"), arguments))
        return *exit;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(
            Text::tr("Unexpected argument \"%1\"; secrets are never taken from the command line.")
                .arg(parser.positionalArguments().first()));
    if (!parser.isSet(opt("provider")))
        return context.usageError(Text::tr("--provider is required; one of: %1.")
                                      .arg(ProviderRegistry::ids().join(QStringLiteral(", "))));
    if (!parser.isSet(opt("label")))
        return context.usageError(Text::tr("--label is required."));
    auto fields = readFields(parser);
    if (!fields)
        return context.fail(fields.failure());
    if (parser.isSet(opt("tier"))) {
        fields.value().tier = tierFromId(parser.value(opt("tier")));
        if (!fields->tier)
            return context.usageError(Text::tr("--tier takes prioritized, shared or fallback."));
    }
    KeyService* keys = context.keys();
    if (!keys)
        return CliContext::DatabaseError;
    // Everything but the secret is checked before the person is asked for it.
    const QString providerId = parser.value(opt("provider"));
    auto draft = keys->draftKey(providerId, *fields);
    if (!draft)
        return context.fail(draft.failure());
    if (auto reachable = awaitTask(keys->checkEndpointHost(draft->baseUrl)); !reachable)
        return context.fail(reachable.failure());
    auto secret = SecretInput::read(parser.isSet(opt("secret-stdin")),
        Text::tr("Secret for %1: ").arg(*fields->label), emptinessFor(providerId));
    if (!secret)
        return context.fail(secret.failure());
    auto added = awaitTask(keys->addKey(providerId, *fields, *secret));
    if (!added)
        return context.fail(added.failure());
    if (parser.isSet(opt("json")))
        return printKeys(context, { *added }, Output::JsonObject);
    context.out() << Text::tr("Added key %1 \"%2\" (%3) in %4 at position %5.")
                         .arg(QString::number(added->id), added->label, added->secretHint,
                             tierDisplayName(added->tier), QString::number(added->position))
                  << Qt::endl;
    return CliContext::Success;
}

int list(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("List provider keys in the order the router tries them."));
    parser.addOption({ opt("json"), Text::tr("Print JSON.") });
    parser.addOption({ opt("provider"), Text::tr("Only keys of this provider."), Text::tr("id") });
    parser.addOption({ opt("check"),
        Text::tr(
            "First ask the keychain for every secret and flag the keys whose secret is gone.") });
    if (auto exit = context.parse(parser, QStringLiteral("key list"), arguments))
        return *exit;
    const ProviderDescriptor* provider = nullptr;
    if (parser.isSet(opt("provider"))) {
        provider = ProviderRegistry::find(parser.value(opt("provider")));
        if (!provider) {
            return context.usageError(Text::tr("Unknown provider \"%1\". Known providers: %2.")
                                          .arg(parser.value(opt("provider")),
                                              ProviderRegistry::ids().join(QStringLiteral(", "))));
        }
    }
    KeyService* service = context.keys();
    if (!service)
        return CliContext::DatabaseError;
    if (parser.isSet(opt("check"))) {
        if (auto verified = awaitTask(service->verifySecrets()); !verified)
            return context.fail(verified.failure());
    }
    auto keys = context.store()->keys().all();
    if (!keys)
        return context.fail(keys.failure());
    QList<ProviderKey> shown;
    for (const ProviderKey& key : *keys) {
        if (!provider || key.providerId == provider->id)
            shown.append(key);
    }
    return printKeys(context, shown, parser.isSet(opt("json")) ? Output::JsonArray : Output::Table);
}

int edit(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Change a provider key. Only the options given change."));
    parser.addPositionalArgument(opt("id"), Text::tr("The key's id."));
    parser.addOption({ opt("enable"), Text::tr("Use the key again.") });
    parser.addOption({ opt("disable"), Text::tr("Keep the key but do not use it.") });
    parser.addOption({ opt("new-secret"), Text::tr("Ask for a new secret without echo.") });
    parser.addOption(
        { opt("tier"), Text::tr("Not here: use \"keyway key move\"."), Text::tr("tier") });
    addFieldOptions(parser);
    if (auto exit = context.parse(parser, QStringLiteral("key edit"), arguments))
        return *exit;
    const std::optional<qint64> id = context.idArgument(parser, Text::tr("provider key"));
    if (!id)
        return CliContext::UsageError;
    if (parser.isSet(opt("tier")))
        return context.usageError(
            Text::tr("Editing does not move a key; use: keyway key move %1 --tier %2")
                .arg(*id)
                .arg(parser.value(opt("tier"))));
    if (parser.isSet(opt("enable")) && parser.isSet(opt("disable")))
        return context.usageError(Text::tr("Give either --enable or --disable."));
    auto fields = readFields(parser);
    if (!fields)
        return context.fail(fields.failure());
    if (parser.isSet(opt("enable")) || parser.isSet(opt("disable")))
        fields.value().enabled = parser.isSet(opt("enable"));
    KeyService* keys = context.keys();
    if (!keys)
        return CliContext::DatabaseError;
    std::optional<QString> secret;
    if (parser.isSet(opt("secret-stdin")) || parser.isSet(opt("new-secret"))) {
        auto existing = context.store()->keys().byId(*id);
        if (!existing)
            return context.fail(existing.failure());
        auto read = SecretInput::read(parser.isSet(opt("secret-stdin")), Text::tr("New secret: "),
            emptinessFor(existing->providerId));
        if (!read)
            return context.fail(read.failure());
        secret = *read;
    }
    auto edited = awaitTask(keys->editKey(*id, *fields, secret));
    if (!edited)
        return context.fail(edited.failure());
    context.out()
        << Text::tr("Saved key %1 \"%2\".").arg(QString::number(edited->id), edited->label)
        << Qt::endl;
    return CliContext::Success;
}

int move(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Move a provider key to a tier and position."));
    parser.addPositionalArgument(opt("id"), Text::tr("The key's id."));
    parser.addOption({ opt("tier"),
        Text::tr("prioritized, shared or fallback (default: its tier)."), Text::tr("tier") });
    parser.addOption(
        { opt("position"), Text::tr("0 is tried first (default: the end)."), Text::tr("n") });
    if (auto exit = context.parse(parser, QStringLiteral("key move"), arguments))
        return *exit;
    const std::optional<qint64> id = context.idArgument(parser, Text::tr("provider key"));
    if (!id)
        return CliContext::UsageError;
    std::optional<int> position;
    if (parser.isSet(opt("position"))) {
        bool ok = false;
        position = parser.value(opt("position")).toInt(&ok);
        if (!ok)
            return context.usageError(
                Text::tr("--position takes a number, 0 for the first place."));
    }
    if (!parser.isSet(opt("tier")) && !position)
        return context.usageError(Text::tr("Say where to: --tier, --position or both."));
    if (!context.store())
        return CliContext::DatabaseError;
    auto key = context.store()->keys().byId(*id);
    if (!key)
        return context.fail(key.failure());
    std::optional<Tier> tier = key->tier;
    if (parser.isSet(opt("tier"))) {
        tier = tierFromId(parser.value(opt("tier")));
        if (!tier)
            return context.usageError(Text::tr("--tier takes prioritized, shared or fallback."));
    }
    if (auto moved = context.keys()->moveKey(*id, *tier, position); !moved)
        return context.fail(moved.failure());
    auto placed = context.store()->keys().byId(*id);
    if (!placed)
        return context.fail(placed.failure());
    context.out() << Text::tr("Moved key %1 \"%2\" to %3, position %4.")
                         .arg(QString::number(placed->id), placed->label,
                             tierDisplayName(placed->tier), QString::number(placed->position))
                  << Qt::endl;
    return CliContext::Success;
}

int test(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Check a provider key with its provider, with the cheapest request there is "
                 "(a list of models). Exits with 0 when the key works, 5 when it does not."));
    parser.addPositionalArgument(opt("id"), Text::tr("The key's id."));
    parser.addOption({ opt("json"), Text::tr("Print the result as JSON.") });
    if (auto exit = context.parse(parser, QStringLiteral("key test"), arguments))
        return *exit;
    const std::optional<qint64> id = context.idArgument(parser, Text::tr("provider key"));
    if (!id)
        return CliContext::UsageError;
    KeyService* keys = context.keys();
    if (!keys)
        return CliContext::DatabaseError;
    auto target = awaitTask(keys->testTarget(*id, {}, {}, std::nullopt));
    if (!target)
        return context.fail(target.failure());
    const KeyTestResult result = awaitTask(KeyTester::test(*target));
    if (parser.isSet(opt("json"))) {
        const QJsonObject json { { QStringLiteral("id"), *id },
            { QStringLiteral("result"), KeyProbe::verdictId(result.verdict) },
            { QStringLiteral("http_status"), result.httpStatus },
            { QStringLiteral("latency_ms"), result.latencyMs },
            { QStringLiteral("message"), result.detail } };
        context.out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        context.out() << result.summary() << Qt::endl;
    }
    return result.works() ? CliContext::Success : CliContext::KeyDoesNotWork;
}

int remove(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Remove a provider key and its secret."));
    parser.addPositionalArgument(opt("id"), Text::tr("The key's id."));
    if (auto exit = context.parse(parser, QStringLiteral("key remove"), arguments))
        return *exit;
    const std::optional<qint64> id = context.idArgument(parser, Text::tr("provider key"));
    if (!id)
        return CliContext::UsageError;
    KeyService* keys = context.keys();
    if (!keys)
        return CliContext::DatabaseError;
    if (auto removed = awaitTask(keys->removeKey(*id)); !removed)
        return context.fail(removed.failure());
    context.out() << Text::tr("Removed key %1 and its secret.").arg(*id) << Qt::endl;
    return CliContext::Success;
}

} // namespace

int KeyCommands::run(CliContext& context, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (verb == u"add")
        return add(context, rest);
    if (verb == u"list")
        return list(context, rest);
    if (verb == u"edit")
        return edit(context, rest);
    if (verb == u"move")
        return move(context, rest);
    if (verb == u"test")
        return test(context, rest);
    if (verb == u"remove" || verb == u"rm")
        return remove(context, rest);
    return context.verbHelp(QStringLiteral("key"), verb,
        { { QStringLiteral("add"),
              Text::tr("add a provider key (its secret goes to the keychain)") },
            { QStringLiteral("list"), Text::tr("list keys in the order they are tried") },
            { QStringLiteral("edit"),
                Text::tr("change a key's label, filters, settings or secret") },
            { QStringLiteral("move"), Text::tr("move a key to a tier and position") },
            { QStringLiteral("test"), Text::tr("check a key with its provider") },
            { QStringLiteral("remove"), Text::tr("remove a key and its secret") } });
}
