#pragma once

#include "router/translate/SseStreamTranslator.h"

// An OpenAI chat-completions stream passed through to an OpenAI client: each event is forwarded
// as it came (re-encoded only to strip usage the client did not ask for), [DONE] is held back
// until the router ends the stream, malformed events are dropped and counted.
class OpenAiStreamTranslator : public SseStreamTranslator
{
public:
    explicit OpenAiStreamTranslator(bool clientWantsUsage);

    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

    // Token counts from an OpenAI usage object.
    static TokenUsage usageFrom(const QJsonObject& usage);
    // Adds the estimated cost to the usage of an answer or chunk ("usage": {"cost": ...}), as
    // OpenRouter reports it; a message without usage is left as it is.
    static void insertCost(QJsonObject& message, double cost);

private:
    void take(const SseParser::Event& event) override;

    bool m_clientWantsUsage;
    QString m_lastId;
};
