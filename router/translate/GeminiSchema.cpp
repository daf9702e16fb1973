#include "router/translate/GeminiSchema.h"

#include "router/translate/GoogleFieldNames.h"

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

namespace {

// "STRING" as "string"; Google's TYPE_UNSPECIFIED as no type at all.
QJsonValue lowerCaseType(const QJsonValue& type)
{
    if (type.isArray()) {
        QJsonArray types;
        for (const QJsonValue& each : type.toArray())
            types.append(each.toString().toLower());
        return types;
    }
    const QString name = type.toString().toLower();
    if (name.isEmpty() || name == u"type_unspecified")
        return QJsonValue::Undefined;
    return name;
}

void appendOnce(QJsonArray& values, const QJsonValue& value)
{
    if (!values.contains(value))
        values.append(value);
}

// `nullable: true` as JSON Schema says it: "null" among the types (or the anyOf), and in the
// enum, which would refuse a null otherwise.
void takeNullable(QJsonObject& out)
{
    if (!out.take(QStringLiteral("nullable")).toBool())
        return;
    const QJsonValue type = out.value(QStringLiteral("type"));
    if (type.isString()) {
        out.insert(QStringLiteral("type"), QJsonArray { type, QStringLiteral("null") });
    } else if (type.isArray()) {
        QJsonArray types = type.toArray();
        appendOnce(types, QStringLiteral("null"));
        out.insert(QStringLiteral("type"), types);
    } else if (out.contains(QStringLiteral("anyOf"))) {
        QJsonArray anyOf = out.value(QStringLiteral("anyOf")).toArray();
        anyOf.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("null") } });
        out.insert(QStringLiteral("anyOf"), anyOf);
    }
    if (out.contains(QStringLiteral("enum"))) {
        QJsonArray values = out.value(QStringLiteral("enum")).toArray();
        appendOnce(values, QJsonValue(QJsonValue::Null));
        out.insert(QStringLiteral("enum"), values);
    }
}

// The keywords whose value is a map of names to schemas, a list of schemas, or one schema.
enum class Holds { Value, SchemaMap, SchemaList, Schema };

Holds holds(const QString& keyword, const QJsonValue& value)
{
    static const QSet<QString> maps { QStringLiteral("properties"), QStringLiteral("$defs"),
        QStringLiteral("definitions"), QStringLiteral("patternProperties") };
    static const QSet<QString> lists { QStringLiteral("anyOf"), QStringLiteral("oneOf"),
        QStringLiteral("allOf"), QStringLiteral("prefixItems") };
    static const QSet<QString> schemas { QStringLiteral("items"),
        QStringLiteral("additionalProperties"), QStringLiteral("not"), QStringLiteral("contains"),
        QStringLiteral("propertyNames"), QStringLiteral("if"), QStringLiteral("then"),
        QStringLiteral("else") };
    if (maps.contains(keyword) && value.isObject())
        return Holds::SchemaMap;
    if ((lists.contains(keyword) || keyword == u"items") && value.isArray())
        return Holds::SchemaList;
    if (schemas.contains(keyword) && value.isObject())
        return Holds::Schema;
    return Holds::Value;
}

} // namespace

QJsonObject GeminiSchema::jsonSchema(
    const QJsonObject& schema, DroppedFields& dropped, const QString& droppedPrefix)
{
    const auto convert = [&](const QJsonValue& value) {
        return jsonSchema(value.toObject(), dropped, droppedPrefix);
    };
    QJsonObject out;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString keyword = camelCaseOf(it.key());
        if (keyword == u"type") {
            if (const QJsonValue type = lowerCaseType(it.value()); !type.isUndefined())
                out.insert(keyword, type);
        } else if (keyword == u"propertyOrdering") {
            dropped.add(droppedPrefix + QStringLiteral(".propertyOrdering"));
        } else if (keyword == u"format" && it.value().toString() == u"enum") {
            // Google's mark of a string enum, which the enum keyword itself says in JSON Schema
        } else if (const Holds kind = holds(keyword, it.value()); kind == Holds::SchemaMap) {
            QJsonObject map;
            const QJsonObject in = it.value().toObject();
            for (auto entry = in.begin(); entry != in.end(); ++entry)
                map.insert(entry.key(), convert(entry.value()));
            out.insert(keyword, map);
        } else if (kind == Holds::SchemaList) {
            QJsonArray list;
            for (const QJsonValue& each : it.value().toArray())
                list.append(convert(each));
            out.insert(keyword, list);
        } else if (kind == Holds::Schema) {
            out.insert(keyword, convert(it.value()));
        } else {
            out.insert(keyword, it.value());
        }
    }
    takeNullable(out);
    return out;
}
