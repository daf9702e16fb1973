#include "router/codecs/EventStreamDecoder.h"
#include "tests/support/EventStreamEncoder.h"

#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <limits>
#include <zlib.h>

using Message = EventStreamDecoder::Message;

namespace {

// Messages from AWS's own event stream test data: aws/aws-sdk-go,
// private/protocol/eventstream/testdata/encoded/{positive,negative}/*, commit 8d203ccff393.
const QByteArray allHeaders = QByteArray::fromHex(
    "000000cc000000af0fae64ca0a6576656e742d74797065040000a00c0c636f6e74656e742d74797065070010"
    "6170706c69636174696f6e2f6a736f6e0a626f6f6c2066616c73650109626f6f6c2074727565000462797465"
    "02cf08627974652062756606001449276d2061206c6974746c6520746561706f74210974696d657374616d70"
    "080000000000845fed05696e74313603002a05696e7436340500000000028757b20475756964090102030405"
    "060708090a0b0c0d0e0f107b27666f6f273a27626172277daba5f10c");
const QByteArray emptyMessage = QByteArray::fromHex("000000100000000005c248eb7d98c8ff");
const QByteArray int32Header
    = QByteArray::fromHex("0000002d0000001041c424b80a6576656e742d74797065040000a00c7b27666f6f273a"
                          "27626172277d36f480a0");
const QByteArray payloadNoHeaders
    = QByteArray::fromHex("0000001d00000000fd528c5a7b27666f6f273a27626172277dc3653936");
const QByteArray payloadOneStringHeader
    = QByteArray::fromHex("0000003d0000002007fd83960c636f6e74656e742d747970650700106170706c6963"
                          "6174696f6e2f6a736f6e7b27666f6f273a27626172277d8d9c08b1");
const QByteArray corruptedHeaderLength
    = QByteArray::fromHex("0000003d0000002107fd83960c636f6e74656e742d747970650700106170706c6963"
                          "6174696f6e2f6a736f6e7b27666f6f273a27626172277d8d9c08b1");
const QByteArray corruptedHeaders
    = QByteArray::fromHex("0000003d0000002007fd83960c636f6e74656e742d747970650700106170706c6963"
                          "6174696f6e2f6a736f6e7b61666f6f273a27626172277d8d9c08b1");
const QByteArray corruptedLength
    = QByteArray::fromHex("0000003e0000002007fd83960c636f6e74656e742d747970650700106170706c6963"
                          "6174696f6e2f6a736f6e7b27666f6f273a27626172277d8d9c08b1");
const QByteArray corruptedPayload
    = QByteArray::fromHex("0000001d00000000fd528c5a5b27666f6f273a27626172277dc3653936");

const QByteArray payload = "{'foo':'bar'}";

// What the decoder says for each kind of damage.
const QString preludeChecksumError = QStringLiteral(
    "The provider's stream is corrupt (the checksum of a message's length fields does not match)");
const QString messageChecksumError
    = QStringLiteral("The provider's stream is corrupt (the checksum of a message does not match)");

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

quint32 checksum(const QByteArray& bytes)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), uInt(bytes.size())));
}

// A prelude with a sound checksum over whatever lengths it states.
QByteArray prelude(quint32 totalLength, quint32 headersLength)
{
    const QByteArray lengths = bigEndian32(totalLength) + bigEndian32(headersLength);
    return lengths + bigEndian32(checksum(lengths));
}

// A message with sound checksums around a header section the encoder would never write.
QByteArray withChecksums(const QByteArray& headers, const QByteArray& body)
{
    const QByteArray bytes
        = prelude(quint32(12 + headers.size() + body.size() + 4), quint32(headers.size())) + headers
        + body;
    return bytes + bigEndian32(checksum(bytes));
}

QList<Message> decodeWhole(const QByteArray& stream)
{
    EventStreamDecoder decoder;
    const QList<Message> messages = decoder.feed(stream);
    if (decoder.failed() || decoder.hasPartialMessage())
        qWarning() << "not a whole, sound stream:" << decoder.error();
    return messages;
}

// A ConverseStream answer as Bedrock sends it, message by message.
QByteArrayList converseMessages()
{
    return { EventStreamEncoder::event("messageStart", R"({"role":"assistant"})"),
        EventStreamEncoder::event(
            "contentBlockDelta", R"({"contentBlockIndex":0,"delta":{"text":"Hello"}})"),
        EventStreamEncoder::event("contentBlockStop", R"({"contentBlockIndex":0})"),
        EventStreamEncoder::event("messageStop", R"({"stopReason":"end_turn"})"),
        EventStreamEncoder::event(
            "metadata", R"({"usage":{"inputTokens":12,"outputTokens":3,"totalTokens":15}})") };
}

