#pragma once

#include "router/translate/AnswerAssembler.h"

// A Responses API response from the events of its stream: the response of its terminal event,
// response.completed or response.incomplete, which holds every output item and the usage
// (what OpenAI answers a request that did not stream). A failed response or a stream without
// a terminal event has none.
class ResponsesAnswerAssembler : public AnswerAssembler
{
protected:
    void take(const QJsonObject& event, const QByteArray& eventType) override;
    std::optional<QJsonObject> assembled() const override;

private:
    QJsonObject m_response;
};
