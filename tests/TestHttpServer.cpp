#include "router/http/HttpServer.h"
#include "tests/support/Compression.h"
#include "tests/support/RawClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    QList<QByteArray> m_bodiesSeen;
    QList<HttpHeaders> m_headersSeen;

    // The error message of a whole answer, when its body is JSON in OpenAI's error shape.
    static QString errorMessage(const QByteArray& answer)
    {
        QJsonParseError parseError {};
        const QJsonDocument body
            = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return QStringLiteral("(not JSON: ") + QString::fromLatin1(answer) + u')';
        return body.object().value("error").toObject().value("message").toString();
    }

    // A POST whose body is sent with the given Content-Encoding, its length declared.
    static QByteArray encodedPost(const QByteArray& encoding, const QByteArray& body)
    {
        return "POST /v1/responses HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
               "Content-Encoding: "
            + encoding + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
            + body;
    }

    // Some JSON-like text of about `size` bytes, as a Responses request might hold.
    static QByteArray requestText(qsizetype size)
    {
        QByteArray out;
        for (int i = 0; out.size() < size; ++i)
            out += "{\"role\":\"user\",\"content\":\"line " + QByteArray::number(i) + "\"}\n";
        return out;
    }

    // The whole answer to a request the server refuses, once it has closed the connection.
    static QByteArray refusal(RawClient& client)
    {
        client.waitClosed(2000);
        return client.receive([](const QByteArray&) { return false; }, 0);
    }

    void start(HttpLimits limits = {})
    {
        m_bodiesSeen.clear();
        m_headersSeen.clear();
        m_server = std::make_unique<HttpServer>(
            limits,
            [this](const std::shared_ptr<HttpExchange>& exchange) {
                const HttpRequest& request = exchange->request();
                m_bodiesSeen.append(request.body);
                m_headersSeen.append(request.headers);
                if (request.path() == "/slow") {
                    // Answer later, after the next pipelined request has arrived.
                    QTimer::singleShot(
                        200, exchange.get(), [exchange] { exchange->respond(200, {}, "slow"); });
                    return;
                }
                if (request.path() == "/stream") {
                    exchange->beginStream(200, { { "Content-Type", "text/event-stream" } });
                    exchange->write("data: one\n\n");
                    exchange->write("data: two\n\n");
                    exchange->endStream();
                    return;
                }
                exchange->respond(200, { { "Content-Type", "text/plain" } },
                    request.method + ' ' + request.target
                        + " body=" + QByteArray::number(request.body.size()));
            },
            2);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }

