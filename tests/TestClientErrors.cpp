#include "router/inbound/ClientErrors.h"

#include <QJsonDocument>
#include <QTest>

class TestClientErrors : public QObject
{
    Q_OBJECT

private slots:
    void openAiShape()
    {
        ClientErrors::Error error = ClientErrors::unauthorized(QStringLiteral("no key"));
        error.metadata = { { "provider_responses", QJsonArray() } };
        const QJsonObject body
            = QJsonDocument::fromJson(ClientErrors::body(ClientProtocol::OpenAi, error)).object();
        QCOMPARE(body["error"]["message"].toString(), QStringLiteral("no key"));
        QCOMPARE(body["error"]["type"].toString(), QStringLiteral("invalid_request_error"));
        QCOMPARE(body["error"]["code"].toString(), QStringLiteral("invalid_api_key"));
        QVERIFY(body["error"]["metadata"]["provider_responses"].isArray());
        const QJsonObject noCode
            = QJsonDocument::fromJson(ClientErrors::body(ClientProtocol::OpenAi,
                                          ClientErrors::badRequest(QStringLiteral("bad"))))
                  .object();
        QVERIFY(noCode["error"]["code"].isNull());
    }

    void anthropicShape()
    {
        const QJsonObject body = QJsonDocument::fromJson(
            ClientErrors::body(ClientProtocol::Anthropic,
                { 429, QStringLiteral("slow down"), {}, {},
                    {} })).object();
        QCOMPARE(body["type"].toString(), QStringLiteral("error"));
        QCOMPARE(body["error"]["type"].toString(), QStringLiteral("rate_limit_error"));
        QCOMPARE(body["error"]["message"].toString(), QStringLiteral("slow down"));
    }

    void googleShape_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("google");
        QTest::newRow("bad request") << 400 << "INVALID_ARGUMENT";
        QTest::newRow("no key") << 401 << "UNAUTHENTICATED";
        QTest::newRow("forbidden") << 403 << "PERMISSION_DENIED";
        QTest::newRow("unknown model") << 404 << "NOT_FOUND";
        QTest::newRow("too large") << 413 << "FAILED_PRECONDITION";
        QTest::newRow("rate limit") << 429 << "RESOURCE_EXHAUSTED";
        QTest::newRow("router") << 500 << "INTERNAL";
        QTest::newRow("bad gateway") << 502 << "INTERNAL";
        QTest::newRow("unavailable") << 503 << "UNAVAILABLE";
        QTest::newRow("overloaded") << 529 << "UNAVAILABLE";
        QTest::newRow("timeout") << 504 << "DEADLINE_EXCEEDED";
    }

    void googleShape()
    {
        QFETCH(int, status);
        QFETCH(QString, google);
        ClientErrors::Error error { status, QStringLiteral("no"), {}, {}, {} };
        error.metadata = { { "provider_responses", QJsonArray() } };
        const QJsonObject body = QJsonDocument::fromJson(ClientErrors::googleBody(error)).object();
        QCOMPARE(body.keys(), QStringList { "error" });
        QCOMPARE(body["error"]["code"].toInt(), status);
        QCOMPARE(body["error"]["message"].toString(), QStringLiteral("no"));
        QCOMPARE(body["error"]["status"].toString(), google);
        QVERIFY(body["error"]["metadata"]["provider_responses"].isArray());
    }
};

QTEST_GUILESS_MAIN(TestClientErrors)
#include "TestClientErrors.moc"
