#include "router/http/PlainHttpRule.h"
#include "router/http/UpstreamConnectionPool.h"
#include "router/http/UpstreamLimits.h"
#include "router/upstream/UpstreamCall.h"
#include "tests/support/Compression.h"

#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>

using namespace std::chrono_literals;

namespace {

// A server on 127.0.0.1 that answers every whole request with scripted bytes, so the client's
// parsing, framing and connection reuse can be checked byte for byte. Plain, or TLS when given
// a QSslServer.
class ScriptedServer : public QObject
{
public:
    // The bytes to answer the n-th request with (from 0), and whether to close after them.
    using Script = std::function<QByteArray(int request)>;

    explicit ScriptedServer(QTcpServer* server = new QTcpServer)
        : m_server(server)
    {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection())
                serve(socket);
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    }

    quint16 port() const { return m_server->serverPort(); }
    QString url(const QString& scheme = QStringLiteral("http")) const
    {
        return QStringLiteral("%1://127.0.0.1:%2/v1/chat/completions?x=1").arg(scheme).arg(port());
    }

    // Closes every connection now, without waiting for the event loop.
    void closeConnections()
    {
        for (const QPointer<QTcpSocket>& socket : std::as_const(m_sockets)) {
            if (socket) {
                socket->flush();
                socket->disconnectFromHost();
            }
        }
    }

    Script script;
    bool closeAfterAnswer = false;
    int connections = 0;
    qint64 received = 0; // bytes, whole requests or not
    QList<QByteArray> requests; // as received, head and body

private:
    void serve(QTcpSocket* socket)
    {
        ++connections;
        m_sockets.append(socket);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            const QByteArray bytes = socket->readAll();
            received += bytes.size();
            buffer->append(bytes);
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = buffer->left(headEnd);
            const qsizetype lengthAt = head.indexOf("Content-Length: ");
            const qsizetype length
                = lengthAt < 0 ? 0 : head.mid(lengthAt + 16).split('\r').first().toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            requests.append(buffer->left(headEnd + 4 + length));
            buffer->remove(0, headEnd + 4 + length);
            socket->write(script(int(requests.size()) - 1));
            if (closeAfterAnswer) {
                socket->flush();
                socket->disconnectFromHost();
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer* m_server;
    QList<QPointer<QTcpSocket>> m_sockets;
};

// An HTTP proxy that only tunnels (CONNECT), as corporate proxies do for HTTPS.
class TunnelProxy : public QObject
{
public:
    TunnelProxy()
    {
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, &TunnelProxy::accept);
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
    }

    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> targets; // host:port of each tunnel asked for

private:
    void accept()
    {
        while (QTcpSocket* client = m_server.nextPendingConnection()) {
            auto head = std::make_shared<QByteArray>();
            connect(client, &QTcpSocket::readyRead, client, [this, client, head] {
                if (client->property("tunnel").isValid())
                    return;
                head->append(client->readAll());
                if (!head->contains("\r\n\r\n"))
                    return;
                const QByteArray target = head->split(' ').value(1);
                targets.append(target);
                auto* upstream = new QTcpSocket(client);
                client->setProperty("tunnel", true);
                connect(upstream, &QTcpSocket::connected, client, [client, upstream] {
                    client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                    connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                    connect(upstream, &QTcpSocket::readyRead, client,
                        [client, upstream] { client->write(upstream->readAll()); });
                });
                connect(
                    upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                upstream->connectToHost(
                    QHostAddress::LocalHost, target.split(':').value(1).toUShort());
            });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    QTcpServer m_server;
};

// What one call reported.
struct Outcome
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    QList<QByteArray> pieces;
    bool finished = false;
    QString errorClass;
    QString error;
};

UpstreamRequest chatRequest(const QString& url, HttpHeaders headers = {})
{
    return { QUrl(url), headers, QByteArray(R"({"model":"m"})"), {} };
}

Outcome run(UpstreamRequest request, const QString& caFile = {},
    UpstreamCall::Timeouts timeouts = { 2s, 2s, 2s })
{
    Outcome outcome;
    UpstreamCall call(std::move(request), caFile, timeouts);
    QObject::connect(&call, &UpstreamCall::responseStarted, [&] {
        outcome.status = call.status();
        outcome.headers = call.headers();
    });
    QObject::connect(&call, &UpstreamCall::dataArrived, [&](const QByteArray& bytes) {
        outcome.body += bytes;
        outcome.pieces.append(bytes);
    });
    QObject::connect(&call, &UpstreamCall::finished, [&] { outcome.finished = true; });
    QObject::connect(
        &call, &UpstreamCall::failed, [&](const QString& errorClass, const QString& message) {
            outcome.errorClass = errorClass;
            outcome.error = message;
        });
    call.start();
    const bool ended
        = QTest::qWaitFor([&] { return outcome.finished || !outcome.errorClass.isEmpty(); }, 5000);
    if (!ended)
        outcome.error = QStringLiteral("the call never ended");
    return outcome;
}

QByteArray ok(const QByteArray& body, const QByteArray& extraHeaders = {})
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extraHeaders
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray chunked(const QByteArray& body, const QByteArray& head)
{
    QByteArray answer = "HTTP/1.1 200 OK\r\n" + head + "Transfer-Encoding: chunked\r\n\r\n";
    for (qsizetype at = 0; at < body.size(); at += 7) {
        const QByteArray piece = body.mid(at, 7);
        answer += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return answer + "0\r\n\r\n";
}

// A self-signed certificate for 127.0.0.1, its own CA, made with openssl as <name>.pem, with
// its key as <name>.key, in `dir`.
bool makeCertificate(const QTemporaryDir& dir, const QString& name)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
            QStringLiteral("-keyout"), dir.filePath(name + QStringLiteral(".key")),
            QStringLiteral("-out"), dir.filePath(name + QStringLiteral(".pem")) });
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit
        && openssl.exitCode() == 0;
}

QSslCertificate certificate(const QTemporaryDir& dir, const QString& name)
{
    return QSslCertificate::fromPath(dir.filePath(name + QStringLiteral(".pem"))).value(0);
}

// A server that speaks TLS with the certificate <name> of `dir`.
QSslServer* tlsServer(const QTemporaryDir& dir, const QString& name)
{
    auto* tls = new QSslServer;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate(dir, name));
    QFile keyFile(dir.filePath(name + QStringLiteral(".key")));
    if (keyFile.open(QIODevice::ReadOnly))
        configuration.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    tls->setSslConfiguration(configuration);
    return tls;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

} // namespace

