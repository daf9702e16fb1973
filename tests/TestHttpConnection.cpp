// HttpConnection under pipelining (issue 14, item 1): answering never recurses, answers keep
// their order, one connection does not starve the others on its thread, and a client that does
// not read its answers is held back by TCP instead of growing the server's buffers.
#include "router/http/HttpServer.h"
#include "tests/support/RawClient.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <atomic>

namespace {

// Reads the answers of a pipelined flood as they come, checking each one's order marker (the
// body echoes the number n the path ends in, counting from 0) and keeping only the unread tail.
class FloodReader
{
public:
    explicit FloodReader(QTcpSocket& socket)
        : m_socket(socket)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { readAnswers(); });
    }

    int answered() const { return m_answered; }
    QByteArray firstProblem() const { return m_problem; }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    void readAnswers()
    {
        m_buffer += m_socket.readAll();
        qsizetype from = 0;
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n", from);
            if (headEnd < 0)
                break;
            const QByteArrayView head(m_buffer.constData() + from, headEnd - from);
            const qsizetype length = head.indexOf("Content-Length: ");
            const qsizetype lengthEnd = head.indexOf("\r\n", length);
            const int bodySize = head.sliced(length + 16, lengthEnd - length - 16).toInt();
            if (m_buffer.size() < headEnd + 4 + bodySize)
                break;
            const QByteArray body = m_buffer.mid(headEnd + 4, bodySize);
            const QByteArray expected = QByteArray::number(m_answered);
            if (m_problem.isEmpty() && (!head.startsWith("HTTP/1.1 200") || body != expected))
                m_problem = "answer " + QByteArray::number(m_answered) + " is " + body;
            ++m_answered;
            from = headEnd + 4 + bodySize;
        }
        m_buffer.remove(0, from);
    }

    QTcpSocket& m_socket;
    QByteArray m_buffer;
    int m_answered = 0;
    QByteArray m_problem;
};

// `count` requests for "/<n>", or "/later/<n>" for every n that `later` picks.
QByteArray pipelined(int count, const std::function<bool(int)>& later = {})
{
    QByteArray requests;
    for (int i = 0; i < count; ++i) {
        requests += "GET " + QByteArray(later && later(i) ? "/later/" : "/") + QByteArray::number(i)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }
    return requests;
}

} // namespace

class TestHttpConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServer> m_server;
    std::atomic<int> m_bigStarted { 0 }; // requests for /big/… the handler was given

    // One worker thread, so that the flood and /health share it.
    void start(HttpHeadCheck headCheck = {})
    {
        m_bigStarted = 0;
        m_server = std::make_unique<HttpServer>(
            HttpLimits {},
            [this](const std::shared_ptr<HttpExchange>& exchange) {
                const QByteArray path = exchange->request().path();
                if (path == "/health") {
                    exchange->respond(200, {}, "ok");
                } else if (path.startsWith("/big/")) {
                    ++m_bigStarted;
                    exchange->respond(200, {}, QByteArray(4096, 'b'));
                } else if (path.startsWith("/later/")) {
                    // Answered from the event loop, as a routed request is.
                    QTimer::singleShot(0, exchange.get(),
                        [exchange, path] { exchange->respond(200, {}, path.mid(7)); });
                } else {
                    // Answered at once, inside the handler, as GET / and /health are.
                    exchange->respond(200, {}, path.mid(1));
                }
            },
            1);
        m_server->setHeadCheck(std::move(headCheck));
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }

    // The time from connecting to the whole answer of GET /health on a new connection.
    qint64 healthLatencyMs()
    {
        QElapsedTimer clock;
        clock.start();
        RawClient client(m_server->port());
        client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const QByteArray got = client.receive(
            [](const QByteArray& answer) { return answer.endsWith("\r\n\r\nok"); });
        const qint64 elapsed = clock.elapsed();
        if (!got.startsWith("HTTP/1.1 200"))
            return std::numeric_limits<qint64>::max();
        return elapsed;
    }

