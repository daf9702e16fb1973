#include "router/http/ContentDecoder.h"
#include "tests/support/Compression.h"

#include <QRandomGenerator>
#include <QTest>

// Undoing a body's Content-Encoding as the bytes arrive, in pieces of any size.
class TestContentDecoder : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<ContentDecoder> decoderFor(const QByteArray& encoding)
    {
        bool supported = false;
        auto decoder = ContentDecoder::forEncoding(encoding, &supported);
        if (!supported || !decoder)
            qWarning() << "no decoder for" << encoding;
        return decoder;
    }

    // Some JSON-like text, repetitive enough to compress well, of about `size` bytes.
    static QByteArray text(qsizetype size)
    {
        QByteArray out;
        for (int i = 0; out.size() < size; ++i)
            out += R"({"index":)" + QByteArray::number(i) + R"(,"delta":{"text":"word"}})" + '\n';
        return out;
    }

    static QByteArray encoded(const QByteArray& plain, const QByteArray& encoding)
    {
        return encoding == "zstd" ? zstdCompressed(plain) : compressed(plain, encoding == "gzip");
    }

    // Fed in pieces of `pieceSize`: whether every piece was taken, and the plain bytes they gave.
    static bool decodeAll(
        ContentDecoder& decoder, const QByteArray& body, qsizetype pieceSize, QByteArray* plain)
    {
        plain->clear();
        for (qsizetype at = 0; at < body.size(); at += pieceSize) {
            QByteArray piece;
            if (!decoder.decode(body.mid(at, pieceSize), &piece))
                return false;
            *plain += piece;
        }
        return true;
    }

