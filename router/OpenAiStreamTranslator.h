#pragma once

#include "SseParser.h"
#include "StreamTranslator.h"

// An OpenAI chat-completions stream passed through to an OpenAI client: each event is forwarded
// as it came (re-encoded only to strip usage the client did not ask for), [DONE] is held back
// until the router ends the stream, malformed events are dropped and counted.
class OpenAiStreamTranslator : public StreamTranslator
{
public:
    explicit OpenAiStreamTranslator(bool clientWantsUsage);

    void feed(QByteArrayView upstreamBytes) override;
    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

    // Token counts from an OpenAI usage object.
    static TokenUsage usageFrom(const QJsonObject& usage);
    // Adds the estimated cost to the usage of an answer or chunk ("usage": {"cost": ...}), as
    // OpenRouter reports it; a message without usage is left as it is.
    static void insertCost(QJsonObject& message, double cost);

private:
    void take(const SseParser::Event& event);

    SseParser m_parser;
    bool m_clientWantsUsage;
    QString m_lastId;
};
