#pragma once

#include "router/codecs/EventStreamDecoder.h"
#include "router/translate/StreamTranslator.h"

#include <QSet>

// Bedrock's ConverseStream (binary event-stream frames, checked by their CRCs) as the events of
// an Anthropic Messages stream: message_start, a block per content block (text, or tool_use with
// its input as input_json_delta), and at the end message_delta with the stop reason and the
// usage — which Converse sends in its metadata event after messageStop — and message_stop. An
// exception frame inside the 200 stream is the upstream's error; a corrupt frame ends it.
class ConverseToAnthropicStream : public StreamTranslator
{
public:
    explicit ConverseToAnthropicStream(QString model);

    void feed(QByteArrayView upstreamBytes) override;
    QByteArray closing() const override;
    QByteArray errorEvent(const QString& message, const QString& type) const override;

private:
    void take(const EventStreamDecoder::Message& message);
    void openBlock(int index, const QJsonObject& contentBlock);
    void emitEvent(const char* type, const QJsonObject& data);

    EventStreamDecoder m_decoder;
    QSet<int> m_openBlocks;
    QString m_stopReason = QStringLiteral("end_turn");
    QJsonObject m_converseUsage;
};
