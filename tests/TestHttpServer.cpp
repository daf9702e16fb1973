#include "router/http/HttpServer.h"
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

    void start(HttpLimits limits = {})
    {
        m_bodiesSeen.clear();
        m_server = std::make_unique<HttpServer>(
            limits,
            [this](const std::shared_ptr<HttpExchange>& exchange) {
                const HttpRequest& request = exchange->request();
                m_bodiesSeen.append(request.body);
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
