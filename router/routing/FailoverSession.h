#pragma once

#include "router/access/LocalKeyDirectory.h"
#include "router/core/SecretRedactor.h"
#include "router/http/HttpExchange.h"
#include "router/inbound/ClientCall.h"
#include "router/inbound/ClientErrors.h"
#include "router/records/RequestRecord.h"
#include "router/routing/HealthTracker.h"
#include "router/routing/RoutePlanner.h"
#include "router/routing/RoutingSnapshot.h"
#include "router/upstream/UpstreamAdapter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class AccessTokenSource;
class AnswerAssembler;
class RequestObserver;
class ResponseOwners;
class StreamTranslator;
class UpstreamCall;

// Carries one client request through its plan (DESIGN.md section 2): tries keys in order,
// learns from each answer, fails over, waits for a cooling key when the wait budget allows,
// and answers the client once — or, for a stream, passes events through from the first real
// one and ends with an error event if the stream breaks. Lives on its connection's thread and
// deletes itself when done.
class FailoverSession : public QObject
{
    Q_OBJECT

public:
    struct Context
    {
        std::shared_ptr<const RoutingSnapshot> snapshot;
        HealthTracker* health = nullptr;
        RequestObserver* observer = nullptr;
        AccessTokenSource* accessTokens = nullptr;
        AdapterLookup adapterFor = nullptr;
        ResponseOwners* responseOwners = nullptr;
        // Knows every secret of the snapshot: what leaves the session passes through it.
        SecretRedactor redactor {};
    };

    // `models`: the model, or OpenRouter's `models` list, in the order to try them.
    FailoverSession(std::shared_ptr<HttpExchange> exchange, ClientCall call, QStringList models,
        LocalKeyDirectory::Entry caller, Context context);
    ~FailoverSession() override;

    void start();

private:
    RoutePlan planFor(const QString& model, const HealthSnapshot& health) const;
    // Whether this call may still try a planned key for `model`: not spent on it, and the key
    // that holds the state the call continues, if any.
    bool mayTry(const PlannedAttempt& planned, const QString& model) const;
    // When the first key this call may use comes back from resting, if one will.
    std::optional<KeyHealth::Clock::time_point> earliestReturn(const RoutePlan& plan) const;
    void planModel(int index);
    void tryNext();
    void startAttempt(const PlannedAttempt& planned);
    // Sends the attempt once its key's access token (if it needs one) is at hand.
    void sendAttempt();
    std::chrono::milliseconds headersWait() const;
    void waitForToken(const QString& accountKey);
    void onTokenFetched(const QString& error, bool credentialRejected);
    bool attemptInFlight() const { return m_upstream || m_waitingForToken; }
    void skipAttempt(
        const PlannedAttempt& planned, const QString& errorClass, const QString& message);
    bool waitForCoolingKey();
    void giveUp();
    // Every attempt was skipped because its format cannot carry the request.
    bool onlyUntranslatable() const;
    // Why the key that holds the state the call continues cannot serve it.
    QString boundKeyUnusable() const;

    void onResponseStarted();
    void onData(const QByteArray& bytes);
    void onCallFinished();
    void onCallFailed(const QString& errorClass, const QString& message);
    void onStreamProgress();
    void onFirstEventLate();
    void onDeadline();
    void onClientGone();

    // `outcome` is what the key's health learns from the attempt; nothing when the attempt says
    // nothing about the key (cancelled by the client, cut by the request's deadline).
    void finishAttempt(std::optional<UpstreamOutcome> outcome, const QString& errorClass,
        const QString& message, std::optional<std::chrono::milliseconds> cooldown = {});
    void failOver(UpstreamOutcome outcome, const QString& errorClass, const QString& message,
        std::optional<std::chrono::milliseconds> cooldown = {});
    void answer(int status, const QByteArray& body, HttpExchange::Headers headers = {});
    void dropUpstream();
    void commitStream();
    void completeStream();
    void completeAssembled();
    void recordStreamSuccess();
    // The names the catalog may know the attempt's model by, surest first.
    QStringList modelNames() const;
    void estimateCost();
    // An OpenAI-format answer with the estimated cost in its usage.
    QByteArray withCost(const QByteArray& answerBody) const;
    void breakStream(const QString& message);
    void finishRequest(int status, const QString& error = {});

    HttpExchange::Headers routingHeaders(bool attemptInFlight) const;
    QJsonObject failureMetadata() const;
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    std::shared_ptr<HttpExchange> m_exchange;
    ClientCall m_call;
    ClientCall m_upstreamCall; // what providers are asked: streamed, for a chat call
    QStringList m_models;
    LocalKeyDirectory::Entry m_caller;
    Context m_context;
    const RouterSettings& m_settings;

    RequestRecord m_record;
    QElapsedTimer m_clock;
    QTimer m_deadline;
    QTimer m_pause; // backoff before a retry, or the wait for a cooling key
    QTimer m_finishGrace;
    QTimer m_firstEvent; // from a stream's headers to its first content event // after the answer
                         // said it is complete, for a [DONE] that may not come
    std::chrono::milliseconds m_waitBudgetLeft;

    int m_modelIndex = 0;
    RoutePlan m_plan;
    QList<PlannedAttempt> m_queue;
    QSet<QPair<qint64, QString>> m_spent; // key × model pairs that may not be tried again
    int m_calls = 0; // attempts that reached a provider: what the attempt budget counts
    bool m_retriedAlone = false;
    bool m_deadlinePassed = false;

    // The attempt in flight.
    PlannedAttempt m_planned;
    const UpstreamTarget* m_target = nullptr; // in the snapshot
    SecretRedactor m_redactor; // the snapshot's, and the attempt's access token
    AttemptRecord m_attempt;
    QElapsedTimer m_attemptClock;
    const UpstreamAdapter* m_adapter = nullptr;
    std::unique_ptr<UpstreamCall> m_upstream;
    QMetaObject::Connection m_tokenWait; // while the attempt waits for an access token
    // Which wait a token's arrival answers: the signal reaches every waiting session, and a
    // delivery already queued outlives disconnect().
    quint64 m_tokenWaitId = 0;
    bool m_waitingForToken = false;
    std::unique_ptr<StreamTranslator> m_translator;
    std::unique_ptr<AnswerAssembler> m_assembler; // for a client that asked for a whole answer
    QByteArray m_body;
    bool m_committed = false; // the client has the status line: no failover from here
    bool m_done = false;
};
