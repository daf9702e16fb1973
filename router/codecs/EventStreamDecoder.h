#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

// Reads an application/vnd.amazon.eventstream body (what Bedrock's ConverseStream answers with)
// as it arrives, in pieces of any size, and hands out whole messages. A message is: total length
// and headers length (4 bytes each, big-endian), a CRC32 of those 8 bytes, the headers, the
// payload, and a CRC32 of everything before it. A bad checksum or an impossible length means the
// stream is corrupt: the decoder fails for good, since no later message boundary can be trusted.
class EventStreamDecoder
{
public:
    struct Message
    {
        // Header values as text: strings and byte arrays as they are; booleans "true"/"false";
        // integers in decimal; timestamps as ISO 8601 UTC with milliseconds; UUIDs as
        // 8-4-4-4-12 lower-case hex. A repeated name keeps its last value.
        QMap<QByteArray, QByteArray> headers;
        QByteArray payload;

        QByteArray header(QByteArrayView name) const { return headers.value(name.toByteArray()); }
        // "event", "exception" or "error".
        QByteArray messageType() const { return header(":message-type"); }
        QByteArray eventType() const { return header(":event-type"); }
        QByteArray exceptionType() const { return header(":exception-type"); }
        QByteArray errorCode() const { return header(":error-code"); }
        QByteArray errorMessage() const { return header(":error-message"); }
        QByteArray contentType() const { return header(":content-type"); }
    };

    // Bounds on what one message may claim, far above the few KB Bedrock sends: 16 MiB in all
    // (as SseParser allows an event), and the 128 KiB of headers AWS's SDKs allow.
    static constexpr qsizetype maximumMessageBytes = 16 * 1024 * 1024;
    static constexpr qsizetype maximumHeaderBytes = 128 * 1024;

    // The messages completed by `bytes`, those before a corruption included. Nothing once failed.
    QList<Message> feed(QByteArrayView bytes);

    // True once the stream proved corrupt; error() says how.
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // True when part of a message waits for more bytes (a stream that ends here is incomplete).
    bool hasPartialMessage() const { return !failed() && !m_buffer.isEmpty(); }

private:
    // The length of the message `bytes` start with, once its prelude is there and sound; 0 while
    // the prelude is incomplete or when it is corrupt (then failed()).
    qsizetype messageLength(QByteArrayView bytes);
    // Checks and decodes one whole message; false when it is corrupt (then failed()).
    bool takeMessage(QByteArrayView bytes, QList<Message>& out);
    void fail(const QString& error);

    QByteArray m_buffer;
    QString m_error;
};
