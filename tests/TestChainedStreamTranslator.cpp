#include "router/translate/AnthropicStreamTranslator.h"
#include "router/translate/AnthropicToGeminiStream.h"
#include "router/translate/AnthropicToOpenAiStream.h"
#include "router/translate/AnthropicToResponsesStream.h"
#include "router/translate/ChainedStreamTranslator.h"
#include "router/translate/ConverseToAnthropicStream.h"
#include "router/translate/OpenAiToAnthropicStream.h"
#include "tests/support/EventStreamEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Two translators one after the other, as for an OpenAI client on a Bedrock key (Converse →
// Anthropic → OpenAI): the answer's state is the first's, the bytes and the end are the second's.
class TestChainedStreamTranslator : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<ChainedStreamTranslator> bedrockToOpenAi(bool clientWantsUsage = true)
    {
        return std::make_unique<ChainedStreamTranslator>(
            std::make_unique<ConverseToAnthropicStream>(QStringLiteral("anthropic.claude-x")),
            std::make_unique<AnthropicToOpenAiStream>(clientWantsUsage));
    }

    static QByteArray start()
    {
        return EventStreamEncoder::event("messageStart", R"({"role":"assistant"})");
    }

    static QByteArray text(const char* words)
    {
        return EventStreamEncoder::event("contentBlockDelta",
            QByteArray(R"({"contentBlockIndex":0,"delta":{"text":")") + words + "\"}}");
    }

    static QByteArray end()
    {
        return EventStreamEncoder::event("contentBlockStop", R"({"contentBlockIndex":0})")
            + EventStreamEncoder::event("messageStop", R"({"stopReason":"max_tokens"})")
            + EventStreamEncoder::event("metadata",
                R"({"usage":{"inputTokens":10,"outputTokens":4,"cacheReadInputTokens":6,)"
                R"("cacheWriteInputTokens":2}})");
    }

    static QByteArray sse(const char* type, const QJsonObject& data)
    {
        return "event: " + QByteArray(type)
            + "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
    }

    // An Anthropic stream's first text, then Anthropic's error event of `type`.
    static QByteArray anthropicTextThenError(const char* type)
    {
        const QJsonObject text { { "type", "text" }, { "text", "" } };
        return sse("message_start",
                   { { "type", "message_start" },
                       { "message",
                           QJsonObject { { "id", "msg_1" }, { "type", "message" },
                               { "role", "assistant" }, { "model", "claude-x" },
                               { "content", QJsonArray() },
                               { "usage", QJsonObject { { "input_tokens", 5 } } } } } })
            + sse("content_block_start",
                { { "type", "content_block_start" }, { "index", 0 }, { "content_block", text } })
            + sse("content_block_delta",
                { { "type", "content_block_delta" }, { "index", 0 },
                    { "delta", QJsonObject { { "type", "text_delta" }, { "text", "Hel" } } } })
            + sse("error",
                { { "type", "error" },
                    { "error",
                        QJsonObject { { "type", type }, { "message", "Upstream says no" } } } });
    }

    // The data of each OpenAI chunk in `sse`, [DONE] left aside.
    static QList<QJsonObject> chunks(const QByteArray& sse)
    {
        QList<QJsonObject> out;
        for (const QByteArray& line : sse.split('\n')) {
            if (line.startsWith("data: ") && line != "data: [DONE]")
                out.append(QJsonDocument::fromJson(line.mid(6)).object());
        }
        return out;
    }

