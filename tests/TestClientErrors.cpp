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
};

QTEST_GUILESS_MAIN(TestClientErrors)
#include "TestClientErrors.moc"
