#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <initializer_list>

// What a translation leaves out of a request because the upstream cannot express it: each drop
// is recorded in the attempt (DESIGN.md section 3), named once, and listed in a stable order.
class DroppedFields
{
public:
    void add(const QString& field);
    // Records each of `fields` that `object` has: the request's fields without a counterpart.
    void addPresent(const QJsonObject& object, std::initializer_list<const char*> fields);
    // Anthropic's prompt-caching hint, which no other format reads, when `block` carries one.
    void addCacheControl(const QJsonObject& block);
    // Anthropic's server tools (web search, code execution, the text editor) run at Anthropic
    // only: such a tool is withdrawn from the offer ("tools.<name>" recorded) and true returned.
    bool withdrawServerTool(const QJsonObject& tool);

    bool contains(const QString& field) const { return m_fields.contains(field); }
    // Sorted, so that a record does not depend on the order the translation met the fields.
    QStringList list() const;

private:
    QSet<QString> m_fields;
};
