#pragma once

#include "router/codecs/SseParser.h"
#include "router/inbound/ClientCall.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>
#include <optional>

// Builds a whole (not streamed) answer in the client's protocol from the stream of that answer
// in the same protocol. The router calls providers streamed even for a client that asked for a
// whole answer: a live provider shows it at once with its headers and events, so a silent one
// can be told from a model that thinks for minutes (DESIGN.md section 2, deadlines).
class AnswerAssembler
{
public:
    virtual ~AnswerAssembler() = default;
    // Nothing for a protocol whose answers it cannot assemble.
    static std::unique_ptr<AnswerAssembler> forProtocol(ClientProtocol protocol);

    // The client-protocol event-stream bytes a stream translator produced.
    void feed(QByteArrayView streamBytes);
    // The whole answer; nothing when the stream did not hold one, or held more than the
    // router takes in one answer.
    std::optional<QByteArray> answer() const;

protected:
    virtual void take(const QJsonObject& event, const QByteArray& eventType) = 0;
    virtual std::optional<QJsonObject> assembled() const = 0;

private:
    SseParser m_parser;
    qsizetype m_bytes = 0;
    bool m_malformed = false;
};
