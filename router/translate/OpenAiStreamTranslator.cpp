#include "router/translate/OpenAiStreamTranslator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QByteArray dataEvent(QByteArrayView data)
{
    return "data: " + data.toByteArray() + "\n\n";
}

bool hasFinishReason(const QJsonArray& choices)
{
    for (const QJsonValue& choice : choices) {
        const QJsonValue reason = choice.toObject().value(QStringLiteral("finish_reason"));
        if (reason.isString() && !reason.toString().isEmpty())
            return true;
    }
    return false;
}

} // namespace

OpenAiStreamTranslator::OpenAiStreamTranslator(bool clientWantsUsage)
    : m_clientWantsUsage(clientWantsUsage)
{ }

TokenUsage OpenAiStreamTranslator::usageFrom(const QJsonObject& usage)
{
    TokenUsage tokens;
    tokens.prompt = usage.value(QStringLiteral("prompt_tokens")).toInteger();
    tokens.completion = usage.value(QStringLiteral("completion_tokens")).toInteger();
    tokens.cached = usage.value(QStringLiteral("prompt_tokens_details"))
                        .toObject()
                        .value(QStringLiteral("cached_tokens"))
                        .toInteger();
    tokens.reasoning = usage.value(QStringLiteral("completion_tokens_details"))
                           .toObject()
                           .value(QStringLiteral("reasoning_tokens"))
                           .toInteger();
    return tokens;
}

void OpenAiStreamTranslator::take(const SseParser::Event& event)
{
    if (event.data.trimmed() == "[DONE]") {
        m_finished = true;
        m_complete = true;
        return;
    }
    std::optional<QJsonObject> parsed = chunkOf(event);
    if (!parsed)
        return;
    QJsonObject& chunk = *parsed; // changed when usage the client did not ask for goes
    m_lastId = chunk.value(QStringLiteral("id")).toString(m_lastId);
    if (const QString model = chunk.value(QStringLiteral("model")).toString(); !model.isEmpty())
        m_servedModel = model;
    const QJsonArray choices = chunk.value(QStringLiteral("choices")).toArray();
    if (!choices.isEmpty())
        m_started = true;
    if (hasFinishReason(choices))
        m_complete = true;

    const QJsonValue usage = chunk.value(QStringLiteral("usage"));
    if (usage.isObject()) {
        m_usage = usageFrom(usage.toObject());
        if (!m_clientWantsUsage) {
            // The router asked for usage for its own count; the client did not.
            if (choices.isEmpty())
                return;
            chunk.remove(QStringLiteral("usage"));
            m_clientBytes += dataEvent(QJsonDocument(chunk).toJson(QJsonDocument::Compact));
            return;
        }
        if (m_price) {
            insertCost(chunk, m_price->costOf(m_usage));
            m_clientBytes += dataEvent(QJsonDocument(chunk).toJson(QJsonDocument::Compact));
            return;
        }
    }
    m_clientBytes += dataEvent(event.data);
}

void OpenAiStreamTranslator::insertCost(QJsonObject& message, double cost)
{
    const QJsonValue usage = message.value(QStringLiteral("usage"));
    if (!usage.isObject())
        return;
    QJsonObject withCost = usage.toObject();
    withCost.insert(QStringLiteral("cost"), cost);
    message.insert(QStringLiteral("usage"), withCost);
}

QByteArray OpenAiStreamTranslator::closing() const
{
    return dataEvent("[DONE]");
}

QByteArray OpenAiStreamTranslator::errorEvent(const QString& message, const QString& type) const
{
    // OpenRouter's shape for an error after the stream began: a last chunk that finishes with
    // "error" and carries the error object, which the OpenAI SDKs raise as an exception.
    const QJsonObject chunk {
        { QStringLiteral("id"), m_lastId },
        { QStringLiteral("object"), QStringLiteral("chat.completion.chunk") },
        { QStringLiteral("created"), QDateTime::currentSecsSinceEpoch() },
        { QStringLiteral("model"), m_servedModel },
        { QStringLiteral("choices"),
            QJsonArray { QJsonObject {
                { QStringLiteral("index"), 0 },
                { QStringLiteral("delta"), QJsonObject() },
                { QStringLiteral("finish_reason"), QStringLiteral("error") },
            } } },
        { QStringLiteral("error"),
            QJsonObject {
                { QStringLiteral("message"), message },
                { QStringLiteral("type"), type },
                { QStringLiteral("code"), 502 },
            } },
    };
    return dataEvent(QJsonDocument(chunk).toJson(QJsonDocument::Compact));
}
