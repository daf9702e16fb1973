#include "ModelCatalog.h"

void ModelCatalog::add(Entry entry)
{
    m_entries.append(std::move(entry));
}

const ModelCatalog::Entry* ModelCatalog::find(QStringView requestedId) const
{
    for (const Entry& entry : m_entries) {
        if (entry.canonicalId.compare(requestedId, Qt::CaseInsensitive) == 0)
            return &entry;
        for (const QString& alias : entry.aliases) {
            if (alias.compare(requestedId, Qt::CaseInsensitive) == 0)
                return &entry;
        }
        for (const QString& native : entry.nativeIds) {
            if (native.compare(requestedId, Qt::CaseInsensitive) == 0)
                return &entry;
        }
    }
    return nullptr;
}
