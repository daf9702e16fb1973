// The router's HTTP surface (DESIGN.md section 3) and its answers to bad input, over real
// sockets.
#include "tests/support/RawClient.h"
#include "tests/support/RouterHarness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestRouter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RouterHarness> m_harness;

    RouterHarness& h() { return *m_harness; }
    quint16 port() { return h().router().port(); }

    // Sends raw bytes and returns everything until the connection closes or the answer's end.
    QByteArray exchangeRaw(const QByteArray& request)
    {
        RawClient client(port());
        client.send(request);
        return client.receive([](const QByteArray& got) {
            const qsizetype headerEnd = got.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return false;
            const qsizetype length = got.indexOf("Content-Length: ");
            if (length < 0 || length > headerEnd)
                return false;
            const int bodySize
                = got.mid(length + 16, got.indexOf("\r\n", length) - length - 16).toInt();
            return got.size() >= headerEnd + 4 + bodySize;
        });
    }
    QByteArray rawRequest(const QByteArray& method, const QByteArray& path,
        const QByteArray& extraHeaders, const QByteArray& body = {})
    {
        return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port())
            + "\r\n" + extraHeaders + "Content-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body;
    }
    static QJsonValue bodyOf(const QByteArray& raw)
    {
        return QJsonDocument::fromJson(raw.mid(raw.indexOf("\r\n\r\n") + 4)).object();
    }