QByteArray converseStream()
{
    return converseMessages().join();
}

} // namespace

class TestEventStreamDecoder : public QObject
{
    Q_OBJECT

private slots:
    void readsAwsPublishedMessages()
    {
        const QList<Message> messages = decodeWhole(
            emptyMessage + payloadNoHeaders + payloadOneStringHeader + int32Header + allHeaders);
        QCOMPARE(messages.size(), 5);
        QVERIFY(messages.at(0).headers.isEmpty());
        QCOMPARE(messages.at(0).payload, QByteArray());
        QVERIFY(messages.at(1).headers.isEmpty());
        QCOMPARE(messages.at(1).payload, payload);
        QCOMPARE(messages.at(2).headers,
            (QMap<QByteArray, QByteArray> { { "content-type", "application/json" } }));
        QCOMPARE(messages.at(2).payload, payload);
        QCOMPARE(
            messages.at(3).headers, (QMap<QByteArray, QByteArray> { { "event-type", "40972" } }));

        const Message& all = messages.at(4);
        QCOMPARE(all.headers,
            (QMap<QByteArray, QByteArray> { { "event-type", "40972" },
                { "content-type", "application/json" }, { "bool false", "false" },
                { "bool true", "true" }, { "byte", "-49" }, { "byte buf", "I'm a little teapot!" },
                { "timestamp", "1970-01-01T02:24:35.309Z" }, { "int16", "42" },
                { "int64", "42424242" }, { "uuid", "01020304-0506-0708-090a-0b0c0d0e0f10" } }));
        QCOMPARE(all.payload, payload);
    }

    // The test encoder writes AWS's published messages byte for byte.
    void encoderWritesAwsPublishedMessages()
    {
        QCOMPARE(EventStreamEncoder().message({}), emptyMessage);
        QCOMPARE(EventStreamEncoder().message(payload), payloadNoHeaders);
        QCOMPARE(
            EventStreamEncoder().addString("content-type", "application/json").message(payload),
            payloadOneStringHeader);
        QCOMPARE(EventStreamEncoder().addInt32("event-type", 40972).message(payload), int32Header);
        QCOMPARE(EventStreamEncoder()
                     .addInt32("event-type", 40972)
                     .addString("content-type", "application/json")
                     .addBool("bool false", false)
                     .addBool("bool true", true)
                     .addByte("byte", -49)
                     .addBytes("byte buf", "I'm a little teapot!")
                     .addTimestamp("timestamp", QDateTime::fromMSecsSinceEpoch(8675309, Qt::UTC))
                     .addInt16("int16", 42)
                     .addInt64("int64", 42424242)
                     .addUuid("uuid", QUuid("{01020304-0506-0708-090a-0b0c0d0e0f10}"))
                     .message(payload),
            allHeaders);
    }

