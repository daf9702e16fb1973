#include "router/translate/AnthropicSampling.h"

void AnthropicSampling::keepOneOf(
    QJsonObject& body, const QString& topPField, DroppedFields& dropped)
{
    if (!body.contains(QStringLiteral("temperature")) || !body.contains(QStringLiteral("top_p")))
        return;
    // The temperature: the setting clients reach for first, and the one Anthropic's
    // documentation tells to use.
    body.remove(QStringLiteral("top_p"));
    dropped.add(topPField);
}
