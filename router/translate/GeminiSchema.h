#pragma once

#include "router/translate/DroppedFields.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

// Schemas between JSON Schema and Google's Schema, the OpenAPI subset of Gemini's function
// declarations and responseSchema.
//
// Towards Gemini (`sanitised`): Gemini refuses the whole request over one keyword it does not
// know ($schema, additionalProperties, default, examples...) or a shape it does not allow (a
// list of types, a "uri" format, an enum of numbers), so every node keeps only what Gemini reads
// and each keyword removed is named once in `dropped` as "tools.input_schema.<keyword>".
//
// From Gemini (`jsonSchema`): Google's types are upper-case ("OBJECT", "STRING") and a null is
// allowed by `nullable: true`; JSON Schema's types are lower-case and null is a type of its own.
class GeminiSchema
{
public:
    static QJsonObject sanitised(const QJsonObject& schema, DroppedFields& dropped);
    // A Google Schema, or a JSON Schema written with Google's upper-case types (Gemini CLI's
    // responseJsonSchema), as JSON Schema: types lower-cased, `nullable` as a "null" type (and
    // a null in the enum), keywords in either spelling of Google's (min_items, minItems).
    // Everything else JSON Schema reads is kept; propertyOrdering, which only orders Gemini's
    // output, is named in `dropped` as "<droppedPrefix>.propertyOrdering".
    static QJsonObject jsonSchema(
        const QJsonObject& schema, DroppedFields& dropped, const QString& droppedPrefix);
    // True for a schema that declares no parameter: Gemini wants no `parameters` then.
    static bool isEmptyObject(const QJsonObject& schema);
};
