#include "router/translate/DroppedFields.h"

void DroppedFields::add(const QString& field)
{
    m_fields.insert(field);
}

void DroppedFields::addPresent(const QJsonObject& object, std::initializer_list<const char*> fields)
{
    for (const char* field : fields) {
        if (object.contains(QLatin1StringView(field)))
            m_fields.insert(QString::fromLatin1(field));
    }
}

void DroppedFields::addCacheControl(const QJsonObject& block)
{
    if (block.contains(QStringLiteral("cache_control")))
        m_fields.insert(QStringLiteral("cache_control"));
}

bool DroppedFields::withdrawServerTool(const QJsonObject& tool)
{
    if (!tool.contains(QStringLiteral("type"))
        || tool.value(QStringLiteral("type")).toString() == u"custom")
        return false;
    m_fields.insert(QStringLiteral("tools.") + tool.value(QStringLiteral("name")).toString());
    return true;
}

QStringList DroppedFields::list() const
{
    QStringList fields(m_fields.cbegin(), m_fields.cend());
    fields.sort();
    return fields;
}
