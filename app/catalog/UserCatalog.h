#pragma once

#include "router/catalog/ModelCatalog.h"
#include "router/core/Result.h"

class Store;

// The model catalog as the router uses it: the built-in one, with the user's own models (a
// later definition of a built-in id replaces it) and their other names for any model, kept in
// the database.
class UserCatalog
{
public:
    static Result<ModelCatalog> load(Store& store);

    // Checks a model in the catalog's JSON format and stores it.
    static Result<ModelCatalog::Entry> addModel(Store& store, const QJsonObject& definition);
    // Another name for a model the catalog has; not the id or alias of another model.
    static Result<void> addAlias(Store& store, const QString& alias, const QString& modelId);
    // Removes a model of the user's or an alias; says which it was.
    static Result<QString> remove(Store& store, const QString& idOrAlias);
};
