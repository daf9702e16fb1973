#include "tests/fuzz/EventStreamFraming.h"

#include <QtEndian>

#include <zlib.h>

namespace {

quint32 checksum(QByteArrayView bytes)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size())));
}

void appendBigEndian(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

QByteArray EventStreamFraming::frame(FuzzInput& input)
{
    QByteArray stream;
    while (!input.isEmpty()) {
        const quint8 flags = input.takeByte();
        const QByteArrayView headers = input.take(input.takeUint16());
        const QByteArrayView payload = input.take(input.takeUint16());
        QByteArray message;
        quint32 total = quint32(12 + headers.size() + payload.size() + 4);
        if (flags == 0xff)
            total = input.takeUint16(); // a length that lies
        appendBigEndian(message, total);
        appendBigEndian(message, quint32(headers.size()));
        appendBigEndian(message, checksum(message) ^ (flags == 0xfe ? 1u : 0u));
        message.append(headers.data(), headers.size());
        message.append(payload.data(), payload.size());
        appendBigEndian(message, checksum(message) ^ (flags == 0xfd ? 1u : 0u));
        stream += message;
    }
    return stream;
}
