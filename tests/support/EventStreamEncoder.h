#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QUuid>

// Writes application/vnd.amazon.eventstream messages as AWS encodes them (prelude, headers,
// payload, two CRC-32 checksums), for tests and fake providers. Headers are written in the order
// they are added; a message() may be taken any number of times.
class EventStreamEncoder
{
public:
    EventStreamEncoder& addBool(QByteArrayView name, bool value);
    EventStreamEncoder& addByte(QByteArrayView name, qint8 value);
    EventStreamEncoder& addInt16(QByteArrayView name, qint16 value);
    EventStreamEncoder& addInt32(QByteArrayView name, qint32 value);
    EventStreamEncoder& addInt64(QByteArrayView name, qint64 value);
    EventStreamEncoder& addBytes(QByteArrayView name, QByteArrayView value);
    EventStreamEncoder& addString(QByteArrayView name, QByteArrayView value);
    EventStreamEncoder& addTimestamp(QByteArrayView name, const QDateTime& value);
    EventStreamEncoder& addUuid(QByteArrayView name, const QUuid& value);

    QByteArray message(QByteArrayView payload) const;

    // The messages Bedrock streams: an event (ConverseStream's "messageStart",
    // "contentBlockDelta", "metadata"...) or an exception ("throttlingException"...), both with
    // a JSON payload.
    static QByteArray event(QByteArrayView eventType, QByteArrayView json);
    static QByteArray exception(QByteArrayView exceptionType, QByteArrayView json);

private:
    enum class Type : quint8 {
        BoolTrue = 0,
        BoolFalse = 1,
        Byte = 2,
        Int16 = 3,
        Int32 = 4,
        Int64 = 5,
        ByteArray = 6,
        String = 7,
        Timestamp = 8,
        Uuid = 9,
    };

    EventStreamEncoder& add(QByteArrayView name, Type type, QByteArrayView value);

    QByteArray m_headers;
};