private slots:
    void keepsTheConnectionAlive()
    {
        start();
        RawClient client(m_server->port());
        client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray got = client.receiveCount("body=0", 1);
        QVERIFY2(got.startsWith("HTTP/1.1 200 OK\r\n"), got.constData());
        QVERIFY(got.contains("Connection: keep-alive"));
        client.send("GET /again HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        got = client.receiveCount("body=0", 2);
        QVERIFY(got.contains("GET /again body=0"));
    }

    void answersPipelinedRequestsInOrder()
    {
        start();
        RawClient client(m_server->port());
        client.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\nGET /fast HTTP/1.1\r\nHost: a\r\n\r\n");
        const QByteArray got = client.receiveCount("HTTP/1.1 200", 2);
        const qsizetype slow = got.indexOf("slow");
        const qsizetype fast = got.indexOf("GET /fast");
        QVERIFY2(slow > 0 && fast > slow, got.constData());
    }

    void readsChunkedBodies()
    {
        start();
        RawClient client(m_server->port());
        client.send(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        const QByteArray got = client.receiveCount("body=", 1);
        QVERIFY2(got.contains("body=11"), got.constData());
        QCOMPARE(m_bodiesSeen.value(0), QByteArray("hello world"));
    }

    void streamsChunked()
    {
        start();
        RawClient client(m_server->port());
        client.send("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n");
        const QByteArray got
            = client.receive([](const QByteArray& b) { return b.endsWith("0\r\n\r\n"); });
        QVERIFY(got.contains("Transfer-Encoding: chunked"));
        QVERIFY(got.contains("b\r\ndata: one\n\n\r\n"));
        QVERIFY(got.endsWith("0\r\n\r\n"));
    }

    void rejectsOversizedBodies()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 1024;
        start(limits);
        RawClient declared(m_server->port());
        declared.send("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n");
        QVERIFY(declared.receiveCount("\r\n\r\n", 1).startsWith("HTTP/1.1 413"));
        RawClient chunked(m_server->port());
        chunked.send("POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + QByteArray::number(2000, 16) + "\r\n" + QByteArray(2000, 'x') + "\r\n0\r\n\r\n");
        QVERIFY(chunked.receiveCount("\r\n\r\n", 1).startsWith("HTTP/1.1 413"));
        QVERIFY(m_bodiesSeen.isEmpty());
    }

    // The limit the server was made with is the one it names, in a body that is valid JSON.
    void saysItsOwnLimitsInJson()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 2 * 1024;
        limits.maxHeaderBytes = 1000;
        start(limits);
        RawClient body(m_server->port());
        body.send("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n");
        QVERIFY(body.waitClosed(2000));
        QCOMPARE(errorMessage(body.receive([](const QByteArray&) { return false; }, 0)),
            QStringLiteral("The request body is larger than 2 KiB."));
        RawClient headers(m_server->port());
        headers.send("GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(2000, 'y') + "\r\n\r\n");
        QVERIFY(headers.waitClosed(2000));
        QCOMPARE(errorMessage(headers.receive([](const QByteArray&) { return false; }, 0)),
            QStringLiteral("The request headers are larger than 1000 bytes."));
    }

    void rejectsOversizedHeaders()
    {
        HttpLimits limits;
        limits.maxHeaderBytes = 512;
        start(limits);
        RawClient client(m_server->port());
        client.send("GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(1000, 'y') + "\r\n\r\n");
        QVERIFY(client.receiveCount("\r\n\r\n", 1).startsWith("HTTP/1.1 431"));
        QVERIFY(client.waitClosed(2000));
    }

    void rejectsSmuggling()
    {
        start();
        RawClient client(m_server->port());
        client.send(
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
            "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n");
        const QByteArray got = client.receive([](const QByteArray&) { return false; }, 1000);
        QVERIFY2(got.startsWith("HTTP/1.1 400"), got.constData());
        QVERIFY(!got.contains("smuggled"));
        QVERIFY(m_bodiesSeen.isEmpty());
        RawClient garbage(m_server->port());
        garbage.send("NOT HTTP AT ALL\r\n\r\n");
        QVERIFY(garbage.receiveCount("\r\n\r\n", 1).startsWith("HTTP/1.1 400"));
    }

    // Every way a request's end can be read two ways (RFC 9112 section 6.3, "request smuggling"):
    // refused with 400 before anything behind it is taken for a request, the connection closed,
    // and the server goes on serving the next client.
    void refusesEveryFramingThatCouldSmuggle_data()
    {
        QTest::addColumn<QByteArray>("head");
        const QByteArray smuggled = "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
        QTest::newRow("CL then TE")
            << "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + smuggled;
        QTest::newRow("TE then CL")
            << "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n" + smuggled;
        QTest::newRow("two CL, different")
            << "Content-Length: 5\r\nContent-Length: 45\r\n\r\n" + smuggled;
        QTest::newRow("two CL, equal")
            << "Content-Length: 45\r\nContent-Length: 45\r\n\r\n" + smuggled;
        QTest::newRow("CL list") << "Content-Length: 5, 45\r\n\r\n" + smuggled;
        QTest::newRow("CL negative") << "Content-Length: -5\r\n\r\n" + smuggled;
        QTest::newRow("CL hex") << "Content-Length: 0x5\r\n\r\n" + smuggled;
        QTest::newRow("TE identity") << "Transfer-Encoding: identity\r\n\r\n" + smuggled;
        QTest::newRow("TE chunked, identity")
            << "Transfer-Encoding: chunked, identity\r\n\r\n" + smuggled;
        QTest::newRow("TE not chunked") << "Transfer-Encoding: xchunked\r\n\r\n" + smuggled;
        QTest::newRow("TE obs-fold")
            << "Content-Length: 5\r\nTransfer-Encoding:\r\n chunked\r\n\r\n" + smuggled;
        QTest::newRow("space before colon")
            << "Content-Length: 5\r\nTransfer-Encoding : chunked\r\n\r\n" + smuggled;
        QTest::newRow("chunk size overflow")
            << "Transfer-Encoding: chunked\r\n\r\n1" + QByteArray(20, '0') + "\r\nx\r\n" + smuggled;
        QTest::newRow("chunk size not hex")
            << "Transfer-Encoding: chunked\r\n\r\n5g\r\nhello\r\n" + smuggled;
        QTest::newRow("NUL in a header")
            << QByteArray("X-A: a") + '\0' + "b\r\nContent-Length: 5\r\n\r\n" + smuggled;
    }
    void refusesEveryFramingThatCouldSmuggle()
    {
        QFETCH(QByteArray, head);
        start();
        RawClient client(m_server->port());
        client.send("POST /x HTTP/1.1\r\nHost: a\r\n" + head);
        const QByteArray got = client.receive([](const QByteArray&) { return false; }, 1000);
        QVERIFY2(got.startsWith("HTTP/1.1 400"), got.constData());
        QCOMPARE(got.count("HTTP/1.1 "), 1);
        QVERIFY(client.waitClosed(2000));
        QVERIFY(m_bodiesSeen.isEmpty());
        RawClient next(m_server->port());
        next.send("GET /after HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(next.receiveCount("body=", 1).startsWith("HTTP/1.1 200"));
    }

    // Codex CLI sends its requests compressed with zstd; the handler sees them plain, with no
    // Content-Encoding and a Content-Length that is the plain body's.
    void decodesCompressedBodies_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("body");
        const QByteArray plain = requestText(200 * 1024);
        QTest::newRow("zstd") << QByteArray("zstd") << zstdCompressed(plain);
        QTest::newRow("gzip") << QByteArray("gzip") << compressed(plain, true);
        QTest::newRow("deflate") << QByteArray("deflate") << compressed(plain, false);
        QTest::newRow("ZSTD") << QByteArray("ZSTD") << zstdCompressed(plain);
        QTest::newRow("gzip, identity") << QByteArray("gzip, identity") << compressed(plain, true);
        QTest::newRow("identity") << QByteArray("identity") << plain;
    }
    void decodesCompressedBodies()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, body);
        const QByteArray plain = requestText(200 * 1024);
        start();
        RawClient client(m_server->port());
        client.send(encodedPost(encoding, body) + "GET /next HTTP/1.1\r\nHost: a\r\n\r\n");
        const QByteArray got = client.receiveCount("HTTP/1.1 200", 2);
        QVERIFY2(
            got.contains("body=" + QByteArray::number(plain.size())), got.left(300).constData());
        QVERIFY(got.contains("GET /next body=0")); // the connection goes on
        QVERIFY(m_bodiesSeen.value(0) == plain);
        const HttpHeaders headers = m_headersSeen.value(0);
        if (encoding != "identity") // which is true of the plain body, and stays
            QVERIFY(headerValue(headers, "content-encoding").isEmpty());
        QCOMPARE(headerValue(headers, "content-length"), QByteArray::number(plain.size()));
    }

    void decodesAChunkedCompressedBody()
    {
        start();
        RawClient client(m_server->port());
        const QByteArray body = zstdCompressed("{\"model\":\"gpt-5\"}");
        const qsizetype half = body.size() / 2;
        client.send("POST /v1/responses HTTP/1.1\r\nHost: a\r\nContent-Encoding: zstd\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n"
            + QByteArray::number(half, 16) + "\r\n" + body.left(half) + "\r\n"
            + QByteArray::number(body.size() - half, 16) + "\r\n" + body.mid(half)
            + "\r\n0\r\n\r\n");
        QVERIFY(client.receiveCount("body=", 1).startsWith("HTTP/1.1 200"));
        QCOMPARE(m_bodiesSeen.value(0), QByteArray("{\"model\":\"gpt-5\"}"));
        QVERIFY(headerValue(m_headersSeen.value(0), "content-length").isEmpty());
    }

    void refusesACorruptCompressedBody_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("body");
        const QByteArray text = requestText(4096);
        QByteArray flipped = zstdCompressed(text);
        flipped[flipped.size() / 2] = char(~flipped.at(flipped.size() / 2));
        QTest::newRow("zstd corrupt") << QByteArray("zstd") << flipped;
        QTest::newRow("zstd cut short") << QByteArray("zstd") << zstdCompressed(text).chopped(5);
        QTest::newRow("zstd, plain") << QByteArray("zstd") << text;
        QTest::newRow("gzip corrupt") << QByteArray("gzip") << QByteArray("not gzip at all");
        QTest::newRow("gzip cut short") << QByteArray("gzip") << compressed(text, true).chopped(6);
    }
    void refusesACorruptCompressedBody()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, body);
        start();
        RawClient client(m_server->port());
        client.send(encodedPost(encoding, body));
        const QByteArray got = refusal(client);
        QVERIFY2(got.startsWith("HTTP/1.1 400"), got.constData());
        QCOMPARE(errorMessage(got),
            "The request body is not valid " + QString::fromLatin1(encoding)
                + " data: it is corrupt or cut short.");
        QVERIFY(m_bodiesSeen.isEmpty());
    }

    void refusesCodingsItCannotUndo_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QString>("message");
        QTest::newRow("br") << QByteArray("br")
                            << "The request body's Content-Encoding br is not supported; Keyway "
                               "reads gzip, deflate and zstd.";
        QTest::newRow("stacked") << QByteArray("gzip, zstd")
                                 << "The request body is compressed more than once (gzip, zstd); "
                                    "Keyway reads a body compressed once, with gzip, deflate or "
                                    "zstd.";
    }
    void refusesCodingsItCannotUndo()
    {
        QFETCH(QByteArray, encoding);
        QFETCH(QString, message);
        start();
        RawClient client(m_server->port());
        client.send(encodedPost(encoding, "whatever it is"));
        const QByteArray got = refusal(client);
        QVERIFY2(got.startsWith("HTTP/1.1 415 Unsupported Media Type"), got.constData());
        QCOMPARE(errorMessage(got), message);
        QVERIFY(m_bodiesSeen.isEmpty());
    }

    // A few KB that would inflate to 64 MiB: refused as too large once the plain bytes pass the
    // limit, before they are all made.
    void refusesACompressionBomb()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 1024 * 1024;
        start(limits);
        RawClient client(m_server->port());
        const QByteArray bomb = zstdBomb(64);
        QVERIFY(bomb.size() < limits.maxBodyBytes);
        client.send(encodedPost("zstd", bomb));
        const QByteArray got = refusal(client);
        QVERIFY2(got.startsWith("HTTP/1.1 413"), got.constData());
        QCOMPARE(errorMessage(got), QStringLiteral("The request body is larger than 1 MiB."));
        QVERIFY(m_bodiesSeen.isEmpty());
    }

    void closesSlowAndIdleClients()
    {
        HttpLimits limits;
        limits.headerTimeout = 300ms;
        limits.idleTimeout = 300ms;
        start(limits);
        RawClient slow(m_server->port());
        slow.send("GET /x HTTP/1.1\r\nHo");
        QVERIFY(slow.waitClosed(3000));
        RawClient idle(m_server->port());
        idle.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n");
        idle.receiveCount("body=", 1);
        QVERIFY(idle.waitClosed(3000));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 3000);
    }

    void http10ClosesAfterTheAnswer()
    {
        start();
        RawClient client(m_server->port());
        client.send("GET /x HTTP/1.0\r\n\r\n");
        const QByteArray got = client.receiveCount("body=", 1);
        QVERIFY(got.contains("Connection: close"));
        QVERIFY(client.waitClosed(2000));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "TestHttpServer.moc"
