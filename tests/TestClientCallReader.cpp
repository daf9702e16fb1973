#include "router/inbound/ClientCallReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// A client's request body read into a ClientCall: OpenAI's chat and embeddings, Anthropic's
// Messages and count_tokens. What does not fit fails as InvalidInput before any routing.
class TestClientCallReader : public QObject
{
    Q_OBJECT

private:
    static QJsonArray oneUserTurn()
    {
        return QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
            { QStringLiteral("content"), QStringLiteral("Hi") } } };
    }

    static QByteArray json(const QJsonObject& object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    static QJsonObject openAiChat()
    {
        return { { QStringLiteral("model"), QStringLiteral("openai/gpt-4.1") },
            { QStringLiteral("messages"), oneUserTurn() } };
    }

    static QJsonObject anthropicMessages()
    {
        return { { QStringLiteral("model"), QStringLiteral("claude-sonnet-4.5") },
            { QStringLiteral("max_tokens"), 256 }, { QStringLiteral("messages"), oneUserTurn() } };
    }

    static HttpRequest anthropicRequest(const QByteArray& body, HttpHeaders headers = {})
    {
        HttpRequest request;
        request.method = "POST";
        request.target = "/v1/messages";
        request.headers = std::move(headers);
        request.body = body;
        return request;
    }

    static Result<ClientCallReader::Parsed> readAnthropic(
        const QJsonObject& body, ClientEndpoint endpoint = ClientEndpoint::Messages)
    {
        return ClientCallReader::anthropic(anthropicRequest(json(body)), endpoint);
    }

    // Fails the test unless `result` is an InvalidInput failure whose message has `needle`.
    static bool refusedWith(const Result<ClientCallReader::Parsed>& result, const QString& needle)
    {
        if (result) {
            qWarning("accepted, expected a failure about %s", qPrintable(needle));
            return false;
        }
        if (result.failure().kind != FailureKind::InvalidInput
            || !result.failure().message.contains(needle)) {
            qWarning(
                "failure %d: %s", int(result.failure().kind), qPrintable(result.failure().message));
            return false;
        }
        return true;
    }

private slots:
    // OpenAI

    void openAiChatIsRead()
    {
        auto parsed = ClientCallReader::openAi(json(openAiChat()), ClientEndpoint::ChatCompletions);
        QVERIFY(parsed);
        QCOMPARE(parsed->models, QStringList { QStringLiteral("openai/gpt-4.1") });
        QCOMPARE(parsed->call.protocol, ClientProtocol::OpenAi);
        QCOMPARE(parsed->call.endpoint, ClientEndpoint::ChatCompletions);
        QCOMPARE(parsed->call.stream, false);
        QCOMPARE(parsed->call.wantsStreamUsage, false);
        QVERIFY(parsed->call.forwardedHeaders.isEmpty());
        // The body travels on as the client sent it (the adapters read its model).
        QCOMPARE(parsed->call.body, openAiChat());
    }

    void openAiStreamAndUsageAreRead()
    {
        QJsonObject body = openAiChat();
        body.insert(QStringLiteral("stream"), true);
        auto streamed = ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions);
        QVERIFY(streamed);
        QVERIFY(streamed->call.stream);
        QVERIFY(!streamed->call.wantsStreamUsage);

        body.insert(QStringLiteral("stream_options"),
            QJsonObject { { QStringLiteral("include_usage"), true } });
        auto withUsage = ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions);
        QVERIFY(withUsage);
        QVERIFY(withUsage->call.stream);
        QVERIFY(withUsage->call.wantsStreamUsage);
        // stream_options stays in the body: the adapters decide what the upstream is asked.
        QVERIFY(withUsage->call.body.contains(QStringLiteral("stream_options")));

        body.insert(QStringLiteral("stream_options"),
            QJsonObject { { QStringLiteral("include_usage"), false } });
        auto without = ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions);
        QVERIFY(without);
        QVERIFY(!without->call.wantsStreamUsage);
    }

    void embeddingsNeverStream()
    {
        const QJsonObject body { { QStringLiteral("model"),
                                     QStringLiteral("text-embedding-3-small") },
            { QStringLiteral("input"), QStringLiteral("hello") },
            { QStringLiteral("stream"), true },
            { QStringLiteral("stream_options"),
                QJsonObject { { QStringLiteral("include_usage"), true } } } };
        auto parsed = ClientCallReader::openAi(json(body), ClientEndpoint::Embeddings);
        QVERIFY(parsed);
        QCOMPARE(parsed->call.endpoint, ClientEndpoint::Embeddings);
        QCOMPARE(parsed->models, QStringList { QStringLiteral("text-embedding-3-small") });
        QVERIFY(!parsed->call.stream);
        QVERIFY(!parsed->call.wantsStreamUsage);
    }

    void openRouterFallbacksFollowTheModelInOrder()
    {
        QJsonObject body = openAiChat();
        body.insert(QStringLiteral("models"),
            QJsonArray { QStringLiteral("anthropic/claude-sonnet-4.5"),
                QStringLiteral("openai/gpt-4.1"), // the model again: tried once
                QStringLiteral("google/gemini-2.5-pro"),
                QStringLiteral("anthropic/claude-sonnet-4.5") });
        auto parsed = ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions);
        QVERIFY(parsed);
        QCOMPARE(parsed->models,
            (QStringList { QStringLiteral("openai/gpt-4.1"),
                QStringLiteral("anthropic/claude-sonnet-4.5"),
                QStringLiteral("google/gemini-2.5-pro") }));
        // `models` is the router's, not the upstream's.
        QVERIFY(!parsed->call.body.contains(QStringLiteral("models")));
        QCOMPARE(parsed->call.body.value(QStringLiteral("model")).toString(),
            QStringLiteral("openai/gpt-4.1"));
    }

    void theFallbackListAloneNamesTheModels()
    {
        for (const QJsonValue& model : { QJsonValue(QJsonValue::Undefined), QJsonValue() }) {
            QJsonObject body { { QStringLiteral("messages"), oneUserTurn() },
                { QStringLiteral("models"),
                    QJsonArray { QStringLiteral("a/one"), QStringLiteral("b/two") } } };
            if (!model.isUndefined())
                body.insert(QStringLiteral("model"), model); // null
            auto parsed = ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions);
            QVERIFY(parsed);
            QCOMPARE(
                parsed->models, (QStringList { QStringLiteral("a/one"), QStringLiteral("b/two") }));
        }
    }

    void openAiBodyThatIsNotJsonIsRefused()
    {
        for (const QByteArray& body :
            { QByteArray(), QByteArray("{"), QByteArray("{\"model\": }"), QByteArray("model=x") }) {
            QVERIFY2(refusedWith(ClientCallReader::openAi(body, ClientEndpoint::ChatCompletions),
                         QStringLiteral("not valid JSON")),
                body.constData());
        }
    }

    void theJsonErrorSaysWhere()
    {
        auto parsed
            = ClientCallReader::openAi("{\"model\": \"x\",}", ClientEndpoint::ChatCompletions);
        QVERIFY(!parsed);
        QVERIFY2(parsed.failure().message.contains(QStringLiteral("at offset")),
            qPrintable(parsed.failure().message));
    }

    void openAiBodyThatIsNotAnObjectIsRefused()
    {
        for (const QByteArray& body : { QByteArray("[]"), QByteArray("[{\"model\": \"x\"}]") }) {
            QVERIFY2(refusedWith(ClientCallReader::openAi(body, ClientEndpoint::ChatCompletions),
                         QStringLiteral("must be a JSON object")),
                body.constData());
        }
        // A bare value is no JSON document for Qt: refused all the same.
        for (const QByteArray& body :
            { QByteArray("\"text\""), QByteArray("42"), QByteArray("null") }) {
            const auto parsed = ClientCallReader::openAi(body, ClientEndpoint::ChatCompletions);
            QVERIFY2(!parsed, body.constData());
            QCOMPARE(parsed.failure().kind, FailureKind::InvalidInput);
        }
    }

    void aRequestWithoutAModelIsRefused()
    {
        QJsonObject body = openAiChat();
        body.remove(QStringLiteral("model"));
        QVERIFY(refusedWith(ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions),
            QStringLiteral("names no model")));
        body.insert(QStringLiteral("model"), QJsonValue());
        body.insert(QStringLiteral("models"), QJsonArray {});
        QVERIFY(refusedWith(ClientCallReader::openAi(json(body), ClientEndpoint::Embeddings),
            QStringLiteral("names no model")));
        body.insert(QStringLiteral("model"), QString());
        QVERIFY(refusedWith(ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions),
            QStringLiteral("\"model\" must be a model id")));
    }

    void aModelThatIsNotAnIdIsRefused()
    {
        for (const QJsonValue& model : { QJsonValue(42), QJsonValue(true),
                 QJsonValue(QJsonArray { QStringLiteral("openai/gpt-4.1") }),
                 QJsonValue(QJsonObject { { QStringLiteral("id"), QStringLiteral("x") } }) }) {
            QJsonObject body = openAiChat();
            body.insert(QStringLiteral("model"), model);
            QVERIFY2(
                refusedWith(ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions),
                    QStringLiteral("\"model\" must be a model id")),
                qPrintable(QString::fromUtf8(json(body))));
        }
    }

    void aFallbackThatIsNotAnIdIsRefused()
    {
        for (const QJsonValue& entry : { QJsonValue(QString()), QJsonValue(7), QJsonValue(),
                 QJsonValue(QJsonObject { { QStringLiteral("model"), QStringLiteral("a/b") } }) }) {
            QJsonObject body = openAiChat();
            body.insert(QStringLiteral("models"), QJsonArray { QStringLiteral("a/b"), entry });
            QVERIFY2(
                refusedWith(ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions),
                    QStringLiteral("\"models\" must be a list of model ids")),
                qPrintable(QString::fromUtf8(json(body))));
        }
    }

    void aFallbackListThatIsNotAListIsRefused()
    {
        // "Bad input gets a clear error and loses nothing" (DESIGN.md §6): a `models` that is
        // not a list is refused, not dropped so that the request goes on without its fallbacks.
        QJsonObject body = openAiChat();
        body.insert(QStringLiteral("models"), QStringLiteral("anthropic/claude-sonnet-4.5"));
        auto parsed = ClientCallReader::openAi(json(body), ClientEndpoint::ChatCompletions);
        QVERIFY(!parsed);
    }

    // Anthropic

    void anthropicMessagesAreRead()
    {
        QJsonObject body = anthropicMessages();
        body.insert(QStringLiteral("stream"), true);
        auto parsed = ClientCallReader::anthropic(
            anthropicRequest(json(body),
                { { "Content-Type", "application/json" }, { "Anthropic-Version", "2023-06-01" },
                    { "x-api-key", "kw-secret" },
                    { "anthropic-beta", "prompt-caching-2024-07-31" } }),
            ClientEndpoint::Messages);
        QVERIFY(parsed);
        QCOMPARE(parsed->call.protocol, ClientProtocol::Anthropic);
        QCOMPARE(parsed->call.endpoint, ClientEndpoint::Messages);
        QCOMPARE(parsed->models, QStringList { QStringLiteral("claude-sonnet-4.5") });
        QVERIFY(parsed->call.stream);
        QVERIFY(!parsed->call.wantsStreamUsage);
        QCOMPARE(parsed->call.body, body);
        // Only the two Anthropic headers go on, under their canonical names; never the key.
        const HttpHeaders expected { { "anthropic-version", "2023-06-01" },
            { "anthropic-beta", "prompt-caching-2024-07-31" } };
        QCOMPARE(parsed->call.forwardedHeaders, expected);
    }

    void anthropicWithoutHeadersForwardsNone()
    {
        auto parsed = ClientCallReader::anthropic(
            anthropicRequest(json(anthropicMessages()), { { "anthropic-beta", "" } }),
            ClientEndpoint::Messages);
        QVERIFY(parsed);
        QVERIFY(parsed->call.forwardedHeaders.isEmpty());
        QVERIFY(!parsed->call.stream);
    }

    void anthropicModelIsRequired()
    {
        QJsonObject body = anthropicMessages();
        body.remove(QStringLiteral("model"));
        QVERIFY(refusedWith(readAnthropic(body), QStringLiteral("model: a model id is required")));
        for (const QJsonValue& model : { QJsonValue(QString()), QJsonValue(), QJsonValue(3),
                 QJsonValue(QJsonArray { QStringLiteral("claude-sonnet-4.5") }) }) {
            body.insert(QStringLiteral("model"), model);
            QVERIFY2(
                refusedWith(readAnthropic(body), QStringLiteral("model: a model id is required")),
                qPrintable(QString::fromUtf8(json(body))));
        }
    }

    void anthropicHasNoFallbackList()
    {
        QJsonObject body = anthropicMessages();
        body.insert(QStringLiteral("models"), QJsonArray { QStringLiteral("claude-opus-4.5") });
        auto parsed = readAnthropic(body);
        QVERIFY(parsed);
        QCOMPARE(parsed->models, QStringList { QStringLiteral("claude-sonnet-4.5") });
    }

    void anthropicMessagesAreRequired()
    {
        QJsonObject body = anthropicMessages();
        body.remove(QStringLiteral("messages"));
        QVERIFY(refusedWith(readAnthropic(body), QStringLiteral("messages:")));
        body.insert(QStringLiteral("messages"), QStringLiteral("Hi"));
        QVERIFY(refusedWith(readAnthropic(body), QStringLiteral("messages:")));
        body.insert(QStringLiteral("messages"), QJsonObject {});
        QVERIFY(refusedWith(
            readAnthropic(body, ClientEndpoint::CountTokens), QStringLiteral("messages:")));
    }

    void maxTokensMustBeAWholeNumberOfOneOrMore()
    {
        QJsonObject body = anthropicMessages();
        body.remove(QStringLiteral("max_tokens"));
        QVERIFY(refusedWith(readAnthropic(body), QStringLiteral("max_tokens")));
        for (const QJsonValue& value : { QJsonValue(0), QJsonValue(-5), QJsonValue(1.5),
                 QJsonValue(QStringLiteral("256")), QJsonValue(), QJsonValue(true) }) {
            body.insert(QStringLiteral("max_tokens"), value);
            QVERIFY2(refusedWith(readAnthropic(body), QStringLiteral("max_tokens")),
                qPrintable(QString::fromUtf8(json(body))));
        }
        body.insert(QStringLiteral("max_tokens"), 1);
        QVERIFY(readAnthropic(body));
        body.insert(QStringLiteral("max_tokens"), 64000.0); // a whole number written as a double
        QVERIFY(readAnthropic(body));
    }

    void countTokensNeedsNoMaxTokensAndDoesNotStream()
    {
        QJsonObject body = anthropicMessages();
        body.remove(QStringLiteral("max_tokens"));
        body.insert(QStringLiteral("stream"), true);
        auto parsed = ClientCallReader::anthropic(
            anthropicRequest(json(body), { { "anthropic-version", "2023-06-01" } }),
            ClientEndpoint::CountTokens);
        QVERIFY(parsed);
        QCOMPARE(parsed->call.endpoint, ClientEndpoint::CountTokens);
        QVERIFY(!parsed->call.stream);
        QCOMPARE(
            parsed->call.forwardedHeaders, (HttpHeaders { { "anthropic-version", "2023-06-01" } }));
    }

    void anthropicBodyThatIsNotAJsonObjectIsRefused()
    {
        QVERIFY(refusedWith(
            ClientCallReader::anthropic(anthropicRequest("{\"model\""), ClientEndpoint::Messages),
            QStringLiteral("not valid JSON")));
        QVERIFY(refusedWith(
            ClientCallReader::anthropic(anthropicRequest("[1, 2]"), ClientEndpoint::Messages),
            QStringLiteral("must be a JSON object")));
        QVERIFY(refusedWith(
            ClientCallReader::anthropic(anthropicRequest({}), ClientEndpoint::CountTokens),
            QStringLiteral("not valid JSON")));
    }
};

QTEST_GUILESS_MAIN(TestClientCallReader)
#include "TestClientCallReader.moc"
