#pragma once

#include "app/store/Store.h"

#include <QHash>
#include <QJsonObject>

#include <functional>

class SqlDatabase;

// The user's settings and own models as the store keeps them. Handed out by Store, which owns
// the connection.
class SettingsStore
{
public:
    SettingsStore(SqlDatabase& db, std::function<void(Store::Areas)> announce);

    // Stored values of settings by name; a setting not stored has its default (see Settings).
    Result<QHash<QString, QString>> values();
    // No value removes the setting, so it has its default again.
    Result<void> setValue(const QString& name, const std::optional<QString>& value);

    // The user's own models, each in the model catalog's JSON format, by id.
    Result<QHash<QString, QJsonObject>> userModels();
    Result<void> saveUserModel(const QString& id, const QJsonObject& definition);
    // False when there was no such model.
    Result<bool> removeUserModel(const QString& id);
    // Other names for models, alias → model id.
    Result<QHash<QString, QString>> modelAliases();
    Result<void> setModelAlias(const QString& alias, const QString& modelId);
    Result<bool> removeModelAlias(const QString& alias);

private:
    Result<QHash<QString, QString>> pairs(const QString& sql);
    Result<bool> removeRow(const QString& sql, const QString& key, Store::Area area);

    SqlDatabase& m_db;
    std::function<void(Store::Areas)> m_announce;
};
