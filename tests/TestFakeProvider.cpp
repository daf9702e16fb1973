#include "tests/support/FakeProvider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;
using Behaviour = FakeProvider::Behaviour;

// The fake provider as a client meets it: what later router tests stand on.
class TestFakeProvider : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    QNetworkReply* post(
        FakeProvider& provider, const QByteArray& key, const char* model, bool stream)
    {
        QNetworkRequest request(QUrl(provider.baseUrl() + "/chat/completions"));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + key);
        request.setTransferTimeout(3000);
        const QJsonObject body { { "model", model }, { "stream", stream } };
        return m_network.post(request, QJsonDocument(body).toJson());
    }

    // The whole reply: status, body, and the error the client saw.
    struct Seen
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    Seen finish(QNetworkReply* reply, int timeoutMs = 5000)
    {
        QByteArray body;
        connect(reply, &QIODevice::readyRead, this, [&] { body += reply->readAll(); });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(timeoutMs);
        body += reply->readAll();
        Seen seen { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), body,
            reply->error() };
        reply->deleteLater();
        return seen;
    }

private slots:
    void answersAndRecordsAttempts()
    {
        FakeProvider provider;
        Seen seen = finish(post(provider, "sk-a", "gpt-4.1", false));
        QCOMPARE(seen.status, 200);
        QCOMPARE(QJsonDocument::fromJson(seen.body).object().value("model").toString(),
            QString("gpt-4.1"));
        seen = finish(post(provider, "sk-b", "gpt-4.1", true));
        QVERIFY(seen.body.startsWith("data: "));
        QVERIFY(seen.body.endsWith("data: [DONE]\n\n"));
        QVERIFY(seen.body.contains("\"usage\""));
        const auto attempts = provider.attempts();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(0).key, QByteArray("sk-a"));
        QCOMPARE(attempts.at(1).key, QByteArray("sk-b"));
        QVERIFY(attempts.at(1).stream);
        QVERIFY(attempts.at(1).at >= attempts.at(0).at);
    }

    void scriptsPerKeyAndModel()
    {
        FakeProvider provider;
        provider.script("sk-a", {},
            { Behaviour::Status, 429, { { "Retry-After", "7" } },
                R"({"error":{"code":"rate_limit_exceeded"}})", 0ms });
        provider.script("sk-a", "gpt-4o",
            { Behaviour::Status, 404, {}, R"({"error":{"code":"model_not_found"}})", 0ms });
        QCOMPARE(finish(post(provider, "sk-a", "gpt-4.1", false)).status, 429);
        QCOMPARE(finish(post(provider, "sk-a", "gpt-4o", false)).status, 404);
        QCOMPARE(finish(post(provider, "sk-other", "gpt-4o", false)).status, 200);
    }

    void failsAsScripted()
    {
        FakeProvider provider;
        provider.script("reset", {}, { Behaviour::ResetBeforeHeaders, 0, {}, {}, 0ms });
        provider.script("silent", {}, { Behaviour::NoAnswer, 0, {}, {}, 0ms });
        provider.script("cut", {}, { Behaviour::CutMidStream, 0, {}, {}, 0ms });
        provider.script("stall", {}, { Behaviour::StallMidStream, 0, {}, {}, 0ms });
        provider.script("malformed", {}, { Behaviour::MalformedEvent, 0, {}, {}, 0ms });
        provider.script("nodone", {}, { Behaviour::StreamWithoutDone, 0, {}, {}, 0ms });
        provider.script("slow", {}, { Behaviour::SlowFirstToken, 0, {}, {}, 400ms });

        QVERIFY(finish(post(provider, "reset", "m", false)).error != QNetworkReply::NoError);
        QCOMPARE(finish(post(provider, "silent", "m", false)).error,
            QNetworkReply::OperationCanceledError); // transfer timeout
        const Seen cut = finish(post(provider, "cut", "m", true));
        QVERIFY(cut.body.startsWith("data: "));
        QVERIFY(!cut.body.contains("[DONE]"));
        QVERIFY(cut.error != QNetworkReply::NoError);
        const Seen stall = finish(post(provider, "stall", "m", true));
        QCOMPARE(stall.body.count("data: "), 1);
        QCOMPARE(stall.error, QNetworkReply::OperationCanceledError);
        QVERIFY(finish(post(provider, "malformed", "m", true))
                    .body.contains("data: {\"choices\": [\n\n"));
        const Seen noDone = finish(post(provider, "nodone", "m", true));
        QCOMPARE(noDone.error, QNetworkReply::NoError);
        QVERIFY(!noDone.body.contains("[DONE]"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(finish(post(provider, "slow", "m", true)).body.endsWith("[DONE]\n\n"));
        QVERIFY(timer.elapsed() >= 350);
        // Every behaviour was met once; QNetworkAccessManager sends a request again by itself
        // when a reused connection drops before any answer, so the reset one may be seen twice.
        QMap<QByteArray, int> perKey;
        for (const FakeProvider::Attempt& attempt : provider.attempts())
            ++perKey[attempt.key];
        QCOMPARE(perKey.size(), 7);
        for (auto it = perKey.cbegin(); it != perKey.cend(); ++it)
            QVERIFY2(
                it.value() == 1 || (it.key() == "reset" && it.value() == 2), it.key().constData());
    }
};

QTEST_GUILESS_MAIN(TestFakeProvider)
#include "TestFakeProvider.moc"