private slots:
    void knowsWhichEncodingsItDecodes_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<bool>("supported");
        QTest::addColumn<bool>("decoder");
        QTest::newRow("none") << QByteArray() << true << false;
        QTest::newRow("identity") << QByteArray("identity") << true << false;
        QTest::newRow("Identity spaced") << QByteArray(" Identity ") << true << false;
        QTest::newRow("gzip") << QByteArray("gzip") << true << true;
        QTest::newRow("GZIP spaced") << QByteArray("  GZIP\t") << true << true;
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << true << true;
        QTest::newRow("deflate") << QByteArray("deflate") << true << true;
        QTest::newRow("br") << QByteArray("br") << false << false;
        QTest::newRow("zstd") << QByteArray("zstd") << true << true;
        QTest::newRow("ZSTD spaced") << QByteArray(" ZSTD ") << true << true;
        QTest::newRow("two codings") << QByteArray("gzip, br") << false << false;
    }
    void knowsWhichEncodingsItDecodes()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(bool, supported);
        QFETCH(bool, decoder);
        bool isSupported = !supported;
        const auto made = ContentDecoder::forEncoding(encoding, &isSupported);
        QCOMPARE(isSupported, supported);
        QCOMPARE(made != nullptr, decoder);
    }

    void decodesInPiecesOfAnySize_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<qsizetype>("pieceSize");
        for (const char* encoding : { "gzip", "deflate", "zstd" }) {
            for (qsizetype size : { 1, 2, 3, 7, 100, 4096, 1 << 20 })
                QTest::addRow("%s in %lld", encoding, qlonglong(size))
                    << QByteArray(encoding) << size;
        }
    }
    void decodesInPiecesOfAnySize()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(qsizetype, pieceSize);
        const QByteArray plain = text(40 * 1024);
        const QByteArray body = encoded(plain, encoding);
        auto decoder = decoderFor(encoding);
        QVERIFY(decoder);
        QByteArray decoded;
        for (qsizetype at = 0; at < body.size(); at += pieceSize) {
            QVERIFY(!decoder->isComplete());
            QByteArray piece;
            QVERIFY(decoder->decode(body.mid(at, pieceSize), &piece));
            decoded += piece;
        }
        QVERIFY(decoder->isComplete());
        QCOMPARE(decoded.size(), plain.size());
        QCOMPARE(decoded, plain);
    }

    void aSmallPieceMayHoldMuchMoreThanOneBuffer()
    {
        // 4 MiB of zeros compress to a few KB: one piece gives far more than 16 KiB of output.
        const QByteArray plain(4 * 1024 * 1024, '\0');
        const QByteArray body = compressed(plain, true);
        QVERIFY(body.size() < 16 * 1024);
        auto decoder = decoderFor("gzip");
        QByteArray decoded;
        QVERIFY(decoder->decode(body, &decoded));
        QVERIFY(decoder->isComplete());
        QCOMPARE(decoded.size(), plain.size());
        QVERIFY(decoded == plain);
    }

    void decodesIncompressibleBytes()
    {
        QByteArray plain(100 * 1024, Qt::Uninitialized);
        QRandomGenerator random(13);
        for (char& c : plain)
            c = char(random.bounded(256));
        const QByteArray body = compressed(plain, false);
        auto decoder = decoderFor("deflate");
        QByteArray decoded;
        for (qsizetype at = 0; at < body.size(); at += 5000) {
            QByteArray piece;
            QVERIFY(decoder->decode(body.mid(at, 5000), &piece));
            decoded += piece;
        }
        QVERIFY(decoder->isComplete());
        QVERIFY(decoded == plain);
    }

    void replacesWhatThePlainBufferHeld()
    {
        auto decoder = decoderFor("gzip");
        QByteArray plain = "left over";
        QVERIFY(decoder->decode(compressed("fresh", true), &plain));
        QCOMPARE(plain, QByteArray("fresh"));
    }

    void anEmptyPieceIsNoError()
    {
        auto decoder = decoderFor("gzip");
        QByteArray plain;
        QVERIFY(decoder->decode({}, &plain));
        QVERIFY(plain.isEmpty());
        QVERIFY(!decoder->isComplete());
        QVERIFY(decoder->decode(compressed("hello", true), &plain));
        QCOMPARE(plain, QByteArray("hello"));
        QVERIFY(decoder->decode({}, &plain)); // nothing after the end is fine too
        QVERIFY(plain.isEmpty());
    }

    void refusesBytesThatAreNotCompressed()
    {
        auto decoder = decoderFor("gzip");
        QByteArray plain;
        QVERIFY(!decoder->decode("{\"plain\": \"json, not gzip\"}", &plain));
        QVERIFY(!decoder->isComplete());
    }

    void refusesCorruptData()
    {
        QByteArray body = compressed(text(10 * 1024), true);
        body[body.size() / 2] = char(~body.at(body.size() / 2));
        auto decoder = decoderFor("gzip");
        bool allAccepted = true;
        for (qsizetype at = 0; at < body.size() && allAccepted; at += 64) {
            QByteArray piece;
            allAccepted = decoder->decode(body.mid(at, 64), &piece);
        }
        QVERIFY(!allAccepted);
        QVERIFY(!decoder->isComplete());
        QCOMPARE(decoder->error(), ContentDecoder::Error::Corrupt);
    }

    void aCutBodyIsNotComplete()
    {
        const QByteArray body = compressed(text(2048), true);
        auto decoder = decoderFor("gzip");
        QByteArray plain;
        QVERIFY(decoder->decode(body.chopped(6), &plain)); // the gzip trailer is missing
        QVERIFY(!plain.isEmpty());
        QVERIFY(!decoder->isComplete());
    }

    void stopsACompressionBombAtTheLimit()
    {
        // 1 GiB of zeros in about 1 MiB, fed as the network would hand it over.
        const QByteArray bomb = gzipBomb(1024);
        QVERIFY(bomb.size() < 2 * 1024 * 1024);
        auto decoder = decoderFor("gzip");
        QCOMPARE(decoder->maxPlainBytes(), UpstreamLimits::maxBodyBytes);
        qsizetype plainBytes = 0;
        qsizetype at = 0;
        for (; at < bomb.size(); at += 64 * 1024) {
            QByteArray piece;
            if (!decoder->decode(bomb.mid(at, 64 * 1024), &piece)) {
                QVERIFY(piece.isEmpty());
                break;
            }
            plainBytes += piece.size();
        }
        QCOMPARE(decoder->error(), ContentDecoder::Error::TooLarge);
        QVERIFY(plainBytes <= UpstreamLimits::maxBodyBytes);
        QVERIFY2(at < bomb.size() / 8, "stopped early, not after inflating the rest");
        QVERIFY(!decoder->isComplete());
    }

    void aBombInOnePieceGivesNothing()
    {
        auto decoder = decoderFor("gzip");
        QByteArray plain = "left over";
        QVERIFY(!decoder->decode(gzipBomb(1024), &plain));
        QVERIFY(plain.isEmpty());
        QCOMPARE(decoder->error(), ContentDecoder::Error::TooLarge);
        // A decoder that has failed stays failed.
        QVERIFY(!decoder->decode(compressed("hello", true), &plain));
        QVERIFY(plain.isEmpty());
    }

    void aBodyWithinTheLimitDecodesWhole()
    {
        // The bomb's making is sound: below the limit, it is 8 MiB of zeros and a valid end.
        auto decoder = decoderFor("gzip");
        QByteArray plain;
        QVERIFY(decoder->decode(gzipBomb(8), &plain));
        QVERIFY(decoder->isComplete());
        QCOMPARE(plain.size(), 8 * 1024 * 1024);
        QCOMPARE(plain.count('\0'), plain.size());
    }

    void theLimitCountsTheWholeBody_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<qsizetype>("slack"); // the limit minus the plain size
        QTest::addColumn<bool>("accepted");
        for (const char* encoding : { "gzip", "deflate", "zstd" }) {
            QTest::addRow("%s exactly at the limit", encoding)
                << QByteArray(encoding) << qsizetype(0) << true;
            QTest::addRow("%s one byte over", encoding)
                << QByteArray(encoding) << qsizetype(-1) << false;
        }
    }
    void theLimitCountsTheWholeBody()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(qsizetype, slack);
        QFETCH(bool, accepted);
        const QByteArray plain = text(50 * 1024);
        const QByteArray body = encoded(plain, encoding);
        bool supported = false;
        auto decoder = ContentDecoder::forEncoding(encoding, &supported, plain.size() + slack);
        QVERIFY(decoder);
        // Small pieces: no one piece passes the limit, only their sum does.
        bool allAccepted = true;
        for (qsizetype at = 0; at < body.size() && allAccepted; at += 100) {
            QByteArray piece;
            allAccepted = decoder->decode(body.mid(at, 100), &piece);
        }
        QCOMPARE(allAccepted, accepted);
        QCOMPARE(decoder->isComplete(), accepted);
        QCOMPARE(decoder->error(),
            accepted ? ContentDecoder::Error::None : ContentDecoder::Error::TooLarge);
    }

    void refusesBytesAfterTheEnd()
    {
        const QByteArray body = compressed("the answer", true);
        auto inOnePiece = decoderFor("gzip");
        QByteArray plain;
        QVERIFY(!inOnePiece->decode(body + "junk", &plain));

        auto inTwoPieces = decoderFor("gzip");
        QVERIFY(inTwoPieces->decode(body, &plain));
        QCOMPARE(plain, QByteArray("the answer"));
        QVERIFY(!inTwoPieces->decode("junk", &plain));
        QVERIFY(plain.isEmpty());
    }

    void finishingACutBodyMakesItCorrupt()
    {
        auto whole = decoderFor("gzip");
        QByteArray plain;
        QVERIFY(whole->decode(compressed("all of it", true), &plain));
        QVERIFY(whole->finish());
        QCOMPARE(whole->error(), ContentDecoder::Error::None);

        auto cut = decoderFor("gzip");
        QVERIFY(cut->decode(compressed(text(2048), true).chopped(6), &plain));
        QVERIFY(!cut->finish());
        QCOMPARE(cut->error(), ContentDecoder::Error::Corrupt);
    }

    // zstd (RFC 8878), as Codex CLI compresses its requests.

    void zstdDecodesWholeAndByteByByte()
    {
        const QByteArray plain = text(100 * 1024);
        const QByteArray body = zstdCompressed(plain);
        QVERIFY(body.size() < plain.size() / 4);
        for (const qsizetype pieceSize : { body.size(), qsizetype(1) }) {
            auto decoder = decoderFor("zstd");
            QByteArray decoded;
            QVERIFY(decodeAll(*decoder, body, pieceSize, &decoded));
            QVERIFY(decoder->isComplete());
            QVERIFY(decoder->finish());
            QCOMPARE(decoded.size(), plain.size());
            QVERIFY(decoded == plain);
        }
    }

    void zstdFramesMayFollowOneAnother()
    {
        const QByteArray first = text(3000);
        const QByteArray second = "and then some more";
        const QByteArray firstFrame = zstdCompressed(first);
        const QByteArray body = firstFrame + zstdCompressed(second);
        for (const qsizetype pieceSize : { body.size(), qsizetype(1), qsizetype(7) }) {
            auto decoder = decoderFor("zstd");
            QByteArray decoded;
            QVERIFY(decodeAll(*decoder, body, pieceSize, &decoded));
            QVERIFY(decoder->isComplete());
            QVERIFY(decoded == first + second);
        }
        // Between the frames the body could end; a few bytes into the second it could not.
        auto decoder = decoderFor("zstd");
        QByteArray decoded;
        QVERIFY(decoder->decode(firstFrame, &decoded));
        QVERIFY(decoder->isComplete());
        QVERIFY(decoder->decode(zstdCompressed(second).left(3), &decoded));
        QVERIFY(!decoder->isComplete());
        QVERIFY(!decoder->finish());
    }

    void zstdRefusesCorruptData()
    {
        QByteArray body = zstdCompressed(text(10 * 1024));
        body[body.size() / 2] = char(~body.at(body.size() / 2));
        auto decoder = decoderFor("zstd");
        QByteArray decoded;
        QVERIFY(!decodeAll(*decoder, body, 64, &decoded));
        QVERIFY(!decoder->isComplete());
        QCOMPARE(decoder->error(), ContentDecoder::Error::Corrupt);

        auto notZstd = decoderFor("zstd");
        QVERIFY(!notZstd->decode("{\"plain\": \"json, not zstd\"}", &decoded));
        QVERIFY(decoded.isEmpty());
        QCOMPARE(notZstd->error(), ContentDecoder::Error::Corrupt);
    }

    void zstdRefusesJunkAfterAFrame()
    {
        auto decoder = decoderFor("zstd");
        QByteArray plain;
        QVERIFY(decoder->decode(zstdCompressed("the question"), &plain));
        QCOMPARE(plain, QByteArray("the question"));
        QVERIFY(!decoder->decode("junk", &plain));
        QCOMPARE(decoder->error(), ContentDecoder::Error::Corrupt);
    }

    void zstdACutFrameIsCorrupt()
    {
        const QByteArray body = zstdCompressed(text(4096));
        for (const qsizetype cut : { qsizetype(1), qsizetype(4), body.size() / 2 }) {
            auto decoder = decoderFor("zstd");
            QByteArray plain;
            QVERIFY(decodeAll(*decoder, body.chopped(cut), 100, &plain));
            QVERIFY(!decoder->isComplete());
            QVERIFY(!decoder->finish());
            QCOMPARE(decoder->error(), ContentDecoder::Error::Corrupt);
        }
    }

    void zstdStopsABombAtTheLimit()
    {
        // 1 GiB of zeros in 32 KiB, one frame, fed in small pieces.
        const QByteArray bomb = zstdBomb(1024);
        QVERIFY(bomb.size() < 64 * 1024);
        auto decoder = decoderFor("zstd");
        qsizetype plainBytes = 0;
        qsizetype at = 0;
        for (; at < bomb.size(); at += 256) {
            QByteArray piece;
            if (!decoder->decode(bomb.mid(at, 256), &piece)) {
                QVERIFY(piece.isEmpty());
                break;
            }
            plainBytes += piece.size();
        }
        QCOMPARE(decoder->error(), ContentDecoder::Error::TooLarge);
        QVERIFY(plainBytes <= UpstreamLimits::maxBodyBytes);
        QVERIFY2(at < bomb.size() / 8, "stopped early, not after decoding the rest");

        auto inOnePiece = decoderFor("zstd");
        QByteArray plain = "left over";
        QVERIFY(!inOnePiece->decode(bomb, &plain));
        QVERIFY(plain.isEmpty());
        QCOMPARE(inOnePiece->error(), ContentDecoder::Error::TooLarge);
    }

    void zstdBombWithinTheLimitDecodesWhole()
    {
        // The bomb's making is sound: below the limit, it is 8 MiB of zeros and a valid end.
        auto decoder = decoderFor("zstd");
        QByteArray plain;
        QVERIFY(decoder->decode(zstdBomb(8), &plain));
        QVERIFY(decoder->isComplete());
        QCOMPARE(plain.size(), 8 * 1024 * 1024);
        QCOMPARE(plain.count('\0'), plain.size());
    }

    void zstdRefusesAWindowBeyondHttpsLimit()
    {
        // RFC 9659: 8 MiB at most, so a frame cannot make the decoder allocate more.
        QByteArray plain;
        auto at8MiB = decoderFor("zstd");
        QVERIFY(at8MiB->decode(zstdBomb(1, 23), &plain));
        QVERIFY(at8MiB->isComplete());
        auto at16MiB = decoderFor("zstd");
        QVERIFY(!at16MiB->decode(zstdBomb(1, 24), &plain));
        QCOMPARE(at16MiB->error(), ContentDecoder::Error::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestContentDecoder)
#include "TestContentDecoder.moc"