private slots:
    void init()
    {
        m_harness = std::make_unique<RouterHarness>();
        h().setKeys({ { QStringLiteral("A"), Tier::Prioritized,
                          { QStringLiteral("m-one"), QStringLiteral("m-two") },
                          QStringLiteral("openai-compatible") },
            { QStringLiteral("B") } });
    }
    void cleanup() { m_harness.reset(); }

    void headAndHealthAnswerAtOnceWithoutAKey()
    {
        const QByteArray head = exchangeRaw(rawRequest("HEAD", "/", {}));
        QVERIFY(head.startsWith("HTTP/1.1 200"));
        QVERIFY(head.endsWith("\r\n\r\n")); // headers only
        QCOMPARE(h().get(QStringLiteral("/"), {}).status, 200);
        const auto health = h().get(QStringLiteral("/health"), {});
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json()["status"].toString(), QStringLiteral("ok"));
    }

    void everyOtherRequestNeedsAKnownLocalKey_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::newRow("none") << QByteArray() << 401;
        QTest::newRow("unknown") << QByteArray("Authorization: Bearer kw-" + QByteArray(43, 'x')
            + "\r\n") << 401;
        QTest::newRow("not a local key")
            << QByteArray("Authorization: Bearer not-a-key\r\n") << 401;
        QTest::newRow("Bearer") << QByteArray("Authorization: Bearer " + RouterHarness::token()
            + "\r\n") << 200;
        QTest::newRow("x-api-key")
            << QByteArray("x-api-key: " + RouterHarness::token() + "\r\n") << 200;
    }
    void everyOtherRequestNeedsAKnownLocalKey()
    {
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        const QByteArray answer = exchangeRaw(rawRequest("GET", "/v1/models", headers));
        QVERIFY2(answer.startsWith("HTTP/1.1 " + QByteArray::number(status)), answer.constData());
        if (status == 401) {
            const QJsonObject error = bodyOf(answer)["error"].toObject();
            QCOMPARE(error["code"].toString(), QStringLiteral("invalid_api_key"));
            QVERIFY(!error["message"].toString().isEmpty());
        }
    }

    void aForeignHostIsRefused()
    {
        const QByteArray answer = exchangeRaw("GET /v1/models HTTP/1.1\r\nHost: evil.example\r\n"
                                              "Authorization: Bearer "
            + RouterHarness::token() + "\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 403"), answer.constData());
        QVERIFY(!answer.contains("Access-Control-Allow-Origin"));
        QCOMPARE(bodyOf(answer)["error"]["code"].toString(), QStringLiteral("host_not_allowed"));
    }

    // A web page in the user's browser calling http://127.0.0.1 directly: the Host is local, but
    // the browser names the page in Origin. Refused on every path, before the body, with no CORS
    // header that would let the page read even the refusal; the router goes on serving.
    void aWebPagesRequestIsRefused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("headers");
        const QByteArray key = "x-api-key: " + RouterHarness::token() + "\r\n";
        QTest::newRow("chat from a page")
            << QByteArray("POST") << QByteArray("/v1/chat/completions")
            << "Origin: https://evil.example\r\nContent-Type: text/plain\r\n" + key;
        QTest::newRow("health from a page") << QByteArray("GET") << QByteArray("/health")
                                            << QByteArray("Origin: http://evil.example:4141\r\n");
        QTest::newRow("preflight") << QByteArray("OPTIONS") << QByteArray("/v1/chat/completions")
                                   << QByteArray("Origin: https://evil.example\r\n"
                                                 "Access-Control-Request-Method: POST\r\n");
        QTest::newRow("sandboxed frame or file:")
            << QByteArray("GET") << QByteArray("/v1/models") << "Origin: null\r\n" + key;
        QTest::newRow("localhost look-alike") << QByteArray("GET") << QByteArray("/v1/models")
                                              << "Origin: http://localhost.evil.example\r\n" + key;
        QTest::newRow("a LAN page") << QByteArray("GET") << QByteArray("/v1/models")
                                    << "Origin: http://192.168.1.20\r\n" + key;
    }
    void aWebPagesRequestIsRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, headers);
        const QByteArray chat = QJsonDocument(RouterHarness::chat(QStringLiteral("m-one")))
                                    .toJson(QJsonDocument::Compact);
        const QByteArray answer = exchangeRaw(
            rawRequest(method, path, headers, method == "POST" ? chat : QByteArray()));
        QVERIFY2(answer.startsWith("HTTP/1.1 403"), answer.constData());
        QVERIFY(!answer.contains("Access-Control-Allow"));
        QCOMPARE(bodyOf(answer)["error"]["code"].toString(), QStringLiteral("origin_not_allowed"));
        QVERIFY(h().fake().attempts().isEmpty());
        // The router goes on serving.
        QCOMPARE(h().get(QStringLiteral("/health"), {}).status, 200);
        QCOMPARE(h().post(QStringLiteral("/v1/chat/completions"),
                        RouterHarness::chat(QStringLiteral("m-one")))
                     .status,
            200);
    }

    // A tool served from this machine (a local web UI) may call the router from its page.
    void aLocalPageIsServed()
    {
        const QByteArray answer = exchangeRaw(rawRequest("GET", "/v1/models",
            "Origin: http://localhost:3000\r\nx-api-key: " + RouterHarness::token() + "\r\n"));
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());
    }

    void badBodiesGetAClearOpenAiError_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("malformed JSON") << QByteArray("{\"model\": ") << QStringLiteral("JSON");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("object");
        QTest::newRow("no model") << QByteArray("{\"messages\": []}") << QStringLiteral("model");
        QTest::newRow("model not a string")
            << QByteArray("{\"model\": 4}") << QStringLiteral("model");
        QTest::newRow("models not strings")
            << QByteArray("{\"model\": \"gpt-4.1\", \"models\": [1]}") << QStringLiteral("models");
    }
    void badBodiesGetAClearOpenAiError()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const QByteArray answer = exchangeRaw(RawClient::chatRequest(RouterHarness::token(), body));
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        const QJsonObject error = bodyOf(answer)["error"].toObject();
        QCOMPARE(error["type"].toString(), QStringLiteral("invalid_request_error"));
        QVERIFY2(
            error["message"].toString().contains(says), qPrintable(error["message"].toString()));
        QVERIFY(h().fake().attempts().isEmpty());
    }

    // To a caller with a key; one without learns nothing about which paths exist.
    void unknownPathsAndMethodsAreNamed()
    {
        QCOMPARE(h().get(QStringLiteral("/v2/things")).status, 404);
        QCOMPARE(h().get(QStringLiteral("/v1/chat/completions")).status, 405);
        QCOMPARE(h().get(QStringLiteral("/v2/things"), {}).status, 401);
        QCOMPARE(h().get(QStringLiteral("/v1/chat/completions"), "kw-unknown").status, 401);
    }

    // Host and key are checked as soon as the headers are complete: a refused caller is answered
    // in its protocol and the connection closed without waiting for the 32 MiB it announced.
    void aRefusedCallerIsAnsweredBeforeItsBody_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        const QByteArray key = RouterHarness::token();
        const QByteArray here = "Host: 127.0.0.1\r\n";
        QTest::newRow("no key") << QByteArray("/v1/chat/completions") << here << 401;
        QTest::newRow("unknown key")
            << QByteArray("/v1/chat/completions")
            << here + "Authorization: Bearer kw-" + QByteArray(43, 'x') + "\r\n"
            << 401;
        QTest::newRow("unknown key, Anthropic")
            << QByteArray("/v1/messages") << here + "x-api-key: kw-" + QByteArray(43, 'x') + "\r\n"
            << 401;
        QTest::newRow("unknown path") << QByteArray("/v2/upload") << here << 401;
        QTest::newRow("foreign Host")
            << QByteArray("/v1/chat/completions")
            << "Host: evil.example\r\nAuthorization: Bearer " + key + "\r\n"
            << 403;
        QTest::newRow("foreign Host, Anthropic")
            << QByteArray("/v1/messages") << "Host: evil.example\r\nx-api-key: " + key + "\r\n"
            << 403;
    }
    void aRefusedCallerIsAnsweredBeforeItsBody()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        RawClient client(port());
        QElapsedTimer clock;
        clock.start();
        client.send("POST " + path + " HTTP/1.1\r\n" + headers
            + "Content-Type: application/json\r\nContent-Length: 33554432\r\n\r\n");
        QVERIFY(client.waitClosed(2000)); // the body is never sent
        const QByteArray answer = client.receive([](const QByteArray&) { return true; }, 0);
        qInfo("answered and closed in %lld ms", clock.elapsed());
        QVERIFY2(answer.startsWith("HTTP/1.1 " + QByteArray::number(status)), answer.constData());
        QVERIFY(answer.contains("Connection: close\r\n"));
        const QJsonObject body = bodyOf(answer).toObject();
        if (path.startsWith("/v1/messages")) {
            QCOMPARE(body["type"].toString(), QStringLiteral("error"));
            QCOMPARE(body["error"]["type"].toString(),
                status == 401 ? QStringLiteral("authentication_error")
                              : QStringLiteral("permission_error"));
        } else {
            QCOMPARE(body["error"]["code"].toString(),
                status == 401 ? QStringLiteral("invalid_api_key")
                              : QStringLiteral("host_not_allowed"));
        }
        QVERIFY(h().fake().attempts().isEmpty());
    }

    void aKnownKeyStillSendsALargeBody()
    {
        QJsonObject chat = RouterHarness::chat(QStringLiteral("m-one"));
        chat["messages"] = QJsonArray { QJsonObject {
            { "role", "user" }, { "content", QString(8 * 1024 * 1024, u'x') } } };
        const auto response = h().post(QStringLiteral("/v1/chat/completions"), chat);
        QCOMPARE(response.status, 200);
        QCOMPARE(h().fake().attempts().size(), 1);
    }

    void anOversizedBodyIs413()
    {
        const QByteArray answer = exchangeRaw(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + RouterHarness::token() + "\r\nContent-Length: 40000000\r\n\r\n{");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    }

    void contentLengthWithTransferEncodingIsRefused()
    {
        const QByteArray answer = exchangeRaw(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
        QVERIFY(h().fake().attempts().isEmpty());
    }

    void aChunkedRequestBodyIsRouted()
    {
        const QByteArray body = QJsonDocument(RouterHarness::chat(QStringLiteral("gpt-4.1")))
                                    .toJson(QJsonDocument::Compact);
        RawClient client(port());
        client.send("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    "Bearer "
            + RouterHarness::token() + "\r\nTransfer-Encoding: chunked\r\n\r\n"
            + QByteArray::number(10, 16) + "\r\n" + body.left(10) + "\r\n"
            + QByteArray::number(body.size() - 10, 16) + "\r\n" + body.mid(10) + "\r\n0\r\n\r\n");
        const QByteArray answer = client.receive(
            [](const QByteArray& got) { return got.contains("\"finish_reason\""); });
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    }

    void modelsListWhatTheCallerCanReach()
    {
        const auto response = h().get(QStringLiteral("/v1/models"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json()["object"].toString(), QStringLiteral("list"));
        QStringList ids;
        for (const QJsonValue& model : response.json()["data"].toArray())
            ids.append(model["id"].toString());
        QCOMPARE(ids, (QStringList { QStringLiteral("m-one"), QStringLiteral("m-two") }));
    }

    void generationsAreFoundInMemoryThenInTheArchive()
    {
        const auto routed = h().post(
            QStringLiteral("/v1/chat/completions"), RouterHarness::chat(QStringLiteral("m-one")));
        const QString id = QString::fromLatin1(routed.header("x-keyway-request-id"));
        auto found = h().get(QStringLiteral("/api/v1/generation?id=") + id);
        QCOMPARE(found.status, 200);
        QCOMPARE(found.json()["data"]["id"].toString(), id);
        QCOMPARE(found.json()["data"]["key_label"].toString(), QStringLiteral("A"));
        const QJsonArray responses = found.json()["data"]["provider_responses"].toArray();
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses[0]["status"].toInt(), 200);
        QCOMPARE(responses[0]["provider_name"].toString(), QStringLiteral("openai-compatible"));

        // Older records come from the archive (the app's database); other workspaces' never.
        h().router().setArchiveLookup(
            [](const QString& wanted, std::function<void(std::optional<RequestRecord>)> done) {
                RequestRecord record;
                record.id = wanted;
                record.workspaceId = wanted == u"gen-old" ? RouterHarness::workspaceId : 99;
                done(record);
            });
        QCOMPARE(h().get(QStringLiteral("/api/v1/generation?id=gen-old")).status, 200);
        QCOMPARE(h().get(QStringLiteral("/api/v1/generation?id=gen-theirs")).status, 404);
        QCOMPARE(h().get(QStringLiteral("/api/v1/generation")).status, 400);
    }

    void aRemovedKeyFinishesItsRequestsInFlight()
    {
        h().fake().script("a", {},
            { FakeProvider::Behaviour::SlowFirstToken, 200, {}, {},
                std::chrono::milliseconds(500) });
        RawClient client(port());
        const QByteArray body
            = QJsonDocument(RouterHarness::chat(QStringLiteral("m-one"), true)).toJson();
        client.send(RawClient::chatRequest(RouterHarness::token(), body));
        QTRY_COMPARE(h().fake().attempts().size(), 1);
        h().setKeys({ { QStringLiteral("B") } }); // A is gone from the next snapshot
        const QByteArray answer
            = client.receive([](const QByteArray& got) { return got.contains("[DONE]"); });
        QVERIFY2(answer.contains("x-keyway-key: A"), answer.constData());
        QVERIFY(answer.contains("data: [DONE]"));
        QCOMPARE(h().post(QStringLiteral("/v1/chat/completions"),
                        RouterHarness::chat(QStringLiteral("m-one")))
                     .status,
            404);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "TestRouter.moc"
