#include "app/catalog/UserCatalog.h"

#include "app/catalog/BuiltinCatalog.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "router/catalog/ModelPattern.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCatalog)

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(UserCatalog)
};

} // namespace

Result<ModelCatalog> UserCatalog::load(Store& store)
{
    auto models = store.settings().userModels();
    auto aliases = store.settings().modelAliases();
    if (!models || !aliases)
        return !models ? models.failure() : aliases.failure();
    ModelCatalog catalog = BuiltinCatalog::get();
    for (auto it = models->cbegin(); it != models->cend(); ++it) {
        if (auto entry = ModelCatalog::entryFromJson(it.value()))
            catalog.add(std::move(*entry));
        else // checked on the way in; a hand-edited database loses only this model
            qCWarning(lcCatalog) << "model" << it.key() << "left out:" << entry.failure().message;
    }
    for (auto it = aliases->cbegin(); it != aliases->cend(); ++it) {
        if (!catalog.addAlias(it.key(), it.value()))
            qCWarning(lcCatalog) << "alias" << it.key() << "names no model:" << it.value();
    }
    return catalog;
}

Result<ModelCatalog::Entry> UserCatalog::addModel(Store& store, const QJsonObject& definition)
{
    Result<ModelCatalog::Entry> entry = ModelCatalog::entryFromJson(definition);
    if (!entry)
        return entry.failure();
    auto catalog = load(store);
    if (!catalog)
        return catalog.failure();
    // Its names may not already name another model.
    for (const QString& name : QStringList { entry->canonicalId } + entry->aliases) {
        const ModelCatalog::Entry* other = catalog->find(name);
        if (other && other->canonicalId.compare(entry->canonicalId, Qt::CaseInsensitive) != 0) {
            return conflict(
                Text::tr("\"%1\" already names the model %2.").arg(name, other->canonicalId));
        }
    }
    if (auto saved
        = store.settings().saveUserModel(entry->canonicalId, ModelCatalog::entryToJson(*entry));
        !saved)
        return saved.failure();
    return *entry;
}

Result<void> UserCatalog::addAlias(Store& store, const QString& typedAlias, const QString& modelId)
{
    // Stored as requests will name it: " sonnet " is "sonnet".
    const QString alias = typedAlias.trimmed();
    if (const Result<ModelPattern> pattern = ModelPattern::parse(alias); !pattern)
        return pattern.failure();
    if (alias.contains(u'*') || alias.contains(u'?'))
        return invalidInput(Text::tr("An alias cannot contain \"*\" or \"?\"."));
    auto catalog = load(store);
    if (!catalog)
        return catalog.failure();
    const ModelCatalog::Entry* model = catalog->find(modelId);
    if (!model)
        return invalidInput(
            Text::tr("The catalog has no model \"%1\" (see keyway model list).").arg(modelId));
    if (const ModelCatalog::Entry* other = catalog->find(alias); other && other != model)
        return conflict(
            Text::tr("\"%1\" already names the model %2.").arg(alias, other->canonicalId));
    return store.settings().setModelAlias(alias, model->canonicalId);
}

Result<QString> UserCatalog::remove(Store& store, const QString& idOrAlias)
{
    auto alias = store.settings().removeModelAlias(idOrAlias);
    if (!alias)
        return alias.failure();
    if (*alias)
        return Text::tr("Removed the alias \"%1\".").arg(idOrAlias);
    auto model = store.settings().removeUserModel(idOrAlias);
    if (!model)
        return model.failure();
    if (*model)
        return Text::tr("Removed the model %1.").arg(idOrAlias);
    return invalidInput(
        Text::tr("\"%1\" is neither a model you added nor an alias; the built-in models stay.")
            .arg(idOrAlias));
}
