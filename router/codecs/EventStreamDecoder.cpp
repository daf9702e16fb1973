#include "router/codecs/EventStreamDecoder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>
#include <QtEndian>

#include <optional>
#include <zlib.h>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(EventStreamDecoder)
};

constexpr qsizetype preludeBytes = 12; // total length, headers length, their CRC
constexpr qsizetype checksumBytes = 4;
constexpr qsizetype smallestMessageBytes = preludeBytes + checksumBytes;

// The value types of the header encoding.
enum class HeaderType : quint8 {
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

// The IEEE CRC-32 (zlib's), as AWS checksums both the prelude and the whole message.
quint32 checksum(QByteArrayView bytes)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size())));
}

template <typename T> T bigEndian(QByteArrayView bytes, qsizetype at)
{
    return qFromBigEndian<T>(bytes.data() + at);
}

// Takes the header section apart; every read stays inside it or fails.
class HeaderReader
{
public:
    explicit HeaderReader(QByteArrayView bytes)
        : m_bytes(bytes)
    { }

    bool atEnd() const { return m_position == m_bytes.size(); }

    std::optional<QByteArrayView> take(qsizetype count)
    {
        if (count > m_bytes.size() - m_position)
            return std::nullopt;
        const QByteArrayView part = m_bytes.sliced(m_position, count);
        m_position += count;
        return part;
    }

    template <typename T> std::optional<T> integer()
    {
        const auto bytes = take(sizeof(T));
        return bytes ? std::optional(bigEndian<T>(*bytes, 0)) : std::nullopt;
    }

    // A name (1-byte length) or a byte array or string value (2-byte length).
    template <typename Length> std::optional<QByteArray> sized()
    {
        const auto length = integer<Length>();
        const auto bytes = length ? take(*length) : std::nullopt;
        return bytes ? std::optional(bytes->toByteArray()) : std::nullopt;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_position = 0;
};

template <typename T> std::optional<QByteArray> decimal(HeaderReader& reader)
{
    const auto value = reader.integer<T>();
    return value ? std::optional(QByteArray::number(*value)) : std::nullopt;
}

std::optional<QByteArray> timestamp(HeaderReader& reader)
{
    const auto milliseconds = reader.integer<qint64>();
    if (!milliseconds)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(*milliseconds, Qt::UTC)
        .toString(Qt::ISODateWithMs)
        .toLatin1();
}

std::optional<QByteArray> uuid(HeaderReader& reader)
{
    const auto bytes = reader.take(16);
    if (!bytes)
        return std::nullopt;
    return QUuid::fromRfc4122(*bytes).toByteArray(QUuid::WithoutBraces);
}

// One header value as text (see Message::headers); nothing for an unknown type or a value that
// runs past the header section.
std::optional<QByteArray> headerValue(HeaderReader& reader)
{
    const auto type = reader.integer<quint8>();
    if (!type)
        return std::nullopt;
    switch (HeaderType(*type)) {
    case HeaderType::BoolTrue:
        return QByteArrayLiteral("true");
    case HeaderType::BoolFalse:
        return QByteArrayLiteral("false");
    case HeaderType::Byte:
        return decimal<qint8>(reader);
    case HeaderType::Int16:
        return decimal<qint16>(reader);
    case HeaderType::Int32:
        return decimal<qint32>(reader);
    case HeaderType::Int64:
        return decimal<qint64>(reader);
    case HeaderType::ByteArray:
    case HeaderType::String:
        return reader.sized<quint16>();
    case HeaderType::Timestamp:
        return timestamp(reader);
    case HeaderType::Uuid:
        return uuid(reader);
    }
    return std::nullopt;
}

bool readHeaders(QByteArrayView section, QMap<QByteArray, QByteArray>& headers)
{
    HeaderReader reader(section);
    while (!reader.atEnd()) {
        const auto name = reader.sized<quint8>();
        const auto value = name ? headerValue(reader) : std::nullopt;
        if (!value)
            return false;
        headers.insert(*name, *value);
    }
    return true;
}

} // namespace

QList<EventStreamDecoder::Message> EventStreamDecoder::feed(QByteArrayView bytes)
{
    QList<Message> out;
    if (failed())
        return out;
    m_buffer.append(bytes);
    qsizetype consumed = 0;
    while (!failed()) {
        const QByteArrayView rest = QByteArrayView(m_buffer).sliced(consumed);
        const qsizetype length = messageLength(rest);
        if (length == 0 || rest.size() < length || !takeMessage(rest.first(length), out))
            break;
        consumed += length;
    }
    // Removed once per call rather than per message: a chunk may hold many small messages.
    if (failed())
        m_buffer.clear();
    else
        m_buffer.remove(0, consumed);
    return out;
}

qsizetype EventStreamDecoder::messageLength(QByteArrayView bytes)
{
    if (bytes.size() < preludeBytes)
        return 0;
    // The checksum first: when a length is damaged, the checksum says so more plainly.
    if (checksum(bytes.first(8)) != bigEndian<quint32>(bytes, 8)) {
        fail(Text::tr("The provider's stream is corrupt (the checksum of a message's length "
                      "fields does not match)"));
        return 0;
    }
    const quint32 total = bigEndian<quint32>(bytes, 0);
    const quint32 headers = bigEndian<quint32>(bytes, 4);
    if (total < smallestMessageBytes || total > maximumMessageBytes) {
        fail(Text::tr("The provider's stream is corrupt (a message claims to be %1 bytes long)")
                 .arg(total));
        return 0;
    }
    if (headers > total - smallestMessageBytes || headers > maximumHeaderBytes) {
        fail(Text::tr("The provider's stream is corrupt (a message claims %1 bytes of headers)")
                 .arg(headers));
        return 0;
    }
    return total;
}

bool EventStreamDecoder::takeMessage(QByteArrayView bytes, QList<Message>& out)
{
    const qsizetype checksumAt = bytes.size() - checksumBytes;
    if (checksum(bytes.first(checksumAt)) != bigEndian<quint32>(bytes, checksumAt)) {
        fail(Text::tr(
            "The provider's stream is corrupt (the checksum of a message does not match)"));
        return false;
    }
    const qsizetype headersLength = bigEndian<quint32>(bytes, 4);
    Message message;
    if (!readHeaders(bytes.sliced(preludeBytes, headersLength), message.headers)) {
        fail(Text::tr("The provider's stream is corrupt (a message's headers cannot be read)"));
        return false;
    }
    const qsizetype payloadAt = preludeBytes + headersLength;
    message.payload = bytes.sliced(payloadAt, checksumAt - payloadAt).toByteArray();
    out.append(message);
    return true;
}

void EventStreamDecoder::fail(const QString& error)
{
    m_error = error;
}