    void rejectsAwsPublishedCorruptions_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("error");
        QTest::newRow("header length") << corruptedHeaderLength << preludeChecksumError;
        QTest::newRow("total length") << corruptedLength << preludeChecksumError;
        QTest::newRow("headers") << corruptedHeaders << messageChecksumError;
        QTest::newRow("payload") << corruptedPayload << messageChecksumError;
    }

    void rejectsAwsPublishedCorruptions()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, error);
        EventStreamDecoder decoder;
        QVERIFY(decoder.feed(stream).isEmpty());
        QVERIFY(decoder.failed());
        QCOMPARE(decoder.error(), error);
        QVERIFY(!decoder.hasPartialMessage());
    }

    void readsOneMessage()
    {
        EventStreamDecoder decoder;
        const QList<Message> messages = decoder.feed(
            EventStreamEncoder::event("contentBlockDelta", R"({"delta":{"text":"Hi"}})"));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).messageType(), QByteArray("event"));
        QCOMPARE(messages.at(0).eventType(), QByteArray("contentBlockDelta"));
        QCOMPARE(messages.at(0).contentType(), QByteArray("application/json"));
        QCOMPARE(messages.at(0).exceptionType(), QByteArray());
        QCOMPARE(messages.at(0).payload, QByteArray(R"({"delta":{"text":"Hi"}})"));
        QVERIFY(!decoder.failed());
        QVERIFY(!decoder.hasPartialMessage());
    }

    void readsSeveralMessagesInOnePiece()
    {
        const QList<Message> messages = decodeWhole(converseStream());
        QCOMPARE(messages.size(), 5);
        QStringList eventTypes;
        for (const Message& message : messages)
            eventTypes.append(QString::fromLatin1(message.eventType()));
        QCOMPARE(eventTypes,
            QStringList({ "messageStart", "contentBlockDelta", "contentBlockStop", "messageStop",
                "metadata" }));
        QCOMPARE(messages.at(4).payload,
            QByteArray(R"({"usage":{"inputTokens":12,"outputTokens":3,"totalTokens":15}})"));
    }

    void readsOneByteAtATime()
    {
        QList<qsizetype> messageEnds;
        for (const QByteArray& message : converseMessages())
            messageEnds.append(message.size() + (messageEnds.isEmpty() ? 0 : messageEnds.last()));
        const QByteArray stream = converseStream();
        EventStreamDecoder decoder;
        QList<Message> messages;
        for (qsizetype fed = 1; fed <= stream.size(); ++fed) {
            messages += decoder.feed(stream.sliced(fed - 1, 1));
            const auto completed = std::count_if(messageEnds.begin(), messageEnds.end(),
                [fed](qsizetype end) { return end <= fed; });
            QCOMPARE(messages.size(), completed);
            QCOMPARE(decoder.hasPartialMessage(), !messageEnds.contains(fed));
        }
        QVERIFY(!decoder.failed());
        QCOMPARE(messages.size(), 5);
        QCOMPARE(messages.at(1).payload,
            QByteArray(R"({"contentBlockIndex":0,"delta":{"text":"Hello"}})"));
    }

    void anySplitGivesTheSameMessages()
    {
        const QByteArray stream = converseStream();
        const QList<Message> expected = decodeWhole(stream);
        for (qsizetype split = 1; split < stream.size(); ++split) {
            EventStreamDecoder decoder;
            QList<Message> messages = decoder.feed(stream.first(split));
            messages += decoder.feed(stream.sliced(split));
            QCOMPARE(messages.size(), expected.size());
            for (qsizetype i = 0; i < messages.size(); ++i) {
                QCOMPARE(messages.at(i).headers, expected.at(i).headers);
                QCOMPARE(messages.at(i).payload, expected.at(i).payload);
            }
        }
    }

    void readsHeadersOfEveryType()
    {
        const QList<Message> messages
            = decodeWhole(EventStreamEncoder()
                              .addBool("yes", true)
                              .addBool("no", false)
                              .addByte("byte", -128)
                              .addInt16("int16", -32768)
                              .addInt32("int32", -2147483647 - 1)
                              .addInt64("int64", std::numeric_limits<qint64>::max())
                              .addBytes("bytes", QByteArray("\x00\xff\x10", 3))
                              .addString("string", "grüße")
                              .addTimestamp("timestamp",
                                  QDateTime(QDate(2026, 11, 26), QTime(14, 0, 1, 250), Qt::UTC))
                              .addUuid("uuid", QUuid("{f81d4fae-7dec-11d0-a765-00a0c91e6bf6}"))
                              .message("body"));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).headers,
            (QMap<QByteArray, QByteArray> { { "yes", "true" }, { "no", "false" },
                { "byte", "-128" }, { "int16", "-32768" }, { "int32", "-2147483648" },
                { "int64", "9223372036854775807" }, { "bytes", QByteArray("\x00\xff\x10", 3) },
                { "string", "grüße" }, { "timestamp", "2026-11-26T14:00:01.250Z" },
                { "uuid", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6" } }));
        QCOMPARE(messages.at(0).payload, QByteArray("body"));
    }

    void readsAnExceptionInsideAStream()
    {
        const QByteArray stream
            = EventStreamEncoder::event("messageStart", R"({"role":"assistant"})")
            + EventStreamEncoder::exception("throttlingException",
                R"({"message":"Too many requests, please wait before trying again."})");
        const QList<Message> messages = decodeWhole(stream);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).messageType(), QByteArray("event"));
        QCOMPARE(messages.at(1).messageType(), QByteArray("exception"));
        QCOMPARE(messages.at(1).exceptionType(), QByteArray("throttlingException"));
        QCOMPARE(messages.at(1).eventType(), QByteArray());
        QCOMPARE(messages.at(1).payload,
            QByteArray(R"({"message":"Too many requests, please wait before trying again."})"));

        // The stream-level error form: :message-type error with a code and a message.
        const QList<Message> errors = decodeWhole(EventStreamEncoder()
                                                      .addString(":message-type", "error")
                                                      .addString(":error-code", "InternalFailure")
                                                      .addString(":error-message", "Try again")
                                                      .message({}));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.at(0).messageType(), QByteArray("error"));
        QCOMPARE(errors.at(0).errorCode(), QByteArray("InternalFailure"));
        QCOMPARE(errors.at(0).errorMessage(), QByteArray("Try again"));
    }

    void aDamagedPayloadFailsTheMessageChecksum()
    {
        const QByteArray good
            = EventStreamEncoder::event("messageStart", R"({"role":"assistant"})");
        QByteArray damaged = EventStreamEncoder::event("contentBlockDelta", R"({"text":"Hello"})");
        damaged[damaged.size() - 6] = 'X'; // inside the payload
        EventStreamDecoder decoder;
        // The message before the damage still counts; nothing after it does.
        const QList<Message> messages = decoder.feed(good + damaged + good);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).eventType(), QByteArray("messageStart"));
        QVERIFY(decoder.failed());
        QCOMPARE(decoder.error(), messageChecksumError);
        QVERIFY(!decoder.hasPartialMessage());
        QVERIFY(decoder.feed(good).isEmpty());
        QVERIFY(decoder.failed());
    }

    void aDamagedPreludeFailsAtOnce()
    {
        QByteArray damaged = EventStreamEncoder::event("messageStart", R"({"role":"assistant"})");
        damaged[3] = char(damaged[3] + 1); // total length one more
        EventStreamDecoder decoder;
        // Detected from the prelude alone, without waiting for the rest of the message.
        QVERIFY(decoder.feed(damaged.first(12)).isEmpty());
        QVERIFY(decoder.failed());
        QCOMPARE(decoder.error(), preludeChecksumError);
    }

    void absurdLengthsAreCorrupt_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("error");
        const QString prefix = QStringLiteral("The provider's stream is corrupt (");
        QTest::newRow("shorter than a prelude and checksum")
            << prelude(12, 0) + bigEndian32(0) << prefix + "a message claims to be 12 bytes long)";
        QTest::newRow("over 16 MiB") << prelude(16 * 1024 * 1024 + 1, 0)
                                     << prefix + "a message claims to be 16777217 bytes long)";
        QTest::newRow("headers longer than the message")
            << prelude(20, 5) << prefix + "a message claims 5 bytes of headers)";
        const QByteArray manyHeaders = prelude(200 * 1024, 128 * 1024 + 1);
        QTest::newRow("headers over 128 KiB")
            << manyHeaders << prefix + "a message claims 131073 bytes of headers)";
        // Sound checksums around a header section that cannot be read (fromHex skips the spaces
        // between name length, name, type and value).
        const QString unreadable = prefix + "a message's headers cannot be read)";
        QTest::newRow("unknown value type")
            << withChecksums(QByteArray::fromHex("01 61 0a"), {}) << unreadable;
        QTest::newRow("string longer than the headers")
            << withChecksums(QByteArray::fromHex("01 61 07 0005 616263"), {}) << unreadable;
        QTest::newRow("name longer than the headers")
            << withChecksums(QByteArray::fromHex("09 616263"), "payload") << unreadable;
    }

    void absurdLengthsAreCorrupt()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, error);
        EventStreamDecoder decoder;
        QVERIFY(decoder.feed(stream).isEmpty());
        QVERIFY(decoder.failed());
        QCOMPARE(decoder.error(), error);
    }

    void aCutStreamIsIncompleteNotCorrupt()
    {
        const QByteArray stream = converseStream();
        EventStreamDecoder decoder;
        QVERIFY(!decoder.hasPartialMessage());
        QVERIFY(decoder.feed(stream.first(5)).isEmpty()); // not even a whole prelude
        QVERIFY(decoder.hasPartialMessage());
        QVERIFY(!decoder.failed());
        const QList<Message> messages = decoder.feed(stream.sliced(5).chopped(1));
        QCOMPARE(messages.size(), 4);
        QVERIFY(decoder.hasPartialMessage());
        QVERIFY(!decoder.failed());
        QCOMPARE(decoder.error(), QString());
        QCOMPARE(decoder.feed(stream.last(1)).size(), 1);
        QVERIFY(!decoder.hasPartialMessage());
    }
};

QTEST_GUILESS_MAIN(TestEventStreamDecoder)
#include "TestEventStreamDecoder.moc"
