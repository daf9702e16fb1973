#pragma once

#include "router/translate/DroppedFields.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

// A tool's JSON Schema as the OpenAPI subset Gemini's function declarations accept. Gemini
// refuses the whole request over one keyword it does not know ($schema, additionalProperties,
// default, examples...) or a shape it does not allow (a list of types, a "uri" format, an enum
// of numbers), so every node keeps only what Gemini reads and each keyword removed is named
// once in `dropped` as "tools.input_schema.<keyword>".
class GeminiSchema
{
public:
    static QJsonObject sanitised(const QJsonObject& schema, DroppedFields& dropped);
    // True for a schema that declares no parameter: Gemini wants no `parameters` then.
    static bool isEmptyObject(const QJsonObject& schema);
};
