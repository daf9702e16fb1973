#include "router/translate/GeminiSchema.h"

#include <QJsonArray>

#include <algorithm>

namespace {

void drop(DroppedFields& dropped, const QString& keyword)
{
    dropped.add(QStringLiteral("tools.input_schema.") + keyword);
}

// Keywords Gemini takes as they are (when their node's type allows them).
bool keptAsIs(const QString& keyword)
{
    static const QSet<QString> kept { QStringLiteral("description"), QStringLiteral("nullable"),
        QStringLiteral("minItems"), QStringLiteral("maxItems"), QStringLiteral("minimum"),
        QStringLiteral("maximum"), QStringLiteral("minLength"), QStringLiteral("maxLength"),
        QStringLiteral("pattern"), QStringLiteral("title"), QStringLiteral("propertyOrdering") };
    return kept.contains(keyword);
}

// Gemini reads one type and a nullable flag: ["string", "null"] is a nullable string, and
// several real types become an anyOf of each.
void takeType(const QJsonValue& type, QJsonObject& out)
{
    if (!type.isArray()) {
        out.insert(QStringLiteral("type"), type);
        return;
    }
    QJsonArray types;
    for (const QJsonValue& each : type.toArray()) {
        if (each.toString() == u"null")
            out.insert(QStringLiteral("nullable"), true);
        else
            types.append(each);
    }
    if (types.size() == 1) {
        out.insert(QStringLiteral("type"), types.first());
    } else if (types.size() > 1) {
        QJsonArray anyOf;
        for (const QJsonValue& each : std::as_const(types))
            anyOf.append(QJsonObject { { QStringLiteral("type"), each } });
        out.insert(QStringLiteral("anyOf"), anyOf);
    }
}

bool allStrings(const QJsonArray& values)
{
    return std::all_of(
        values.begin(), values.end(), [](const QJsonValue& value) { return value.isString(); });
}

// Gemini's enums are lists of strings, for string values only.
void takeEnum(
    const QString& keyword, const QJsonArray& values, QJsonObject& out, DroppedFields& dropped)
{
    if (!allStrings(values)) {
        drop(dropped, keyword);
        return;
    }
    out.insert(QStringLiteral("enum"), values);
}

// The formats Gemini knows for each type; any other refuses the request.
bool formatAllowed(const QString& type, const QString& format)
{
    if (type == u"string")
        return format == u"enum" || format == u"date-time";
    if (type == u"number")
        return format == u"float" || format == u"double";
    if (type == u"integer")
        return format == u"int32" || format == u"int64";
    return false;
}

QJsonArray sanitisedEach(const QJsonArray& schemas, DroppedFields& dropped)
{
    QJsonArray out;
    for (const QJsonValue& each : schemas)
        out.append(GeminiSchema::sanitised(each.toObject(), dropped));
    return out;
}

QJsonObject sanitisedProperties(const QJsonObject& properties, DroppedFields& dropped)
{
    QJsonObject out;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        out.insert(it.key(), GeminiSchema::sanitised(it.value().toObject(), dropped));
    return out;
}

// What only makes sense once the node is whole: properties and required on objects alone,
// required naming declared properties only, a format the type allows, an enum's type.
void settle(QJsonObject& out, DroppedFields& dropped)
{
    const QString type = out.value(QStringLiteral("type")).toString();
    if (!type.isEmpty() && type != u"object") {
        for (const char* keyword : { "properties", "required" }) {
            if (out.contains(QLatin1StringView(keyword))) {
                out.remove(QLatin1StringView(keyword));
                drop(dropped, QString::fromLatin1(keyword));
            }
        }
    }
    if (out.contains(QStringLiteral("required"))) {
        const QJsonObject properties = out.value(QStringLiteral("properties")).toObject();
        QJsonArray declared;
        for (const QJsonValue& name : out.value(QStringLiteral("required")).toArray()) {
            if (properties.contains(name.toString()))
                declared.append(name);
        }
        out.insert(QStringLiteral("required"), declared);
    }
    if (out.contains(QStringLiteral("format"))
        && !formatAllowed(type, out.value(QStringLiteral("format")).toString())) {
        out.remove(QStringLiteral("format"));
        drop(dropped, QStringLiteral("format"));
    }
    if (out.contains(QStringLiteral("enum")) && type.isEmpty())
        out.insert(QStringLiteral("type"), QStringLiteral("string"));
}

} // namespace

QJsonObject GeminiSchema::sanitised(const QJsonObject& schema, DroppedFields& dropped)
{
    QJsonObject out;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString keyword = it.key();
        if (keptAsIs(keyword) || keyword == u"format" || keyword == u"required")
            out.insert(keyword, it.value());
        else if (keyword == u"type")
            takeType(it.value(), out);
        else if (keyword == u"enum")
            takeEnum(keyword, it.value().toArray(), out, dropped);
        else if (keyword == u"const")
            takeEnum(keyword, QJsonArray { it.value() }, out, dropped);
        else if (keyword == u"properties")
            out.insert(keyword, sanitisedProperties(it.value().toObject(), dropped));
        else if (keyword == u"items" && it.value().isObject())
            out.insert(keyword, sanitised(it.value().toObject(), dropped));
        else if (keyword == u"anyOf" || keyword == u"oneOf") // one of is also any of
            out.insert(QStringLiteral("anyOf"), sanitisedEach(it.value().toArray(), dropped));
        else
            drop(dropped, keyword);
    }
    settle(out, dropped);
    return out;
}

bool GeminiSchema::isEmptyObject(const QJsonObject& schema)
{
    return schema.value(QStringLiteral("properties")).toObject().isEmpty()
        && !schema.contains(QStringLiteral("anyOf")) && !schema.contains(QStringLiteral("oneOf"));
}
