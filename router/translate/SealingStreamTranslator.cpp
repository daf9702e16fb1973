#include "router/translate/SealingStreamTranslator.h"

#include "router/translate/ReasoningSeal.h"

#include <QJsonDocument>

namespace {

QByteArray written(const SseParser::Event& event, const QByteArray& data)
{
    QByteArray bytes;
    if (!event.type.isEmpty())
        bytes += "event: " + event.type + '\n';
    for (const QByteArray& line : data.split('\n'))
        bytes += "data: " + line + '\n';
    return bytes + '\n';
}

} // namespace

SealingStreamTranslator::SealingStreamTranslator(
    std::unique_ptr<StreamTranslator> inner, ClientProtocol protocol, qint64 keyId)
    : m_inner(std::move(inner))
    , m_protocol(protocol)
    , m_keyId(keyId)
{ }

bool SealingStreamTranslator::carriesReasoningState(ClientProtocol protocol)
{
    return protocol == ClientProtocol::Anthropic || protocol == ClientProtocol::Responses;
}

void SealingStreamTranslator::feed(QByteArrayView upstreamBytes)
{
    m_inner->feed(upstreamBytes);
    m_clientBytes += sealed(m_parser, m_inner->takeClientBytes());
    m_started = m_inner->hasStarted();
    m_complete = m_inner->isComplete();
    m_finished = m_inner->isFinished();
    m_upstreamError = m_inner->upstreamError();
    m_usage = m_inner->usage();
    m_servedModel = m_inner->servedModel();
    m_storedAnswerId = m_inner->storedAnswerId();
    m_malformedEvents = m_inner->malformedEvents();
}

QByteArray SealingStreamTranslator::sealed(SseParser& parser, QByteArrayView clientBytes) const
{
    QByteArray out;
    for (const SseParser::Event& event : parser.feed(clientBytes)) {
        // Only an event that may hold such state is read: the others go on as they were.
        const bool mayHoldState = event.data.contains("signature")
            || event.data.contains("redacted_thinking") || event.data.contains("encrypted_content");
        QJsonObject data;
        if (mayHoldState)
            data = QJsonDocument::fromJson(event.data).object();
        if (!data.isEmpty() && ReasoningSeal::sealEvent(m_protocol, data, m_keyId))
            out += written(event, QJsonDocument(data).toJson(QJsonDocument::Compact));
        else
            out += written(event, event.data);
    }
    return out;
}

QByteArray SealingStreamTranslator::closing() const
{
    // What ends the stream is written whole: its own parser, so nothing held back is lost.
    SseParser parser;
    return sealed(parser, m_inner->closing());
}

QByteArray SealingStreamTranslator::errorEvent(const QString& message, const QString& type) const
{
    return m_inner->errorEvent(message, type);
}
