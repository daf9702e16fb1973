#pragma once

#include "router/catalog/ModelPrice.h"
#include "router/core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Canonical model ids in OpenRouter style ("anthropic/claude-sonnet-4.5") with the id each
// provider knows them by, so a request may name a canonical id, an alias or a native id, and
// what each model costs. The app layer fills it from the built-in resource and the user's own
// models; the planner and the cost estimate only ask it.
class ModelCatalog
{
public:
    struct Entry
    {
        QString canonicalId {};
        QString displayName {};
        QStringList aliases {}; // bare names people type ("claude-sonnet-4.5")
        QHash<QString, QString> nativeIds {}; // provider id → that provider's id for the model
        qint64 contextLength = 0; // tokens; 0: not known
        std::optional<ModelPrice> price {};
    };

    // Reads one entry of the catalog's JSON format (resources/catalog/models.json); fails
    // (InvalidInput), saying what is wrong, when the object is not a valid entry.
    static Result<Entry> entryFromJson(const QJsonObject& object);
    static QJsonObject entryToJson(const Entry& entry);
    // Reads a whole catalog document ({"models": [...]}).
    static Result<ModelCatalog> fromJson(const QByteArray& json);

    // A later entry with the same canonical id replaces the earlier one: the user's own
    // definition of a model wins over the built-in one.
    void add(Entry entry);
    // Adds another name for a model the catalog has; false when it has no such model.
    bool addAlias(const QString& alias, QStringView modelId);
    // The entry a requested id names: canonical id, alias or any provider's native id.
    const Entry* find(QStringView requestedId) const;
    // The price of the first of `names` the catalog has a price for.
    std::optional<ModelPrice> priceOf(const QStringList& names) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    const QList<Entry>& entries() const { return m_entries; }

private:
    Entry* findMutable(QStringView requestedId);
    void reindex();

    QList<Entry> m_entries;
    QHash<QString, qsizetype> m_byName; // every name in lower case → its entry's position
};
