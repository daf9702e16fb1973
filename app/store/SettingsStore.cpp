#include "app/store/SettingsStore.h"

#include "app/sql/SqlDatabase.h"

#include <QJsonDocument>

SettingsStore::SettingsStore(SqlDatabase& db, std::function<void(Store::Areas)> announce)
    : m_db(db)
    , m_announce(std::move(announce))
{ }

Result<QHash<QString, QString>> SettingsStore::pairs(const QString& sql)
{
    auto q = m_db.exec(sql);
    if (!q)
        return q.failure();
    QHash<QString, QString> result;
    while (q->next())
        result.insert(q->value(0).toString(), q->value(1).toString());
    return result;
}

Result<bool> SettingsStore::removeRow(const QString& sql, const QString& key, Store::Area area)
{
    auto q = m_db.exec(sql, { key });
    if (!q)
        return q.failure();
    m_announce(area);
    return q->numRowsAffected() > 0;
}

Result<QHash<QString, QString>> SettingsStore::values()
{
    return pairs(QStringLiteral("SELECT name, value FROM settings"));
}

Result<void> SettingsStore::setValue(const QString& name, const std::optional<QString>& value)
{
    if (!value) {
        auto removed = removeRow(
            QStringLiteral("DELETE FROM settings WHERE name = ?"), name, Store::Area::Settings);
        return removed ? Result<void>() : removed.failure();
    }
    if (auto saved = m_db.upsert(QStringLiteral("settings"), { QStringLiteral("name") },
            { QStringLiteral("value") }, { name, *value });
        !saved)
        return saved;
    m_announce(Store::Area::Settings);
    return {};
}

Result<QHash<QString, QJsonObject>> SettingsStore::userModels()
{
    auto stored = pairs(QStringLiteral("SELECT id, definition FROM models"));
    if (!stored)
        return stored.failure();
    QHash<QString, QJsonObject> models;
    for (auto it = stored->cbegin(); it != stored->cend(); ++it)
        models.insert(it.key(), QJsonDocument::fromJson(it.value().toUtf8()).object());
    return models;
}

Result<void> SettingsStore::saveUserModel(const QString& id, const QJsonObject& definition)
{
    if (auto saved = m_db.upsert(QStringLiteral("models"), { QStringLiteral("id") },
            { QStringLiteral("definition") },
            { id, QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Compact)) });
        !saved)
        return saved;
    m_announce(Store::Area::Models);
    return {};
}

Result<bool> SettingsStore::removeUserModel(const QString& id)
{
    return removeRow(QStringLiteral("DELETE FROM models WHERE id = ?"), id, Store::Area::Models);
}

Result<QHash<QString, QString>> SettingsStore::modelAliases()
{
    return pairs(QStringLiteral("SELECT alias, model_id FROM model_aliases"));
}

Result<void> SettingsStore::setModelAlias(const QString& alias, const QString& modelId)
{
    if (auto saved = m_db.upsert(QStringLiteral("model_aliases"), { QStringLiteral("alias") },
            { QStringLiteral("model_id") }, { alias, modelId });
        !saved)
        return saved;
    m_announce(Store::Area::Models);
    return {};
}

Result<bool> SettingsStore::removeModelAlias(const QString& alias)
{
    return removeRow(
        QStringLiteral("DELETE FROM model_aliases WHERE alias = ?"), alias, Store::Area::Models);
}
