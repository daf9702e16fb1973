#pragma once

#include "router/translate/SseStreamTranslator.h"

#include <QMap>

// An OpenAI Responses stream (OpenAI's or Azure's /responses) passed through to a Responses
// client: each event forwarded as it came under its own event line, malformed ones dropped
// and counted, the sequence numbers kept consecutive over what was dropped. The failures the
// upstream reports (an error event, response.failed) are kept as its error and not passed on:
// before the answer started the router fails over, after it the router ends the stream with
// errorEvent. The terminal event (response.completed, response.incomplete) passes through, so
// closing() adds nothing.
class ResponsesStreamTranslator : public SseStreamTranslator
{
public:
    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    void take(const SseParser::Event& event) override;
    void read(const QString& type, const QJsonObject& data);
    void forward(const SseParser::Event& event, QJsonObject data, const QString& type);

    QJsonObject m_response; // the response as the last event that carried it showed it
    QMap<int, QJsonObject> m_done; // output index → the item as done
    qint64 m_sequence = 0; // the next event's sequence_number
};
