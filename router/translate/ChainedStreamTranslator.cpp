#include "router/translate/ChainedStreamTranslator.h"

ChainedStreamTranslator::ChainedStreamTranslator(
    std::unique_ptr<StreamTranslator> first, std::unique_ptr<StreamTranslator> second)
    : m_first(std::move(first))
    , m_second(std::move(second))
{ }

void ChainedStreamTranslator::feed(QByteArrayView upstreamBytes)
{
    m_first->feed(upstreamBytes);
    m_second->feed(m_first->takeClientBytes());
    m_clientBytes += m_second->takeClientBytes();
    m_started = m_first->hasStarted();
    m_complete = m_first->isComplete();
    m_finished = m_first->isFinished();
    m_upstreamError = m_first->upstreamError();
    m_usage = m_first->usage();
    m_servedModel = m_first->servedModel();
    m_malformedEvents = m_first->malformedEvents() + m_second->malformedEvents();
}

QByteArray ChainedStreamTranslator::closing() const
{
    // What the first would still say at the end, in the client's words, then the second's end.
    auto second = m_second.get();
    second->feed(m_first->closing());
    return second->takeClientBytes() + second->closing();
}

QByteArray ChainedStreamTranslator::errorEvent(const QString& message, const QString& type) const
{
    // The first keeps the upstream's error event to itself (the router ends the stream): the
    // second learns it in the intermediate format, so that its error says what the upstream's
    // did (a rate limit, an overload) rather than that the stream broke.
    if (m_first->upstreamError()) {
        auto second = m_second.get();
        second->feed(m_first->errorEvent(message, type));
        second->takeClientBytes(); // an error event writes nothing of its own
    }
    return m_second->errorEvent(message, type);
}
