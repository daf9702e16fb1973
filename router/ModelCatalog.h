#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Canonical model ids in OpenRouter style ("anthropic/claude-sonnet-4.5") with the id each
// provider knows them by, so a request may name a canonical id, an alias or a native id. The
// built-in entries and the user's own come with the catalog issue; the planner only asks it.
class ModelCatalog
{
public:
    struct Entry
    {
        QString canonicalId;
        QStringList aliases; // bare names people type ("claude-sonnet-4.5")
        QHash<QString, QString> nativeIds; // provider id → that provider's id for the model
    };

    void add(Entry entry);
    // The entry a requested id names: canonical id, alias or any provider's native id.
    const Entry* find(QStringView requestedId) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    const QList<Entry>& entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
};
