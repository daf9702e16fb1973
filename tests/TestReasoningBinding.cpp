#include "router/translate/ReasoningSeal.h"
#include "tests/support/AnthropicStream.h"
#include "tests/support/RouterHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using Behaviour = FakeProvider::Behaviour;

// Reasoning state is bound to the account that made it. Keyway seals what it hands a client with
// the key that made it and opens it on the way back: to that key as it was, to any other key —
// a failover — left out and recorded, never a 400 from the other account.
class TestReasoningBinding : public QObject
{
    Q_OBJECT

private:
    static RouterHarness::Key anthropicKey(const QString& label)
    {
        return RouterHarness::Key(label, Tier::Prioritized, {}, QStringLiteral("anthropic"));
    }
    // An Anthropic stream that thinks (with a signature) and then answers.
    static QByteArray thinkingStream()
    {
        using namespace AnthropicStream;
        return messageStart()
            + blockStart(0, { { "type", "thinking" }, { "thinking", "" }, { "signature", "" } })
            + thinkingDelta(0, "Hmm.")
            + delta(0, { { "type", "signature_delta" }, { "signature", "SIG-OF-A" } })
            + blockStop(0) + textBlock(1, { "Done." }) + messageEnd("end_turn", 4);
    }
    // A conversation whose last assistant turn thought (with `signature`) and called a tool.
    static QJsonObject continuation(const QString& signature)
    {
        const QJsonArray assistant { QJsonObject { { "type", "thinking" }, { "thinking", "Hmm." },
                                         { "signature", signature } },
            QJsonObject { { "type", "tool_use" }, { "id", "toolu_1" }, { "name", "get_weather" },
                { "input", QJsonObject { { "city", "Paris" } } } } };
        const QJsonArray result { QJsonObject {
            { "type", "tool_result" }, { "tool_use_id", "toolu_1" }, { "content", "Sunny" } } };
        return { { "model", "claude-sonnet-4-5" }, { "max_tokens", 2048 },
            { "thinking", QJsonObject { { "type", "enabled" }, { "budget_tokens", 1024 } } },
            { "tools",
                QJsonArray { QJsonObject { { "name", "get_weather" },
                    { "input_schema", QJsonObject { { "type", "object" } } } } } },
            { "messages",
                QJsonArray { QJsonObject { { "role", "user" }, { "content", "Weather?" } },
                    QJsonObject { { "role", "assistant" }, { "content", assistant } },
                    QJsonObject { { "role", "user" }, { "content", result } } } } };
    }
    static RouterHarness::Response send(RouterHarness& h, const QJsonObject& body)
    {
        return h.post(QStringLiteral("/v1/messages"), body, RouterHarness::token(),
            { { "anthropic-version", "2023-06-01" } });
    }
    static QJsonObject lastSent(RouterHarness& h)
    {
        return QJsonDocument::fromJson(h.fake().attempts().constLast().body).object();
    }

private slots:
    void sealsOpenForTheirOwnKeyOnly()
    {
        const QString sealed = ReasoningSeal::seal(7, QStringLiteral("abc+/="));
        QCOMPARE(ReasoningSeal::open(sealed, 7), std::optional<QString>(QStringLiteral("abc+/=")));
        QCOMPARE(ReasoningSeal::open(sealed, 8), std::nullopt);
        // State a client got elsewhere goes as it came.
        QCOMPARE(ReasoningSeal::open(QStringLiteral("EqQBCkg"), 8),
            std::optional<QString>(QStringLiteral("EqQBCkg")));
        QCOMPARE(ReasoningSeal::open(QStringLiteral("kw1.x.abc"), 7), std::nullopt);
    }

    void responsesReasoningItemsOpenOrStay()
    {
        ClientCall call;
        call.protocol = ClientProtocol::Responses;
        const QJsonObject mine { { "type", "reasoning" }, { "id", "rs_1" },
            { "encrypted_content", ReasoningSeal::seal(1, QStringLiteral("ENC-A")) } };
        const QJsonObject theirs { { "type", "reasoning" }, { "id", "rs_2" },
            { "encrypted_content", ReasoningSeal::seal(2, QStringLiteral("ENC-B")) } };
        const QJsonObject said { { "role", "user" }, { "content", "Hi" } };
        call.body = { { "input", QJsonArray { said, mine, theirs } } };
        const QStringList dropped = ReasoningSeal::openCall(call, 1);
        const QJsonArray input = call.body["input"].toArray();
        QCOMPARE(input.size(), 2);
        QCOMPARE(input[1]["encrypted_content"].toString(), QStringLiteral("ENC-A"));
        QCOMPARE(dropped, QStringList { QStringLiteral("input.reasoning (made by another key)") });
    }

