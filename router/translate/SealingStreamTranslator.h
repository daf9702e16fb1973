#pragma once

#include "router/codecs/SseParser.h"
#include "router/inbound/ClientCall.h"
#include "router/translate/StreamTranslator.h"

#include <memory>

// The stream of an Anthropic or Responses client with its reasoning state sealed with the key
// that made it (ReasoningSeal), whichever translator wrote it. Events without such state go on
// as they were written; the answer's state is the inner translator's.
class SealingStreamTranslator : public StreamTranslator
{
public:
    SealingStreamTranslator(
        std::unique_ptr<StreamTranslator> inner, ClientProtocol protocol, qint64 keyId);

    // Whether a client of `protocol` receives reasoning state in its streams.
    static bool carriesReasoningState(ClientProtocol protocol);

    void feed(QByteArrayView upstreamBytes) override;
    void setPrice(std::optional<ModelPrice> price) override { m_inner->setPrice(price); }
    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    QByteArray sealed(SseParser& parser, QByteArrayView clientBytes) const;

    std::unique_ptr<StreamTranslator> m_inner;
    ClientProtocol m_protocol;
    qint64 m_keyId;
    SseParser m_parser; // the client bytes cut into events
};