private slots:
    void turnsTheUpstreamIntoTheClientsChunks()
    {
        auto stream = bedrockToOpenAi();
        stream->feed(start() + text("Hel") + text("lo"));
        const QList<QJsonObject> sent = chunks(stream->takeClientBytes());
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0].value("object").toString(), QStringLiteral("chat.completion.chunk"));
        QCOMPARE(sent[0].value("model").toString(), QStringLiteral("anthropic.claude-x"));
        QCOMPARE(
            sent[0].value("choices")[0]["delta"]["role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(sent[0].value("choices")[0]["delta"]["content"].toString(), QStringLiteral("Hel"));
        QCOMPARE(sent[1].value("choices")[0]["delta"]["content"].toString(), QStringLiteral("lo"));
        QVERIFY(stream->takeClientBytes().isEmpty()); // taken once
    }

    void theAnswersStateIsTheFirstTranslators()
    {
        auto stream = bedrockToOpenAi();
        stream->feed(start());
        QVERIFY(!stream->hasStarted());
        stream->feed(text("Hi"));
        QVERIFY(stream->hasStarted());
        QVERIFY(!stream->isComplete());
        QVERIFY(!stream->isFinished());
        QCOMPARE(stream->servedModel(), QStringLiteral("anthropic.claude-x"));
        stream->feed(end());
        QVERIFY(stream->isComplete());
        QVERIFY(stream->isFinished());
        // Converse counts the cache apart from the input; every input token is prompt.
        QCOMPARE(stream->usage(), (TokenUsage { 18, 4, 6, 0 }));
    }

    void theEndPassesThroughTheSecondTranslator()
    {
        // Converse's stop reason and usage come only at the end: the first translator says them
        // in its closing, and the client must get them in its own format.
        auto stream = bedrockToOpenAi();
        stream->feed(start() + text("Hi") + end());
        stream->takeClientBytes();
        const QByteArray closing = stream->closing();
        QVERIFY(closing.endsWith("data: [DONE]\n\n"));
        const QList<QJsonObject> sent = chunks(closing);
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0].value("choices")[0]["finish_reason"].toString(), QStringLiteral("length"));
        const QJsonObject usage = sent[1].value("usage").toObject();
        QCOMPARE(usage.value("prompt_tokens").toInt(), 18);
        QCOMPARE(usage.value("completion_tokens").toInt(), 4);
        QCOMPARE(usage.value("prompt_tokens_details")["cached_tokens"].toInt(), 6);
        QVERIFY(sent[1].value("choices").toArray().isEmpty());
    }

    void noUsageChunkUnlessTheClientAsked()
    {
        auto stream = bedrockToOpenAi(false);
        stream->feed(start() + text("Hi") + end());
        const QList<QJsonObject> sent = chunks(stream->closing());
        QCOMPARE(sent.size(), 1);
        QVERIFY(!sent[0].contains("usage"));
    }

    void thePriceReachesTheClientsUsage()
    {
        auto stream = bedrockToOpenAi();
        stream->setPrice(ModelPrice { 1.0, 2.0, 0.5 });
        stream->feed(start() + text("Hi") + end());
        const QList<QJsonObject> sent = chunks(stream->closing());
        QCOMPARE(sent.size(), 2);
        // 12 fresh prompt tokens at $1, 6 cached at $0.50, 4 output at $2, per million.
        QVERIFY(sent[1].value("usage")["cost"].isDouble());
        QCOMPARE(sent[1].value("usage")["cost"].toDouble(), 23e-6);
    }

    void theUpstreamsErrorIsTheFirstTranslators()
    {
        auto stream = bedrockToOpenAi();
        stream->feed(start()
            + EventStreamEncoder::exception(
                "modelStreamErrorException", R"({"message":"model failed"})"));
        QVERIFY(stream->upstreamError());
        QCOMPARE(stream->upstreamError()->value("type").toString(),
            QStringLiteral("modelStreamErrorException"));
        QCOMPARE(
            stream->upstreamError()->value("message").toString(), QStringLiteral("model failed"));
    }

    void aCorruptFrameIsMalformedAndTheUpstreamsError()
    {
        auto stream = bedrockToOpenAi();
        QByteArray corrupt = text("Hi");
        corrupt[corrupt.size() - 1] = char(corrupt.at(corrupt.size() - 1) ^ 0x20); // the CRC
        stream->feed(start() + corrupt);
        QCOMPARE(stream->malformedEvents(), 1);
        QVERIFY(stream->upstreamError());
    }

    void theErrorEventIsInTheClientsFormat()
    {
        auto stream = bedrockToOpenAi();
        stream->feed(start() + text("Hi"));
        const QByteArray event
            = stream->errorEvent(QStringLiteral("upstream went away"), "server_error");
        QVERIFY(event.startsWith("data: "));
        const QList<QJsonObject> sent = chunks(event);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(
            sent[0].value("error")["message"].toString(), QStringLiteral("upstream went away"));
        QCOMPARE(sent[0].value("error")["type"].toString(), QStringLiteral("server_error"));
        QCOMPARE(sent[0].value("choices")[0]["finish_reason"].toString(), QStringLiteral("error"));
    }

    // The first translator keeps the upstream's error event; the second must still learn what
    // it said, or a Gemini client gets a 500 for Anthropic's overload (which it should retry
    // as a 503) and a Codex a server_error for a rate limit.
    void theUpstreamsErrorTypeReachesTheClient()
    {
        ChainedStreamTranslator gemini(std::make_unique<AnthropicStreamTranslator>(),
            std::make_unique<AnthropicToGeminiStream>(false));
        gemini.feed(anthropicTextThenError("overloaded_error"));
        QVERIFY(gemini.upstreamError());
        const QJsonObject overloaded = QJsonDocument::fromJson(
            gemini.errorEvent(QStringLiteral("Upstream says no"), "upstream_error"))
                                           .object();
        QCOMPARE(overloaded["error"]["code"].toInt(), 503);
        QCOMPARE(overloaded["error"]["status"].toString(), QStringLiteral("UNAVAILABLE"));

        ChainedStreamTranslator responses(std::make_unique<AnthropicStreamTranslator>(),
            std::make_unique<AnthropicToResponsesStream>(QJsonObject { { "model", "claude-x" } }));
        responses.feed(anthropicTextThenError("rate_limit_error"));
        const QByteArray failed
            = responses.errorEvent(QStringLiteral("Upstream says no"), "upstream_error");
        QVERIFY2(failed.contains("\"code\":\"rate_limit_exceeded\""), failed.constData());
    }

    // The same from upstreams of other formats: Bedrock's throttling, OpenAI's rate limit.
    void otherUpstreamsErrorsReachTheClientAsAnthropicWouldSayThem()
    {
        ChainedStreamTranslator bedrock(
            std::make_unique<ConverseToAnthropicStream>(QStringLiteral("anthropic.claude-x")),
            std::make_unique<AnthropicToGeminiStream>(false));
        bedrock.feed(
            start() + text("Hi") + EventStreamEncoder::exception("throttlingException", "{}"));
        QCOMPARE(QJsonDocument::fromJson(bedrock.errorEvent(QStringLiteral("Slow down"), "x"))
                     .object()
                     .value("error")["code"]
                     .toInt(),
            429);

        ChainedStreamTranslator openAi(std::make_unique<OpenAiToAnthropicStream>(),
            std::make_unique<AnthropicToGeminiStream>(false));
        const QJsonObject delta { { "content", "Hi" } };
        const QJsonObject chunk { { "id", "c" }, { "model", "m" },
            { "choices", QJsonArray { QJsonObject { { "index", 0 }, { "delta", delta } } } } };
        const QJsonObject limit { { "message", "Slow down" }, { "type", "requests" },
            { "code", "rate_limit_exceeded" } };
        openAi.feed("data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\ndata: "
            + QJsonDocument(QJsonObject { { "error", limit } }).toJson(QJsonDocument::Compact)
            + "\n\n");
        QVERIFY(openAi.upstreamError());
        QCOMPARE(QJsonDocument::fromJson(openAi.errorEvent(QStringLiteral("Slow down"), "x"))
                     .object()
                     .value("error")["code"]
                     .toInt(),
            429);
    }
};

QTEST_GUILESS_MAIN(TestChainedStreamTranslator)
#include "TestChainedStreamTranslator.moc"