    // The stream the client gets carries the signature sealed with the key that made it.
    void anthropicClientsGetSealedSignatures()
    {
        RouterHarness h;
        h.setKeys({ anthropicKey(QStringLiteral("A")) });
        h.fake().script("a", {},
            { .behaviour = Behaviour::Status,
                .status = 200,
                .headers = { { "Content-Type", "text/event-stream" } },
                .body = thinkingStream() });
        QJsonObject request = continuation(QStringLiteral("unused"));
        request.insert("stream", true);
        request.insert(
            "messages", QJsonArray { QJsonObject { { "role", "user" }, { "content", "Think." } } });
        const auto streamed = send(h, request);
        QCOMPARE(streamed.status, 200);
        QString signature;
        for (const QByteArray& event : streamed.events()) {
            const QJsonObject data = QJsonDocument::fromJson(event).object();
            signature += data["delta"]["signature"].toString();
        }
        QCOMPARE(signature, ReasoningSeal::seal(1, QStringLiteral("SIG-OF-A")));
        // A whole answer too (assembled from the stream).
        request.insert("stream", false);
        const auto whole = send(h, request);
        QCOMPARE(whole.json()["content"][0]["signature"].toString(),
            ReasoningSeal::seal(1, QStringLiteral("SIG-OF-A")));
    }

    // The Responses API's encrypted reasoning from OpenAI, sealed in every event that holds it.
    void responsesClientsGetSealedReasoning()
    {
        RouterHarness h;
        h.setKeys({ { QStringLiteral("A") } });
        const QJsonObject reasoning { { "type", "reasoning" }, { "id", "rs_1" },
            { "summary", QJsonArray() }, { "encrypted_content", "ENC-OF-A" } };
        const QJsonObject message { { "type", "message" }, { "id", "msg_1" },
            { "role", "assistant" }, { "status", "completed" },
            { "content",
                QJsonArray { QJsonObject { { "type", "output_text" }, { "text", "Done." },
                    { "annotations", QJsonArray() } } } } };
        const QJsonObject response { { "id", "resp_1" }, { "object", "response" },
            { "status", "completed" }, { "model", "gpt-5" }, { "store", false },
            { "output", QJsonArray { reasoning, message } },
            { "usage", QJsonObject { { "input_tokens", 5 }, { "output_tokens", 3 } } } };
        QByteArray stream;
        int sequence = 0;
        const auto add = [&](const char* type, QJsonObject data) {
            data.insert("type", type);
            data.insert("sequence_number", sequence++);
            stream += AnthropicStream::event(data);
        };
        add("response.created", { { "response", response } });
        add("response.output_item.done", { { "output_index", 0 }, { "item", reasoning } });
        add("response.output_item.done", { { "output_index", 1 }, { "item", message } });
        add("response.completed", { { "response", response } });
        h.fake().script("a", {},
            { .behaviour = Behaviour::Status,
                .status = 200,
                .headers = { { "Content-Type", "text/event-stream" } },
                .body = stream });
        const QJsonObject request { { "model", "gpt-5" }, { "stream", true }, { "store", false },
            { "input", "Think." } };
        const auto streamed = h.post(QStringLiteral("/v1/responses"), request);
        QCOMPARE(streamed.status, 200);
        const QString sealed = ReasoningSeal::seal(1, QStringLiteral("ENC-OF-A"));
        QStringList seen;
        for (const QByteArray& event : streamed.events()) {
            const QJsonObject data = QJsonDocument::fromJson(event).object();
            seen.append(data["item"]["encrypted_content"].toString()
                + data["response"]["output"][0]["encrypted_content"].toString());
        }
        QCOMPARE(seen, QStringList({ sealed, sealed, QString(), sealed }));
        QVERIFY(!streamed.body.contains("\"ENC-OF-A\""));
    }

    // Back to the key that made it: the provider's own signature. Failed over to another: the
    // thinking is left out, and thinking turned off, as the last turn no longer has it.
    void aFailoverLeavesOutAnotherKeysThinking()
    {
        RouterHarness h;
        h.setKeys({ anthropicKey(QStringLiteral("A")), anthropicKey(QStringLiteral("B")) });
        const QJsonObject request
            = continuation(ReasoningSeal::seal(1, QStringLiteral("SIG-OF-A")));
        QCOMPARE(send(h, request).status, 200);
        QJsonObject sent = lastSent(h);
        QCOMPARE(h.fake().attempts().constLast().key, QByteArray("a"));
        QCOMPARE(
            sent["messages"][1]["content"][0]["signature"].toString(), QStringLiteral("SIG-OF-A"));
        QVERIFY(sent.contains("thinking"));

        h.fake().script("a", {},
            { .behaviour = Behaviour::Status,
                .status = 429,
                .headers = { { "retry-after", "30" } },
                .body = "{\"type\": \"error\", \"error\": {\"type\": \"rate_limit_error\", "
                        "\"message\": \"Slow down\"}}" });
        const auto failedOver = send(h, request);
        QVERIFY2(failedOver.status == 200, failedOver.body.constData());
        QCOMPARE(h.fake().attempts().constLast().key, QByteArray("b"));
        sent = lastSent(h);
        const QJsonArray assistant = sent["messages"][1]["content"].toArray();
        QCOMPARE(assistant.size(), 1);
        QCOMPARE(assistant[0]["type"].toString(), QStringLiteral("tool_use"));
        QVERIFY(!sent.contains("thinking"));
        const AttemptRecord attempt = h.lastFinished().attempts.constLast();
        QVERIFY2(attempt.droppedFields.contains(
                     QStringLiteral("messages[].content.thinking (made by another key)")),
            qPrintable(attempt.droppedFields.join(u", ")));
    }
};

QTEST_GUILESS_MAIN(TestReasoningBinding)
#include "TestReasoningBinding.moc"
