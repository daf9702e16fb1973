#pragma once

#include "router/catalog/ModelPrice.h"
#include "router/records/RequestRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

// Turns an upstream's streamed answer into the client's protocol as it arrives, event by
// event, and keeps what the router must know about it: whether a real event has come (until
// then the answer can still fail over), whether the upstream said the answer is whole, an
// error event, usage and the model that answered. One per attempt.
class StreamTranslator
{
public:
    virtual ~StreamTranslator() = default;

    virtual void feed(QByteArrayView upstreamBytes) = 0;
    // The price of the model this attempt asked for: the usage the client sees then carries
    // the answer's estimated cost, as OpenRouter's does.
    virtual void setPrice(std::optional<ModelPrice> price) { m_price = price; }
    // What ends the client's stream once the answer is whole ("data: [DONE]").
    virtual QByteArray closing() const = 0;
    // An event that ends the client's stream with an error: never a fake success.
    virtual QByteArray errorEvent(const QString& message, const QString& type) const = 0;

    // Client bytes translated so far and not yet taken.
    QByteArray takeClientBytes() { return std::exchange(m_clientBytes, {}); }
    bool hasStarted() const { return m_started; }
    bool isComplete() const { return m_complete; }
    // The upstream's end marker came: nothing more will.
    bool isFinished() const { return m_finished; }
    // The upstream sent an error event: the error object as it came.
    const std::optional<QJsonObject>& upstreamError() const { return m_upstreamError; }
    const TokenUsage& usage() const { return m_usage; }
    const QString& servedModel() const { return m_servedModel; }
    // The id the provider keeps the answer under, for a client to continue it later (a stored
    // Responses API response); empty when it keeps none.
    const QString& storedAnswerId() const { return m_storedAnswerId; }
    int malformedEvents() const { return m_malformedEvents; }

protected:
    QByteArray m_clientBytes;
    bool m_started = false;
    bool m_complete = false;
    bool m_finished = false;
    std::optional<QJsonObject> m_upstreamError;
    TokenUsage m_usage;
    std::optional<ModelPrice> m_price;
    QString m_servedModel;
    QString m_storedAnswerId;
    int m_malformedEvents = 0;
};
