#include "tests/support/EventStreamEncoder.h"

#include <QtEndian>

#include <zlib.h>

namespace {

template <typename T> QByteArray bigEndian(T value)
{
    QByteArray bytes(sizeof(T), Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

quint32 checksum(QByteArrayView bytes)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size())));
}

QByteArray withLength(QByteArrayView value)
{
    Q_ASSERT(value.size() <= 0xffff);
    return bigEndian(quint16(value.size())) + value.toByteArray();
}

} // namespace

EventStreamEncoder& EventStreamEncoder::addBool(QByteArrayView name, bool value)
{
    return add(name, value ? Type::BoolTrue : Type::BoolFalse, {});
}

EventStreamEncoder& EventStreamEncoder::addByte(QByteArrayView name, qint8 value)
{
    return add(name, Type::Byte, bigEndian(value));
}

EventStreamEncoder& EventStreamEncoder::addInt16(QByteArrayView name, qint16 value)
{
    return add(name, Type::Int16, bigEndian(value));
}

EventStreamEncoder& EventStreamEncoder::addInt32(QByteArrayView name, qint32 value)
{
    return add(name, Type::Int32, bigEndian(value));
}

EventStreamEncoder& EventStreamEncoder::addInt64(QByteArrayView name, qint64 value)
{
    return add(name, Type::Int64, bigEndian(value));
}

EventStreamEncoder& EventStreamEncoder::addBytes(QByteArrayView name, QByteArrayView value)
{
    return add(name, Type::ByteArray, withLength(value));
}

EventStreamEncoder& EventStreamEncoder::addString(QByteArrayView name, QByteArrayView value)
{
    return add(name, Type::String, withLength(value));
}

EventStreamEncoder& EventStreamEncoder::addTimestamp(QByteArrayView name, const QDateTime& value)
{
    return add(name, Type::Timestamp, bigEndian(value.toMSecsSinceEpoch()));
}

EventStreamEncoder& EventStreamEncoder::addUuid(QByteArrayView name, const QUuid& value)
{
    return add(name, Type::Uuid, value.toRfc4122());
}

EventStreamEncoder& EventStreamEncoder::add(QByteArrayView name, Type type, QByteArrayView value)
{
    Q_ASSERT(!name.isEmpty() && name.size() <= 0xff);
    m_headers += char(name.size()) + name.toByteArray() + char(type) + value.toByteArray();
    return *this;
}

QByteArray EventStreamEncoder::message(QByteArrayView payload) const
{
    const qsizetype total = 12 + m_headers.size() + payload.size() + 4;
    const QByteArray lengths = bigEndian(quint32(total)) + bigEndian(quint32(m_headers.size()));
    QByteArray bytes = lengths + bigEndian(checksum(lengths)) + m_headers + payload.toByteArray();
    return bytes + bigEndian(checksum(bytes));
}

QByteArray EventStreamEncoder::event(QByteArrayView eventType, QByteArrayView json)
{
    return EventStreamEncoder()
        .addString(":event-type", eventType)
        .addString(":content-type", "application/json")
        .addString(":message-type", "event")
        .message(json);
}

QByteArray EventStreamEncoder::exception(QByteArrayView exceptionType, QByteArrayView json)
{
    return EventStreamEncoder()
        .addString(":exception-type", exceptionType)
        .addString(":content-type", "application/json")
        .addString(":message-type", "exception")
        .message(json);
}
