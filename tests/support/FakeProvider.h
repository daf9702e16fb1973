#pragma once

#include "router/http/HttpServer.h"
#include "tests/support/FakeGoogleAuth.h"
#include "tests/support/FakeToolCall.h"

#include <QMutex>
#include <QObject>

#include <chrono>
#include <memory>

// A provider on 127.0.0.1 that speaks each provider's wire format (OpenAI's chat completions and
// Responses API, Azure's, Anthropic's Messages API, Bedrock's Converse, Gemini's, Claude on
// Vertex), scripted per key and per model, and remembers every attempt it received (key, model,
// time) so tests can check what the provider saw: how many attempts, the gaps between retries,
// no hammering. The OpenAI base URL is baseUrl(); Azure's Responses API is at
// /openai/v1/responses (the deployment as the body's model, the key in api-key).
class FakeProvider : public QObject
{
    Q_OBJECT

public:
    using Clock = std::chrono::steady_clock;
    using Headers = HttpHeaders;

    enum class Behaviour {
        Answer, // 200 with the answer, streamed when the request asks
        // The scripted status, headers and body (429, 401, 500, 400 context length...), as
        // JSON unless the headers name another Content-Type; the body is sent as it is.
        Status,
        ResetBeforeHeaders, // the connection drops before any answer
        NoAnswer, // the request is read and never answered
        SlowFirstToken, // a stream whose first event comes after `delay`
        SlowHeaders, // the normal answer, headers and all, after `delay` (a busy gateway)
        CutMidStream, // one event, then the connection drops
        StallMidStream, // one event, then silence
        MalformedEvent, // a stream with one event that is not JSON among good ones
        // A complete stream without its end marker ([DONE], Anthropic's message_stop); in the
        // formats that have none (Gemini's, the Responses API) the whole stream. Then the
        // connection closes.
        StreamWithoutDone,
        FailAfterHeaders, // 200 and the stream's headers, then the connection drops
        // The first text, then an error event (the Responses API's: response.failed).
        ErrorEventMidStream,
        // An error event (with `status` as its code; the Responses API's `error` event says
        // rate_limit_exceeded for a 429, server_error otherwise) before any other.
        ErrorEventFirst,
        AzureFilterResultsFirst, // Azure's stream: a chunk with empty choices, then the answer
        // A call of Script::call (get_weather({"city": "Paris"}) unless scripted) in every
        // format, whole or streamed with its arguments in two pieces: OpenAI's tool_calls;
        // Anthropic's, Converse's and Gemini's after the text "Checking."; the Responses API's
        // function_call item, or its custom_tool_call when the call is custom.
        ToolCall,
        // Errors that quote the secret the request presented (its API key, a Vertex access
        // token, a SigV4 access key id) followed by `body`, when set: what the test knows the
        // provider was given beyond what it can see (an AWS secret key, a private key). As the
        // answer, with `status`: a 401 as a plain-text page, any other as the endpoint's JSON
        // error with the quote in its message...
        EchoSecret,
        // ...or, in the endpoint's format, the first text and then an error event quoting it.
        EchoSecretMidStream,
    };

    struct Script
    {
        Behaviour behaviour = Behaviour::Answer;
        int status = 200;
        Headers headers {};
        QByteArray body {};
        std::chrono::milliseconds delay { 0 };
        FakeToolCall call {}; // what ToolCall calls
    };

    struct Attempt
    {
        QByteArray key; // from Authorization: Bearer, api-key, x-api-key or x-goog-api-key
        QString model;
        QByteArray path;
        bool stream = false;
        Clock::time_point at;
        Headers headers; // as received
        QByteArray body {};
    };

    FakeProvider();
    ~FakeProvider() override;

    quint16 port() const { return m_server->port(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1/v1").arg(port()); }

    // What requests with this key (and this model, or any when empty) get from now on; with
    // `times`, only the next that many, after which the script before it applies again.
    void script(const QByteArray& key, const QString& model, Script script, int times = -1);
    QList<Attempt> attempts() const;
    void clearAttempts();
    // Bedrock requests signed with this access key are checked against its secret (403 when the
    // signature is wrong, as AWS answers).
    void setAwsSecret(const QByteArray& accessKeyId, const QString& secretAccessKey);
    // Google's token endpoint, at tokenUrl(). Vertex requests must carry a token it issued; they
    // are recorded and scripted under the account's client_email as their key.
    FakeGoogleAuth& googleAuth() { return m_googleAuth; }
    QString tokenUrl() const { return QStringLiteral("http://127.0.0.1:%1/token").arg(port()); }
    // Requests whose client (the router) went away before the answer was complete.
    int cancelledRequests() const { return m_cancelled.loadRelaxed(); }

private:
    void handle(const std::shared_ptr<HttpExchange>& exchange);
    Script takeScript(const QByteArray& key, const QString& model);
    void keepUnanswered(const std::shared_ptr<HttpExchange>& exchange);
    void answerConverse(const std::shared_ptr<HttpExchange>& exchange, const Script& script,
        bool stream, const QByteArray& echo);
    // A Vertex request's token as the account it was issued to; false (and answered 401) when
    // Google would not know it.
    bool resolveGoogleToken(const std::shared_ptr<HttpExchange>& exchange, QByteArray* key);
    // Why a Claude-on-Vertex request would be refused (version, model, betas), or nothing.
    static QString rawPredictProblem(const HttpRequest& request, const QJsonObject& body);
    // Why a SigV4-signed request's signature is wrong, or nothing.
    QString signatureProblem(const HttpRequest& request) const;

    struct Scripted
    {
        Script script;
        int timesLeft = -1;
    };

    mutable QMutex m_mutex;
    QHash<QPair<QByteArray, QString>, QList<Scripted>> m_scripts; // the last one applies
    QHash<QByteArray, QString> m_awsSecrets; // access key id → secret
    FakeGoogleAuth m_googleAuth;
    QAtomicInt m_cancelled;
    QList<Attempt> m_attempts;
    QList<std::shared_ptr<HttpExchange>> m_unanswered; // kept open on purpose
    std::unique_ptr<HttpServer> m_server;
};
