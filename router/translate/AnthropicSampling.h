#pragma once

#include "router/translate/DroppedFields.h"

#include <QJsonObject>
#include <QString>

// Sampling settings as Claude's models take them. Since Claude Opus 4.1 (Sonnet 4.5, Haiku
// 4.5, Sonnet 4.6...) a request that sets both temperature and top_p is refused with a 400
// ("temperature and top_p cannot both be specified for this model"), on Anthropic's API as on
// Bedrock and Vertex AI; Anthropic advises altering only one of them for every model. Clients
// of other formats set both freely: Gemini CLI sends temperature 1 and topP 0.95 with every
// request, OpenAI's SDK users often pass both. A request translated into Anthropic's format
// keeps only one, so that it reaches every Claude model.
class AnthropicSampling
{
public:
    // Leaves the temperature of an Anthropic request `body` that has both it and top_p, and
    // records the client's top_p (named `topPField` in its own format) as dropped.
    static void keepOneOf(QJsonObject& body, const QString& topPField, DroppedFields& dropped);
};
