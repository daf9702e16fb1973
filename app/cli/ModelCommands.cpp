#include "app/cli/ModelCommands.h"

#include "app/catalog/UserCatalog.h"
#include "app/cli/CliContext.h"
#include "app/cli/TextTable.h"
#include "app/store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ModelCommands)
};

QString opt(const char* name)
{
    return QString::fromLatin1(name);
}

QString price(const std::optional<ModelPrice>& price, double ModelPrice::*part)
{
    return price ? QString::number(*price.*part) : QString();
}

int list(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("List the model catalog: built-in models and yours, with prices in US dollars per "
                 "million tokens."));
    parser.addOption({ opt("json"), Text::tr("Print JSON, in the catalog's own format.") });
    if (auto exit = context.parse(parser, QStringLiteral("model list"), arguments))
        return *exit;
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    auto catalog = UserCatalog::load(*store);
    if (!catalog)
        return context.fail(catalog.failure());
    if (parser.isSet(opt("json"))) {
        QJsonArray models;
        for (const ModelCatalog::Entry& entry : catalog->entries())
            models.append(ModelCatalog::entryToJson(entry));
        context.printJson(models);
        return CliContext::Success;
    }
    TextTable table({ Text::tr("ID"), Text::tr("ALIASES"), Text::tr("CONTEXT"), Text::tr("INPUT"),
        Text::tr("OUTPUT"), Text::tr("CACHED") });
    for (const ModelCatalog::Entry& entry : catalog->entries()) {
        table.addRow({ entry.canonicalId, entry.aliases.join(QStringLiteral(", ")),
            entry.contextLength > 0 ? QString::number(entry.contextLength) : QString(),
            price(entry.price, &ModelPrice::input), price(entry.price, &ModelPrice::output),
            price(entry.price, &ModelPrice::cachedInput) });
    }
    table.print(context.out());
    return CliContext::Success;
}

// The definition the options describe, in the catalog's JSON format; nothing when one is bad.
std::optional<QJsonObject> definitionFrom(
    CliContext& context, const QCommandLineParser& parser, const QString& id)
{
    QJsonObject definition { { QStringLiteral("id"), id } };
    if (parser.isSet(opt("name")))
        definition.insert(QStringLiteral("name"), parser.value(opt("name")));
    if (parser.isSet(opt("context"))) {
        bool ok = false;
        const qint64 tokens = parser.value(opt("context")).toLongLong(&ok);
        if (!ok || tokens < 0) {
            context.usageError(Text::tr("--context takes a number of tokens."));
            return std::nullopt;
        }
        definition.insert(QStringLiteral("context_length"), tokens);
    }
    QJsonObject pricing;
    for (const auto& [option, field] :
        { std::pair { "input-price", "input" }, std::pair { "output-price", "output" },
            std::pair { "cached-price", "cached_input" } }) {
        if (!parser.isSet(opt(option)))
            continue;
        bool ok = false;
        const double dollars = parser.value(opt(option)).toDouble(&ok);
        if (!ok) {
            context.usageError(
                Text::tr("--%1 takes dollars per million tokens, like 2.5.").arg(opt(option)));
            return std::nullopt;
        }
        pricing.insert(QLatin1StringView(field), dollars);
    }
    if (!pricing.isEmpty())
        definition.insert(QStringLiteral("pricing"), pricing);
    QJsonObject natives;
    for (const QString& native : parser.values(opt("native"))) {
        const qsizetype equals = native.indexOf(u'=');
        if (equals <= 0) {
            context.usageError(
                Text::tr("--native takes PROVIDER=ID, like bedrock=acme.model-v1:0."));
            return std::nullopt;
        }
        natives.insert(native.left(equals), native.mid(equals + 1));
    }
    definition.insert(QStringLiteral("native_ids"), natives);
    QJsonArray aliases;
    for (const QString& alias : parser.values(opt("alias")))
        aliases.append(alias);
    if (!aliases.isEmpty())
        definition.insert(QStringLiteral("aliases"), aliases);
    return definition;
}

int add(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Add a model to the catalog, or replace one (a built-in one too): its prices give the "
        "cost of each request, its names let requests name it."));
    parser.addPositionalArgument(opt("id"), Text::tr("Its id, like acme/rocket-1."));
    parser.addOption({ opt("name"), Text::tr("Its name for people."), Text::tr("text") });
    parser.addOption(
        { opt("alias"), Text::tr("Another name for it (repeatable)."), Text::tr("name") });
    parser.addOption({ opt("native"),
        Text::tr("The id a provider knows it by (repeatable), like bedrock=acme.rocket-v1:0."),
        Text::tr("provider=id") });
    parser.addOption({ opt("context"), Text::tr("Its context length in tokens."), Text::tr("n") });
    parser.addOption(
        { opt("input-price"), Text::tr("Dollars per million prompt tokens."), Text::tr("usd") });
    parser.addOption({ opt("output-price"), Text::tr("Dollars per million completion tokens."),
        Text::tr("usd") });
    parser.addOption({ opt("cached-price"), Text::tr("Dollars per million cached prompt tokens."),
        Text::tr("usd") });
    if (auto exit = context.parse(parser, QStringLiteral("model add"), arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(Text::tr("Give the model's id."));
    const std::optional<QJsonObject> definition
        = definitionFrom(context, parser, parser.positionalArguments().constFirst());
    if (!definition)
        return CliContext::UsageError;
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    auto added = UserCatalog::addModel(*store, *definition);
    if (!added)
        return context.fail(added.failure());
    context.out() << Text::tr("Added the model %1.").arg(added->canonicalId) << Qt::endl;
    return CliContext::Success;
}

int alias(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Give a model of the catalog another name."));
    parser.addPositionalArgument(opt("alias"), Text::tr("The new name."));
    parser.addPositionalArgument(opt("model"), Text::tr("The model's id or one of its names."));
    if (auto exit = context.parse(parser, QStringLiteral("model alias"), arguments))
        return *exit;
    const QStringList names = parser.positionalArguments();
    if (names.size() != 2)
        return context.usageError(Text::tr("Give the alias and the model."));
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    if (auto added = UserCatalog::addAlias(*store, names.at(0), names.at(1)); !added)
        return context.fail(added.failure());
    context.out() << Text::tr("\"%1\" now names %2.").arg(names.at(0), names.at(1)) << Qt::endl;
    return CliContext::Success;
}

int remove(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Remove a model you added, or an alias."));
    parser.addPositionalArgument(opt("name"), Text::tr("The model's id or the alias."));
    if (auto exit = context.parse(parser, QStringLiteral("model remove"), arguments))
        return *exit;
    if (parser.positionalArguments().size() != 1)
        return context.usageError(Text::tr("Give the model's id or the alias."));
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    auto removed = UserCatalog::remove(*store, parser.positionalArguments().constFirst());
    if (!removed)
        return context.fail(removed.failure());
    context.out() << *removed << Qt::endl;
    return CliContext::Success;
}

} // namespace

int ModelCommands::run(CliContext& context, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (verb == u"list")
        return list(context, rest);
    if (verb == u"add")
        return add(context, rest);
    if (verb == u"alias")
        return alias(context, rest);
    if (verb == u"remove" || verb == u"rm")
        return remove(context, rest);
    return context.verbHelp(QStringLiteral("model"), verb,
        { { QStringLiteral("list"), Text::tr("the catalog, with prices") },
            { QStringLiteral("add"), Text::tr("add or replace a model") },
            { QStringLiteral("alias"), Text::tr("give a model another name") },
            { QStringLiteral("remove"), Text::tr("remove a model you added, or an alias") } });
}