class TestUpstreamCall : public QObject
{
    Q_OBJECT

private slots:
    void sendsOneWellFormedRequest()
    {
        ScriptedServer server;
        server.script = [](int) {
            return ok("{}");
        };
        const Outcome outcome = run(chatRequest(server.url(),
            { { "Authorization", "Bearer sk-1" }, { "Content-Type", "application/json" } }));
        QVERIFY2(outcome.finished, qPrintable(outcome.error));
        QCOMPARE(server.requests.size(), 1);
        const QByteArray expected = "POST /v1/chat/completions?x=1 HTTP/1.1\r\n"
                                    "Host: 127.0.0.1:"
            + QByteArray::number(server.port())
            + "\r\n"
              "Authorization: Bearer sk-1\r\n"
              "Content-Type: application/json\r\n"
              "Content-Length: 13\r\n"
              "\r\n"
              R"({"model":"m"})";
        QCOMPARE(server.requests.first(), expected);
    }

    void readsStatusHeadersAndBody()
    {
        ScriptedServer server;
        server.script = [](int) {
            return QByteArray("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n"
                              "Content-Length: 2\r\n\r\n{}");
        };
        const Outcome outcome = run(chatRequest(server.url()));
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.status, 429);
        QCOMPARE(headerValue(outcome.headers, "retry-after"), "7");
        QCOMPARE(outcome.body, "{}");
    }

    void readsChunkedAndCloseDelimitedBodies_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("close");
        QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                                               "\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                                 << false;
        QTest::newRow("until close")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello world") << true;
        QTest::newRow("after 100 Continue") << QByteArray(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 11\r\n"
            "\r\nhello world") << false;
    }
    void readsChunkedAndCloseDelimitedBodies()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, close);
        ScriptedServer server;
        server.script = [answer](int) {
            return answer;
        };
        server.closeAfterAnswer = close;
        const Outcome outcome = run(chatRequest(server.url()));
        QVERIFY2(outcome.finished, qPrintable(outcome.error));
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body, "hello world");
    }

    void decodesCompressedAnswers_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::newRow("gzip") << QByteArray("gzip");
        QTest::newRow("deflate") << QByteArray("deflate");
    }
    void decodesCompressedAnswers()
    {
        QFETCH(QByteArray, encoding);
        const QByteArray plain = R"({"choices":[{"message":{"content":"hello, hello, hello"}}]})";
        ScriptedServer server;
        server.script = [&](int) {
            return chunked(
                compressed(plain, encoding == "gzip"), "Content-Encoding: " + encoding + "\r\n");
        };
        const Outcome outcome = run(chatRequest(server.url()));
        QVERIFY2(outcome.finished, qPrintable(outcome.error));
        QCOMPARE(outcome.body, plain);
        QVERIFY(headerValue(outcome.headers, "content-encoding").isEmpty());
        QVERIFY(!server.requests.first().contains("Accept-Encoding")); // plain bytes are asked for
    }

    void refusesAnswersItCannotDecode_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("error");
        QTest::newRow("brotli") << chunked("\x1b\x03", "Content-Encoding: br\r\n")
                                << QStringLiteral("cannot read (br)");
        QTest::newRow("corrupt") << chunked("not gzip at all", "Content-Encoding: gzip\r\n")
                                 << QStringLiteral("corrupt");
        QTest::newRow("cut short")
            << chunked(compressed("hello world", true).chopped(6), "Content-Encoding: gzip\r\n")
            << QStringLiteral("ends early");
        // 1 GiB of zeros in 1 MiB: ended at the limit, which the message names.
        QTest::newRow("compression bomb")
            << ok(gzipBomb(1024), "Content-Encoding: gzip\r\n")
            << QStringLiteral("more than %1 MiB").arg(UpstreamLimits::maxBodyBytes / 1024 / 1024);
    }
    void refusesAnswersItCannotDecode()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, error);
        ScriptedServer server;
        server.script = [answer](int) {
            return answer;
        };
        const Outcome outcome = run(chatRequest(server.url()));
        QVERIFY(!outcome.finished);
        QVERIFY2(outcome.error.contains(error), qPrintable(outcome.error));
    }

    void reusesAKeptAliveConnection()
    {
        ScriptedServer server;
        server.script = [](int n) {
            return ok(QByteArray::number(n));
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run(chatRequest(server.url())).body, QByteArray::number(i));
        QCOMPARE(server.connections, 1);
    }

    void neverReusesAConnectionTheProviderClosed_data()
    {
        QTest::addColumn<QByteArray>("extraHeaders");
        QTest::addColumn<bool>("eventLoopSeesTheClose");
        QTest::newRow("Connection: close") << QByteArray("Connection: close\r\n") << true;
        QTest::newRow("closed while idle") << QByteArray() << true;
        // The close has arrived but no event told the client yet: the next request must not
        // be lost on that connection.
        QTest::newRow("closed, not yet noticed") << QByteArray() << false;
    }
    void neverReusesAConnectionTheProviderClosed()
    {
        QFETCH(QByteArray, extraHeaders);
        QFETCH(bool, eventLoopSeesTheClose);
        ScriptedServer server;
        server.script = [extraHeaders](int) {
            return ok("{}", extraHeaders);
        };
        QVERIFY(run(chatRequest(server.url())).finished);
        server.closeConnections();
        if (eventLoopSeesTheClose)
            QTest::qWait(50);
        else
            QThread::msleep(50);
        const Outcome second = run(chatRequest(server.url()));
        QVERIFY2(second.finished, qPrintable(second.error));
        QCOMPARE(server.connections, 2);
    }

    void reportsAnswersThatBreakOff_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("error");
        QTest::newRow("nothing") << QByteArray() << QStringLiteral("without answering");
        QTest::newRow("cut body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel")
                                  << QStringLiteral("in the middle of the answer");
        QTest::newRow("cut chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
            << QStringLiteral("in the middle of the answer");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                  << QStringLiteral("not valid HTTP");
    }
    void reportsAnswersThatBreakOff()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, error);
        ScriptedServer server;
        server.script = [answer](int) {
            return answer;
        };
        server.closeAfterAnswer = true;
        const Outcome outcome = run(chatRequest(server.url()));
        QVERIFY(!outcome.finished);
        QCOMPARE(outcome.errorClass, QStringLiteral("server_error"));
        QVERIFY2(outcome.error.contains(error), qPrintable(outcome.error));
    }

    void timesOutWhenTheAnswerStalls()
    {
        ScriptedServer server;
        server.script = [](int) {
            return QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel");
        };
        const Outcome outcome = run(chatRequest(server.url()), {}, { 2s, 2s, 200ms });
        QCOMPARE(outcome.body, "hel");
        QCOMPARE(outcome.errorClass, QStringLiteral("timeout"));
        QCOMPARE(outcome.error, QStringLiteral("no data in time"));
    }

    void refusesHeadersWithLineBreaks()
    {
        ScriptedServer server;
        server.script = [](int) {
            return ok("{}");
        };
        const Outcome outcome = run(
            chatRequest(server.url(), { { "Authorization", "Bearer sk-1\r\nX-Injected: 1" } }));
        QVERIFY(!outcome.finished);
        QVERIFY2(outcome.error.contains(u"line break"), qPrintable(outcome.error));
        QTest::qWait(50);
        QVERIFY(server.requests.isEmpty());
    }

    void reportsARefusedConnection()
    {
        quint16 port = 0;
        {
            QTcpServer closed;
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            port = closed.serverPort();
        }
        const Outcome outcome
            = run(chatRequest(QStringLiteral("http://127.0.0.1:%1/v1/chat/completions").arg(port)));
        QCOMPARE(outcome.errorClass, QStringLiteral("server_error"));
        QVERIFY2(outcome.error.contains(u"refused"), qPrintable(outcome.error));
    }

    void speaksTlsAndChecksTheCertificate()
    {
        QTemporaryDir dir;
        QVERIFY(makeCertificate(dir, QStringLiteral("server")));
        ScriptedServer server(tlsServer(dir, QStringLiteral("server")));
        server.script = [](int n) {
            return ok(QByteArray::number(n));
        };

        const QString url = server.url(QStringLiteral("https"));
        const Outcome untrusted = run(chatRequest(url));
        QCOMPARE(untrusted.errorClass, QStringLiteral("server_error"));
        QVERIFY2(untrusted.error.contains(u"certificate", Qt::CaseInsensitive),
            qPrintable(untrusted.error));
        QVERIFY(server.requests.isEmpty());

        const int connectionsBefore = server.connections;
        for (int i = 0; i < 3; ++i) {
            const Outcome trusted
                = run(chatRequest(url), dir.filePath(QStringLiteral("server.pem")));
            QVERIFY2(trusted.finished, qPrintable(trusted.error));
            QCOMPARE(trusted.body, QByteArray::number(i));
        }
        QCOMPARE(server.connections - connectionsBefore, 1);
    }

    void trustsACaFileInDerForm()
    {
        QTemporaryDir dir;
        QVERIFY(makeCertificate(dir, QStringLiteral("server")));
        ScriptedServer server(tlsServer(dir, QStringLiteral("server")));
        server.script = [](int) {
            return ok("{}");
        };
        const QString der = dir.filePath(QStringLiteral("ca.der"));
        QVERIFY(writeFile(der, certificate(dir, QStringLiteral("server")).toDer()));
        const Outcome outcome = run(chatRequest(server.url(QStringLiteral("https"))), der);
        QVERIFY2(outcome.finished, qPrintable(outcome.error));
    }

    void refusesACaFileWithoutACertificate_data()
    {
        QTest::addColumn<QByteArray>("content"); // null: no file at all
        QTest::addColumn<QString>("error");
        QTest::newRow("text") << QByteArray("not a certificate\n")
                              << QStringLiteral("holds no certificate in PEM or DER form");
        QTest::newRow("empty") << QByteArray("")
                               << QStringLiteral("holds no certificate in PEM or DER form");
        QTest::newRow("missing") << QByteArray()
                                 << QStringLiteral("does not exist or cannot be read");
    }
    void refusesACaFileWithoutACertificate()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString caFile = dir.filePath(QStringLiteral("ca.pem"));
        if (!content.isNull())
            QVERIFY(writeFile(caFile, content));
        ScriptedServer server;
        const Outcome outcome = run(chatRequest(server.url(QStringLiteral("https"))), caFile);
        QCOMPARE(outcome.errorClass, QStringLiteral("configuration"));
        QVERIFY2(outcome.error.contains(error) && outcome.error.contains(caFile),
            qPrintable(outcome.error));
        QCOMPARE(server.connections, 0); // nothing is sent without the trust the key asks for
    }

    void rereadsACaFileThatChanged()
    {
        QTemporaryDir dir;
        QVERIFY(makeCertificate(dir, QStringLiteral("server")));
        QVERIFY(makeCertificate(dir, QStringLiteral("other")));
        ScriptedServer server(tlsServer(dir, QStringLiteral("server")));
        server.script = [](int) {
            return ok("{}");
        };
        const QString url = server.url(QStringLiteral("https"));
        const QString caFile = dir.filePath(QStringLiteral("ca"));
        const QByteArray serverCa = certificate(dir, QStringLiteral("server")).toPem();
        QVERIFY(writeFile(caFile, serverCa));
        const Outcome trusted = run(chatRequest(url), caFile);
        QVERIFY2(trusted.finished, qPrintable(trusted.error));

        // Another CA in its place: the server is no longer trusted, on a new connection.
        QVERIFY(writeFile(caFile, certificate(dir, QStringLiteral("other")).toDer()));
        const Outcome replaced = run(chatRequest(url), caFile);
        QCOMPARE(replaced.errorClass, QStringLiteral("server_error"));
        QVERIFY2(replaced.error.contains(u"certificate", Qt::CaseInsensitive),
            qPrintable(replaced.error));

        QVERIFY(writeFile(caFile, "emptied\n"));
        QCOMPARE(run(chatRequest(url), caFile).errorClass, QStringLiteral("configuration"));

        QVERIFY(writeFile(caFile, serverCa));
        const Outcome again = run(chatRequest(url), caFile);
        QVERIFY2(again.finished, qPrintable(again.error));
    }

    void goesThroughTheSystemProxy()
    {
        QTemporaryDir dir;
        QVERIFY(makeCertificate(dir, QStringLiteral("server")));
        const QString caFile = dir.filePath(QStringLiteral("server.pem"));
        TunnelProxy proxy;
        ScriptedServer server(tlsServer(dir, QStringLiteral("server")));
        server.script = [](int) {
            return ok("{}");
        };
        const QByteArray proxyUrl = "http://127.0.0.1:" + QByteArray::number(proxy.port());
        qputenv("https_proxy", proxyUrl);
        qputenv("http_proxy", proxyUrl);
        qunsetenv("no_proxy");
        qunsetenv("NO_PROXY");
        const auto restore = qScopeGuard([] {
            qunsetenv("https_proxy");
            qunsetenv("http_proxy");
        });
        const Outcome outcome = run(chatRequest(server.url(QStringLiteral("https"))), caFile);
        QVERIFY2(outcome.finished, qPrintable(outcome.error));
        QCOMPARE(proxy.targets, { "127.0.0.1:" + QByteArray::number(server.port()) });
        QCOMPARE(server.requests.size(), 1);
    }

    void plainHttpGoesDirectlyNotThroughTheProxy()
    {
        TunnelProxy proxy;
        ScriptedServer server;
        server.script = [](int) {
            return ok("{}");
        };
        qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port()));
        qunsetenv("no_proxy");
        qunsetenv("NO_PROXY");
        const auto restore = qScopeGuard([] { qunsetenv("http_proxy"); });
        const Outcome outcome = run(chatRequest(server.url()));
        QVERIFY2(outcome.finished, qPrintable(outcome.error));
        // The address the connection reached is the service's own, for PlainHttpRule to judge.
        QVERIFY(proxy.targets.isEmpty());
        QCOMPARE(server.requests.size(), 1);
    }

    void sendsNothingOverPlainHttpToAnAddressTheRuleRefuses()
    {
        ScriptedServer server;
        server.script = [](int) {
            return ok("{}");
        };
        // A test must not reach a public address: the loopback server plays one. What the rule
        // says of that address is what a real one would hear.
        UpstreamConnectionPool& pool = UpstreamConnectionPool::forCurrentThread();
        pool.setPeerCheck([](const QUrl& origin, const QHostAddress& peer) {
            return PlainHttpRule::checkPeer(
                origin, peer.isLoopback() ? QHostAddress(QStringLiteral("203.0.113.5")) : peer);
        });
        const auto restore = qScopeGuard([&] { pool.setPeerCheck(&PlainHttpRule::checkPeer); });
        const Outcome outcome
            = run(chatRequest(server.url(), { { "Authorization", "Bearer sk-plain-secret" } }));
        QCOMPARE(outcome.errorClass, QStringLiteral("configuration")); // fails over, no health mark
        QVERIFY2(
            outcome.error.contains(u"Nothing was sent") && outcome.error.contains(u"203.0.113.5"),
            qPrintable(outcome.error));
        QTRY_COMPARE(server.connections, 1); // it did connect,
        QTest::qWait(100);
        QCOMPARE(server.received, 0); // but wrote nothing, the key least of all
        QCOMPARE(pool.idleConnections(), 0);
    }

    void cancellingMidAnswerClosesTheConnection()
    {
        ScriptedServer server;
        server.script = [](int) {
            return QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhel");
        };
        {
            UpstreamCall call(chatRequest(server.url()), {}, { 2s, 2s, 2s });
            QSignalSpy data(&call, &UpstreamCall::dataArrived);
            call.start();
            QVERIFY(data.wait());
            call.cancel();
        }
        QCOMPARE(UpstreamConnectionPool::forCurrentThread().idleConnections(), 0);
        server.script = [](int) {
            return ok("{}");
        };
        QVERIFY(run(chatRequest(server.url())).finished);
        QCOMPARE(server.connections, 2);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamCall)
#include "TestUpstreamCall.moc"