private slots:
    void cleanup() { m_server.reset(); }

    void answersAHundredThousandPipelinedRequestsInOrder()
    {
        start();
        constexpr int count = 100'000;
        QTcpSocket flood;
        FloodReader reader(flood);
        flood.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(flood.waitForConnected(5000));
        QElapsedTimer clock;
        clock.start();
        flood.write(pipelined(count));

        qint64 worstDuring = 0;
        int probesDuring = 0;
        QElapsedTimer sinceProbe;
        sinceProbe.start();
        while (reader.answered() < count && reader.connected() && clock.elapsed() < 120'000) {
            if (sinceProbe.elapsed() >= 100) {
                const int answeredBefore = reader.answered();
                const qint64 latency = healthLatencyMs();
                if (answeredBefore < count && reader.answered() < count) {
                    worstDuring = std::max(worstDuring, latency);
                    ++probesDuring;
                }
                sinceProbe.restart();
            }
            QTest::qWait(5);
        }
        const qint64 floodMs = clock.elapsed();
        const qint64 after = healthLatencyMs();
        qInfo("%d requests answered in %lld ms; /health: %d probes during, the slowest %lld ms; "
              "%lld ms after",
            reader.answered(), floodMs, probesDuring, worstDuring, after);

        QVERIFY2(reader.firstProblem().isEmpty(), reader.firstProblem().constData());
        QCOMPARE(reader.answered(), count);
        QVERIFY(reader.connected());
        QVERIFY(probesDuring > 0);
        QVERIFY2(worstDuring < 1000, qPrintable(QString::number(worstDuring)));
        QVERIFY2(after < 1000, qPrintable(QString::number(after)));
    }

    // A head check's refusal goes out as soon as the headers are in, without the body, and closes;
    // a request it lets through, and the one pipelined before the refused one, are answered.
    void aHeadCheckRefusesBeforeTheBody()
    {
        std::atomic<int> checked { 0 };
        start([&checked](const HttpRequest& head) -> std::optional<HttpRefusal> {
            ++checked;
            if (head.header("X-Key") == "right" || head.path() == "/0")
                return std::nullopt;
            return HttpRefusal { 401, { { "X-Refused", head.path() } }, "no" };
        });
        RawClient refused(m_server->port());
        refused.send("GET /0 HTTP/1.1\r\nHost: a\r\n\r\n"
                     "POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 33554432\r\n\r\n");
        QVERIFY(refused.waitClosed(2000));
        const QByteArray answer = refused.receive([](const QByteArray&) { return true; }, 0);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(answer.contains("\r\n\r\n0HTTP/1.1 401 Unauthorized\r\nX-Refused: /upload\r\n"));
        QVERIFY(answer.endsWith("Connection: close\r\n\r\nno"));

        RawClient head(m_server->port());
        head.send("HEAD /x HTTP/1.1\r\nHost: a\r\n\r\n");
        QVERIFY(head.waitClosed(2000));
        QVERIFY(head.receive([](const QByteArray&) { return true; }, 0).endsWith("\r\n\r\n"));

        RawClient allowed(m_server->port());
        allowed.send("GET /7 HTTP/1.1\r\nHost: a\r\nX-Key: right\r\n\r\n");
        QVERIFY(allowed.receiveCount("\r\n\r\n7", 1).startsWith("HTTP/1.1 200"));
        QCOMPARE(checked.load(), 4);
    }

    // Answers given later (from the event loop) and at once, interleaved, keep their order.
    void answersGivenLaterKeepTheirPlace()
    {
        start();
        constexpr int count = 10'000;
        QTcpSocket flood;
        FloodReader reader(flood);
        flood.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(flood.waitForConnected(5000));
        flood.write(pipelined(count, [](int i) { return i % 3 == 0; }));
        QTRY_VERIFY_WITH_TIMEOUT(reader.answered() == count || !reader.connected(), 60'000);
        QVERIFY2(reader.firstProblem().isEmpty(), reader.firstProblem().constData());
        QCOMPARE(reader.answered(), count);
    }

    // Past the pipelining depth the server stops reading: a client that never reads its answers
    // gets no more of them made, and every one once it reads.
    void aClientThatDoesNotReadIsHeldBack()
    {
        start();
        constexpr int count = 20'000; // 80 MB of answers, far more than the kernel's buffers
        QTcpSocket flood;
        flood.setReadBufferSize(4096); // the test reads nothing yet: TCP's window closes
        flood.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(flood.waitForConnected(5000));
        QByteArray requests;
        for (int i = 0; i < count; ++i)
            requests += "GET /big/" + QByteArray::number(i) + " HTTP/1.1\r\nHost: a\r\n\r\n";
        flood.write(requests);

        QTest::qWait(1000);
        const int heldAt = m_bigStarted;
        QTest::qWait(500);
        QCOMPARE(m_bigStarted.load(), heldAt);
        qInfo("%d of %d requests answered while the client read nothing", heldAt, count);
        QVERIFY(heldAt < count / 2);
        QVERIFY(healthLatencyMs() < 1000);

        flood.setReadBufferSize(0);
        qint64 received = 0;
        const qint64 wanted = qint64(count) * 4096;
        QElapsedTimer clock;
        clock.start();
        while (received < wanted && clock.elapsed() < 60'000) {
            QTest::qWait(5);
            const QByteArray got = flood.readAll();
            received += got.count('b');
        }
        QCOMPARE(m_bigStarted.load(), count);
        QCOMPARE(received, wanted);
    }
};

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "TestHttpConnection.moc"
