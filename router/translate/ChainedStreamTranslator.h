#pragma once

#include "router/translate/StreamTranslator.h"

#include <memory>

// Two stream translators one after the other: the first turns the upstream's events into an
// intermediate format, the second turns those into the client's (Bedrock → Anthropic →
// OpenAI). The answer's state — started, complete, usage, errors — is the first's, as it read
// the upstream; the bytes are the second's.
class ChainedStreamTranslator : public StreamTranslator
{
public:
    ChainedStreamTranslator(
        std::unique_ptr<StreamTranslator> first, std::unique_ptr<StreamTranslator> second);

    void feed(QByteArrayView upstreamBytes) override;
    // The client's format carries the cost: the second translator's.
    void setPrice(std::optional<ModelPrice> price) override { m_second->setPrice(price); }
    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    std::unique_ptr<StreamTranslator> m_first;
    std::unique_ptr<StreamTranslator> m_second;
};
