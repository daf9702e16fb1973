#include "router/routing/FailoverSession.h"

#include "router/http/UpstreamLimits.h"
#include "router/records/RequestObserver.h"
#include "router/records/RequestRecordJson.h"
#include "router/routing/ResponseOwners.h"
#include "router/translate/AnswerAssembler.h"
#include "router/translate/OpenAiStreamTranslator.h"
#include "router/upstream/AccessTokenSource.h"
#include "router/upstream/UpstreamCall.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QUrl>

Q_LOGGING_CATEGORY(lcFailover, "keyway.router.failover")

namespace {

using namespace std::chrono_literals;
using Clock = KeyHealth::Clock;

// "When no other candidate is left, one more try on the same key after a short backoff."
constexpr std::chrono::milliseconds aloneRetryBackoff = 500ms;
// An answer that said it is complete gets this long for its [DONE] (and usage) before the
// router ends the client's stream itself.
constexpr std::chrono::milliseconds completeStreamGrace = 2s;

// OpenRouter's form: gen-<unix seconds>-<20 random letters and digits>.
QString newRequestId()
{
    static constexpr char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString random;
    for (int i = 0; i < 20; ++i)
        random.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]));
    return QStringLiteral("gen-%1-%2").arg(QDateTime::currentSecsSinceEpoch()).arg(random);
}

QString errorClassOf(UpstreamOutcome outcome)
{
    switch (outcome) {
    case UpstreamOutcome::Success:
        return {};
    case UpstreamOutcome::RateLimited:
        return QStringLiteral("rate_limited");
    case UpstreamOutcome::InvalidKey:
        return QStringLiteral("invalid_key");
    case UpstreamOutcome::OutOfCredit:
        return QStringLiteral("out_of_credit");
    case UpstreamOutcome::ModelUnusable:
        return QStringLiteral("model_unusable");
    case UpstreamOutcome::ServerFailure:
        return QStringLiteral("server_error");
    case UpstreamOutcome::Silent:
        return QStringLiteral("timeout");
    case UpstreamOutcome::ClientError:
        return QStringLiteral("client_error");
    }
    return {};
}

HttpHeaders rateLimitHeaders(const HttpHeaders& headers)
{
    HttpHeaders seen;
    for (const auto& [name, value] : headers) {
        const QByteArray lower = name.toLower();
        if (lower.contains("ratelimit") || lower.startsWith("retry-after"))
            seen.append({ lower, value });
    }
    return seen;
}

// Labels are the user's words; a header carries them percent-encoded when they are not
// plain ASCII.
QByteArray headerSafe(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return QUrl::toPercentEncoding(text, " ");
    }
    return text.toLatin1();
}

// Chat calls go to providers streamed, so that a live provider shows it at once (see
// RouterSettings), and the answer is assembled for a client that asked for it whole. OpenAI's
// audio answers stream in another shape and are asked for whole.
ClientCall upstreamCallFor(const ClientCall& call)
{
    const bool chat = call.endpoint == ClientEndpoint::ChatCompletions
        || call.endpoint == ClientEndpoint::Messages || call.endpoint == ClientEndpoint::Responses
        || call.endpoint == ClientEndpoint::GenerateContent;
    const bool audio
        = call.body.value(QStringLiteral("modalities")).toArray().contains(QStringLiteral("audio"));
    if (call.stream || !chat || audio)
        return call;
    ClientCall streamed = call;
    streamed.stream = true;
    streamed.wantsStreamUsage = true; // a whole answer always has its usage
    // Gemini says it in the URL's method.
    if (call.protocol != ClientProtocol::Gemini)
        streamed.body.insert(QStringLiteral("stream"), true);
    return streamed;
}

std::chrono::milliseconds remainingUntil(Clock::time_point when)
{
    return std::max(0ms, std::chrono::ceil<std::chrono::milliseconds>(when - Clock::now()));
}

} // namespace

FailoverSession::FailoverSession(std::shared_ptr<HttpExchange> exchange, ClientCall call,
    QStringList models, LocalKeyDirectory::Entry caller, Context context)
    : m_exchange(std::move(exchange))
    , m_call(std::move(call))
    , m_upstreamCall(upstreamCallFor(m_call))
    , m_models(std::move(models))
    , m_caller(caller)
    , m_context(std::move(context))
    , m_settings(m_context.snapshot->settings)
    , m_waitBudgetLeft(m_settings.waitBudget)
    , m_redactor(m_context.redactor)
{
    m_deadline.setSingleShot(true);
    m_pause.setSingleShot(true);
    m_finishGrace.setSingleShot(true);
    m_firstEvent.setSingleShot(true);
    connect(&m_firstEvent, &QTimer::timeout, this, &FailoverSession::onFirstEventLate);
    connect(&m_deadline, &QTimer::timeout, this, &FailoverSession::onDeadline);
    connect(&m_finishGrace, &QTimer::timeout, this, &FailoverSession::completeStream);
}

FailoverSession::~FailoverSession() = default;

void FailoverSession::start()
{
    m_clock.start();
    m_record.id = newRequestId();
    m_record.localKeyId = m_caller.localKeyId;
    m_record.memberId = m_caller.memberId;
    m_record.workspaceId = m_caller.workspaceId;
    m_record.endpoint = QString::fromLatin1(m_exchange->request().path());
    m_record.requestedModel = m_models.first();
    m_record.stream = m_call.stream;
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    m_context.observer->noteRequestStarted(m_record);

    m_deadline.start(m_settings.deadline);
    connect(m_exchange.get(), &HttpExchange::clientGone, this, &FailoverSession::onClientGone);
    planModel(0);
}

RoutePlan FailoverSession::planFor(const QString& model, const HealthSnapshot& health) const
{
    const RouteRequest request { model, m_caller.memberId, m_caller.localKeyId,
        m_caller.workspaceId };
    return RoutePlanner::plan(
        request, m_context.snapshot->keys, m_context.snapshot->catalog, health, Clock::now());
}

bool FailoverSession::mayTry(const PlannedAttempt& planned, const QString& model) const
{
    if (m_call.boundKeyId && planned.keyId != *m_call.boundKeyId)
        return false;
    return !m_spent.contains({ planned.keyId, model });
}

std::optional<Clock::time_point> FailoverSession::earliestReturn(const RoutePlan& plan) const
{
    if (!m_call.boundKeyId)
        return plan.earliestReturn;
    // The other keys' return is no use to a call only its own key can serve.
    for (const ExcludedKey& excluded : plan.excluded) {
        if (excluded.keyId == *m_call.boundKeyId)
            return excluded.until;
    }
    return std::nullopt;
}

void FailoverSession::planModel(int index)
{
    m_modelIndex = index;
    m_plan = planFor(m_models.at(index), m_context.health->snapshot());
    m_queue.clear();
    for (const PlannedAttempt& planned : m_plan.attempts) {
        if (mayTry(planned, m_models.at(index)))
            m_queue.append(planned);
    }
    tryNext();
}

void FailoverSession::tryNext()
{
    if (m_done)
        return;
    while (!m_queue.isEmpty()) {
        if (m_calls >= m_settings.attemptBudget) {
            giveUp();
            return;
        }
        const PlannedAttempt next = m_queue.takeFirst();
        // A half-open circuit lets one request probe it; the others go on to the next key.
        if (next.probe && !m_context.health->claimProbe(next.keyId))
            continue;
        startAttempt(next);
        return;
    }
    if (m_modelIndex + 1 < m_models.size()) {
        planModel(m_modelIndex + 1);
        return;
    }
    if (!waitForCoolingKey())
        giveUp();
}

// Every key has been tried or is resting. Keys that were only rate-limited come back; when
// the first of them does so within the wait budget and the deadline, wait for it.
bool FailoverSession::waitForCoolingKey()
{
    if (m_calls >= m_settings.attemptBudget)
        return false;
    const HealthSnapshot health = m_context.health->snapshot();
    std::optional<Clock::time_point> earliest;
    for (int index = 0; index < m_models.size(); ++index) {
        const RoutePlan plan = planFor(m_models.at(index), health);
        // Only a key planModel() would queue: any other would send it straight back here.
        for (const PlannedAttempt& planned : plan.attempts) {
            if (!planned.probe && mayTry(planned, m_models.at(index))) {
                planModel(index); // a rate-limited key is back already
                return true;
            }
        }
        const std::optional<Clock::time_point> back = earliestReturn(plan);
        if (back && (!earliest || *back < *earliest))
            earliest = back;
    }
    if (!earliest)
        return false;
    const std::chrono::milliseconds wait = remainingUntil(*earliest);
    const std::chrono::milliseconds deadlineLeft
        = m_settings.deadline - std::chrono::milliseconds(elapsedMs());
    if (wait > m_waitBudgetLeft || wait >= deadlineLeft)
        return false;
    m_waitBudgetLeft -= wait;
    qCDebug(lcFailover) << m_record.id << "waits" << wait.count() << "ms for a cooling key";
    m_pause.callOnTimeout(
        this, [this] { planModel(0); }, Qt::SingleShotConnection);
    m_pause.start(wait);
    return true;
}

void FailoverSession::startAttempt(const PlannedAttempt& planned)
{
    const RouteKey* key = m_context.snapshot->key(planned.keyId);
    m_planned = planned;
    // Keys without a target (no secret) are never planned; the snapshot outlives the session.
    static const UpstreamTarget noTarget;
    const auto target = m_context.snapshot->targets.constFind(planned.keyId);
    m_target = target == m_context.snapshot->targets.cend() ? &noTarget : &*target;
    m_redactor = m_context.redactor;
    m_attempt = AttemptRecord {};
    m_attempt.requestId = m_record.id;
    m_attempt.number = int(m_record.attempts.size()) + 1;
    m_attempt.keyId = key->id;
    m_attempt.keyLabel = key->label;
    m_attempt.providerId = key->providerId;
    m_attempt.tier = key->tier;
    m_attempt.model = planned.upstreamModel;
    m_attempt.startedAt = QDateTime::currentDateTimeUtc();
    m_attemptClock.start();

    m_adapter = m_context.adapterFor(key->providerId, planned.upstreamModel, m_call.protocol);
    if (!m_adapter) {
        skipAttempt(planned, QStringLiteral("unsupported"),
            tr("Keyway cannot call %1 keys yet").arg(key->providerId));
        return;
    }
    sendAttempt();
}

void FailoverSession::sendAttempt()
{
    UpstreamTarget target = *m_target;
    if (const auto needed = m_context.accessTokens->lookup(target); !needed.account.isEmpty()) {
        if (!needed.token) {
            waitForToken(needed.account);
            return;
        }
        target.accessToken = *needed.token;
        // A provider that quotes the token in its error must not pass it on.
        m_redactor = m_context.redactor.with(target.accessToken);
    }
    Result<UpstreamRequest> request
        = m_adapter->buildRequest(target, m_upstreamCall, m_planned.upstreamModel);
    if (!request) {
        // What the request holds that this upstream's format cannot carry, or the key's setup.
        const bool untranslatable = request.failure().kind == FailureKind::Unsupported;
        skipAttempt(m_planned,
            untranslatable ? QStringLiteral("untranslatable") : QStringLiteral("configuration"),
            request.failure().message);
        return;
    }
    m_attempt.droppedFields = request->droppedFields;
    ++m_calls;
    m_body.clear();
    m_translator.reset();
    m_assembler.reset();
    const std::chrono::milliseconds left
        = std::max(1ms, m_settings.deadline - std::chrono::milliseconds(elapsedMs()));
    m_upstream = std::make_unique<UpstreamCall>(std::move(*request), m_target->caFile,
        UpstreamCall::Timeouts { std::min(m_settings.connectTimeout, left),
            std::min(headersWait(), left), m_settings.streamIdleTimeout });
    connect(m_upstream.get(), &UpstreamCall::responseStarted, this,
        &FailoverSession::onResponseStarted);
    connect(m_upstream.get(), &UpstreamCall::dataArrived, this, &FailoverSession::onData);
    connect(m_upstream.get(), &UpstreamCall::finished, this, &FailoverSession::onCallFinished);
    connect(m_upstream.get(), &UpstreamCall::failed, this, &FailoverSession::onCallFailed);
    m_upstream->start();
}

// How long the provider may take to show it is alive. A streamed call is answered with headers
// at once by a live provider, so one that keeps silent is given up on quickly while another key
// is left; the last key is waited for as long as a model may think.
std::chrono::milliseconds FailoverSession::headersWait() const
{
    if (!m_upstreamCall.stream)
        return m_settings.firstByteTimeout;
    const bool anotherLeft = m_calls < m_settings.attemptBudget
        && (!m_queue.isEmpty() || m_modelIndex + 1 < m_models.size());
    return anotherLeft ? m_settings.headersTimeout : m_settings.firstEventTimeout;
}

void FailoverSession::waitForToken(const QString& accountKey)
{
    m_waitingForToken = true;
    const quint64 waitId = ++m_tokenWaitId;
    // Connected before asking: another thread's fetch may end before fetch() returns.
    m_tokenWait = connect(m_context.accessTokens, &AccessTokenSource::fetched, this,
        [this, waitId, key = accountKey](
            const QString& accountKey, const QString& error, bool credentialRejected) {
            if (accountKey == key && waitId == m_tokenWaitId && m_waitingForToken)
                onTokenFetched(error, credentialRejected);
        });
    if (m_context.accessTokens->fetch(*m_target))
        onTokenFetched({}, false); // came in between
}

void FailoverSession::onTokenFetched(const QString& error, bool credentialRejected)
{
    m_waitingForToken = false;
    disconnect(std::exchange(m_tokenWait, {}));
    if (m_done)
        return;
    if (error.isEmpty()) {
        sendAttempt();
        return;
    }
    ++m_calls; // the attempt reached Google, if not the model
    if (credentialRejected) {
        failOver(UpstreamOutcome::InvalidKey, QStringLiteral("invalid_key"), error);
        return;
    }
    // A token endpoint that did not answer says nothing about the key, and every request that
    // waited for the same fetch hears of it: the key's health is left alone.
    m_spent.insert({ m_planned.keyId, m_models.at(m_modelIndex) });
    finishAttempt(std::nullopt, QStringLiteral("server_error"), error);
    tryNext();
}

void FailoverSession::skipAttempt(
    const PlannedAttempt& planned, const QString& errorClass, const QString& message)
{
    if (planned.probe)
        m_context.health->releaseProbe(planned.keyId);
    m_spent.insert({ planned.keyId, m_models.at(m_modelIndex) });
    finishAttempt(std::nullopt, errorClass, message);
    tryNext();
}

void FailoverSession::onResponseStarted()
{
    m_attempt.httpStatus = m_upstream->status();
    const bool success = m_upstream->status() / 100 == 2;
    // Server-sent events, or Bedrock's binary event stream.
    const QByteArray contentType = m_upstream->header("content-type");
    const bool eventStream = contentType.startsWith("text/event-stream")
        || contentType.startsWith("application/vnd.amazon.eventstream");
    if (m_upstreamCall.stream && success && eventStream) {
        m_translator = m_adapter->streamTranslator(m_upstreamCall);
        m_translator->setPrice(m_context.snapshot->catalog.priceOf(modelNames()));
        if (!m_call.stream)
            m_assembler = AnswerAssembler::forProtocol(m_call.protocol);
        // A model may think for minutes before its first token; silence after it is a stall.
        m_upstream->setIdleTimeout(m_settings.firstEventTimeout);
        m_firstEvent.start(m_settings.firstEventTimeout);
    }
}

void FailoverSession::onData(const QByteArray& bytes)
{
    m_attempt.bytes += bytes.size();
    if (m_translator) {
        m_translator->feed(bytes);
        onStreamProgress();
        return;
    }
    // Kept whole until it is read: the same bound as for a compressed answer's inflated bytes.
    if (m_body.size() + bytes.size() > UpstreamLimits::maxBodyBytes) {
        dropUpstream();
        failOver(UpstreamOutcome::ServerFailure, QStringLiteral("server_error"),
            tr("The answer is larger than %1 MiB").arg(UpstreamLimits::maxBodyBytes / 1024 / 1024));
        return;
    }
    m_body += bytes;
}

void FailoverSession::onStreamProgress()
{
    if (const std::optional<QJsonObject>& error = m_translator->upstreamError()) {
        const QByteArray body = m_redactor.redact(
            QJsonDocument(QJsonObject { { QStringLiteral("error"), *error } }).toJson());
        const QString message = m_adapter->errorMessage(body);
        if (m_committed) {
            breakStream(message);
            return;
        }
        // Nothing reached the client yet: an error event is an answer like an error status.
        const int code = error->value(QStringLiteral("code")).toInt();
        const UpstreamOutcome outcome
            = m_adapter->classify(code >= 400 && code < 600 ? code : 500, {}, body);
        dropUpstream();
        if (outcome == UpstreamOutcome::ClientError) {
            finishAttempt(outcome, errorClassOf(outcome), message);
            answer(400, m_adapter->translateError(m_call, body));
            finishRequest(400, message);
            return;
        }
        failOver(outcome, errorClassOf(outcome), message);
        return;
    }
    if (m_translator->hasStarted() && m_firstEvent.isActive()) {
        m_firstEvent.stop();
        m_upstream->setIdleTimeout(m_settings.streamIdleTimeout);
    }
    if (m_assembler) {
        m_assembler->feed(m_translator->takeClientBytes());
    } else {
        if (!m_committed && m_translator->hasStarted())
            commitStream();
        if (m_committed) {
            if (const QByteArray bytes = m_translator->takeClientBytes(); !bytes.isEmpty())
                m_exchange->write(bytes);
        }
    }
    if (m_translator->isFinished())
        completeStream();
    else if (m_translator->isComplete())
        m_finishGrace.start(completeStreamGrace);
}

void FailoverSession::onCallFinished()
{
    if (m_translator) {
        // The upstream closed its stream. Without [DONE] but complete, it is finalised now.
        if (m_translator->isComplete()) {
            completeStream();
            return;
        }
        const QString message = tr("The stream ended before the answer was complete");
        if (m_committed) {
            breakStream(message);
            return;
        }
        dropUpstream();
        failOver(UpstreamOutcome::ServerFailure, QStringLiteral("stream_error"), message);
        return;
    }
    const int status = m_upstream->status();
    const QByteArray body = std::exchange(m_body, {});
    const HttpHeaders headers = m_upstream->headers();
    m_attempt.httpStatus = status;
    m_attempt.rateLimitHeaders = rateLimitHeaders(headers);
    dropUpstream();
    UpstreamOutcome outcome = m_adapter->classify(status, headers, body);
    if (outcome == UpstreamOutcome::InvalidKey) {
        // A refused access token is not a refused key: the next attempt gets a fresh one, and
        // a key Google no longer honours is refused at the token endpoint then.
        if (!m_context.accessTokens->accountKey(*m_target).isEmpty()) {
            m_context.accessTokens->forget(*m_target);
            outcome = UpstreamOutcome::ServerFailure;
        }
    }
    if (outcome == UpstreamOutcome::Success) {
        const std::optional<ClientAnswer> translated = m_adapter->translateAnswer(m_call, body);
        if (!translated) {
            failOver(UpstreamOutcome::ServerFailure, QStringLiteral("server_error"),
                tr("The provider's answer could not be read"));
            return;
        }
        m_attempt.usage = translated->usage;
        m_record.usage = translated->usage;
        m_record.servedModel
            = translated->servedModel.isEmpty() ? m_planned.upstreamModel : translated->servedModel;
        m_record.keyLabel = m_attempt.keyLabel;
        estimateCost();
        finishAttempt(outcome, {}, {});
        answer(200, withCost(translated->body));
        finishRequest(200);
        return;
    }
    // Redacted before anything is taken from it: a message cut short would keep a secret's
    // start, which no pattern matches any more.
    const QByteArray errorBody = m_redactor.redact(body);
    const QString message = m_adapter->errorMessage(errorBody);
    if (outcome == UpstreamOutcome::ClientError) {
        // The request itself is at fault: the provider's words go to the client as they are.
        m_record.keyLabel = m_attempt.keyLabel;
        finishAttempt(outcome, errorClassOf(outcome), message);
        answer(status, m_adapter->translateError(m_call, errorBody));
        finishRequest(status, message);
        return;
    }
    const auto cooldown = outcome == UpstreamOutcome::RateLimited
        ? m_adapter->cooldown(headers, body)
        : std::nullopt;
    failOver(outcome, errorClassOf(outcome), message, cooldown);
}

void FailoverSession::onCallFailed(const QString& errorClass, const QString& message)
{
    if (m_committed) {
        breakStream(message);
        return;
    }
    m_attempt.httpStatus = m_upstream->status();
    // No headers in time: a silent provider, not a slow one (see RouterSettings).
    const bool silent = errorClass == u"timeout" && !m_upstream->hasAnswered();
    dropUpstream();
    if (errorClass == u"configuration") {
        // Nothing was sent (the key's CA file cannot be used, or its plain-HTTP endpoint
        // reached a public address): the key's setup is at fault, not its health, and no call
        // was made.
        --m_calls;
        skipAttempt(m_planned, errorClass, message);
        return;
    }
    failOver(
        silent ? UpstreamOutcome::Silent : UpstreamOutcome::ServerFailure, errorClass, message);
}

void FailoverSession::onFirstEventLate()
{
    if (m_done || m_committed)
        return;
    dropUpstream();
    failOver(UpstreamOutcome::ServerFailure, QStringLiteral("timeout"),
        tr("No content within %1 s of the answer's headers")
            .arg(std::chrono::duration_cast<std::chrono::seconds>(m_settings.firstEventTimeout)
                     .count()));
}

void FailoverSession::failOver(UpstreamOutcome outcome, const QString& errorClass,
    const QString& message, std::optional<std::chrono::milliseconds> cooldown)
{
    finishAttempt(outcome, errorClass, message, cooldown);
    const QString model = m_models.at(m_modelIndex);
    // A rate-limited key may be tried again once it has rested; any other failure is final
    // for this request.
    if (outcome != UpstreamOutcome::RateLimited)
        m_spent.insert({ m_planned.keyId, model });
    const bool lastCandidate = m_queue.isEmpty() && m_modelIndex + 1 == m_models.size();
    if (outcome == UpstreamOutcome::ServerFailure && lastCandidate && !m_retriedAlone
        && m_calls < m_settings.attemptBudget) {
        m_retriedAlone = true;
        PlannedAttempt again = m_planned;
        again.probe = false;
        m_queue.append(again);
        m_pause.callOnTimeout(this, &FailoverSession::tryNext, Qt::SingleShotConnection);
        m_pause.start(aloneRetryBackoff);
        return;
    }
    tryNext();
}

void FailoverSession::finishAttempt(std::optional<UpstreamOutcome> outcome,
    const QString& errorClass, const QString& message,
    std::optional<std::chrono::milliseconds> cooldown)
{
    m_attempt.latencyMs = m_attemptClock.elapsed();
    m_attempt.errorClass = errorClass;
    // Some services quote the key they were given in their error; the log never shows it.
    m_attempt.errorMessage = m_redactor.redact(message);
    if (m_translator) {
        m_attempt.usage = m_translator->usage();
        m_attempt.malformedEvents = m_translator->malformedEvents();
    }
    if (outcome)
        m_context.health->record(m_planned.keyId, m_planned.upstreamModel, *outcome, cooldown,
            Clock::now(), std::chrono::milliseconds(m_attempt.latencyMs));
    else if (m_planned.probe)
        m_context.health->releaseProbe(m_planned.keyId);
    m_record.attempts.append(m_attempt);
    m_context.observer->noteAttemptFinished(m_attempt);
}

void FailoverSession::commitStream()
{
    m_committed = true;
    m_attempt.httpStatus = m_upstream ? m_upstream->status() : 200;
    // A Gemini client streaming without alt=sse reads one JSON array.
    HttpExchange::Headers headers {
        { "Content-Type", m_call.jsonArrayStream ? "application/json" : "text/event-stream" },
        { "Cache-Control", "no-cache" }
    };
    m_exchange->beginStream(200, headers + routingHeaders(true));
}

void FailoverSession::completeStream()
{
    if (m_done)
        return;
    if (m_assembler) {
        completeAssembled();
        return;
    }
    if (!m_committed)
        commitStream();
    m_exchange->write(m_translator->takeClientBytes() + m_translator->closing());
    m_exchange->endStream();
    dropUpstream(); // an upstream that never sends [DONE] is let go here
    recordStreamSuccess();
    finishRequest(200);
}

// What a whole stream tells the record: its usage, the model that answered, the key.
void FailoverSession::recordStreamSuccess()
{
    m_record.usage = m_translator->usage();
    m_record.servedModel = m_translator->servedModel().isEmpty() ? m_planned.upstreamModel
                                                                 : m_translator->servedModel();
    m_record.keyLabel = m_attempt.keyLabel;
    if (const QString& stored = m_translator->storedAnswerId(); !stored.isEmpty())
        m_context.responseOwners->remember(stored, m_planned.keyId);
    estimateCost();
    finishAttempt(UpstreamOutcome::Success, {}, {});
}

void FailoverSession::completeAssembled()
{
    // A translator holds back what ends its stream (a stop reason, usage) until it is closed.
    m_assembler->feed(QByteArray(m_translator->takeClientBytes() + m_translator->closing()));
    dropUpstream();
    const std::optional<QByteArray> body = m_assembler->answer();
    if (!body) {
        failOver(UpstreamOutcome::ServerFailure, QStringLiteral("server_error"),
            tr("The provider's streamed answer could not be read"));
        return;
    }
    recordStreamSuccess();
    answer(200, withCost(*body));
    finishRequest(200);
}

QStringList FailoverSession::modelNames() const
{
    // What was sent first: an answer often names a dated version the catalog does not list
    // ("gpt-4o-mini-2024-07-18"), and a deployment may have a name of its own.
    return { m_planned.upstreamModel, m_models.at(m_modelIndex), m_record.servedModel };
}

void FailoverSession::estimateCost()
{
    if (const auto price = m_context.snapshot->catalog.priceOf(modelNames()))
        m_record.cost = price->costOf(m_record.usage);
}

QByteArray FailoverSession::withCost(const QByteArray& answerBody) const
{
    if (!m_record.cost || m_call.protocol != ClientProtocol::OpenAi)
        return answerBody;
    QJsonObject message = QJsonDocument::fromJson(answerBody).object();
    if (!message.value(QStringLiteral("usage")).isObject())
        return answerBody;
    OpenAiStreamTranslator::insertCost(message, *m_record.cost);
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

// After the first event the status line is out: a failure ends the stream with an error
// event, never with a quiet end that would pass for a whole answer.
void FailoverSession::breakStream(const QString& upstreamMessage)
{
    const QString message = m_redactor.redact(upstreamMessage);
    // The text before the error is looked at too, once per broken stream. The error goes in a
    // write of its own: Gemini's clients recognise it only when it comes in a read of its own.
    if (const QByteArray text = m_redactor.redact(m_translator->takeClientBytes()); !text.isEmpty())
        m_exchange->write(text);
    m_exchange->write(
        m_redactor.redact(m_translator->errorEvent(message, QStringLiteral("upstream_error"))));
    m_exchange->endStream();
    dropUpstream();
    m_record.servedModel = m_translator->servedModel();
    m_record.keyLabel = m_attempt.keyLabel;
    finishAttempt(UpstreamOutcome::ServerFailure, QStringLiteral("stream_error"), message);
    finishRequest(502, message);
}

void FailoverSession::onDeadline()
{
    if (m_done)
        return;
    m_deadlinePassed = true;
    const QString message
        = tr("The request's deadline of %1 s passed")
              .arg(std::chrono::duration_cast<std::chrono::seconds>(m_settings.deadline).count());
    if (m_committed) {
        breakStream(message);
        return;
    }
    if (attemptInFlight()) {
        dropUpstream();
        finishAttempt(std::nullopt, QStringLiteral("timeout"), message);
    }
    giveUp();
}

void FailoverSession::onClientGone()
{
    if (m_done)
        return;
    if (attemptInFlight()) {
        dropUpstream(); // the provider's request is cancelled with it
        finishAttempt(
            std::nullopt, QStringLiteral("cancelled"), tr("The client closed the connection"));
    }
    finishRequest(499, tr("The client closed the connection"));
}

void FailoverSession::giveUp()
{
    ClientErrors::Error error;
    HttpExchange::Headers headers;
    const QString model = m_models.at(m_modelIndex);
    bool onlyRateLimits = m_calls > 0;
    for (const AttemptRecord& attempt : m_record.attempts) {
        if (attempt.errorClass != u"rate_limited" && attempt.errorClass != u"unsupported")
            onlyRateLimits = false;
    }
    const RoutePlan now = planFor(model, m_context.health->snapshot());
    const bool cooling = now.earliestReturn.has_value() && (m_calls == 0 || onlyRateLimits);

    if (m_deadlinePassed) {
        error = { 504, tr("The request's deadline passed before a key answered"),
            QStringLiteral("timeout"), QStringLiteral("deadline_exceeded"), {} };
    } else if (cooling) {
        const auto seconds
            = std::chrono::ceil<std::chrono::seconds>(remainingUntil(*now.earliestReturn));
        headers.append({ "Retry-After", QByteArray::number(std::max<qint64>(1, seconds.count())) });
        error = { 429,
            tr("Every key for %1 is resting; the first is back in %2 s")
                .arg(model)
                .arg(std::max<qint64>(1, seconds.count())),
            QStringLiteral("rate_limit_error"), QStringLiteral("rate_limited"), {},
            int(std::max<qint64>(1, seconds.count())) };
    } else if (m_call.boundKeyId && m_record.attempts.isEmpty()) {
        error = ClientErrors::badRequest(boundKeyUnusable());
        error.code = QStringLiteral("previous_response_unavailable");
    } else if (onlyUntranslatable()) {
        // Every key's format was asked and none can carry the request: the client's to change.
        error = ClientErrors::badRequest(m_record.attempts.constLast().errorMessage);
        error.code = QStringLiteral("unsupported_request");
    } else if (m_record.attempts.isEmpty() && m_plan.attempts.isEmpty() && !m_plan.earliestReturn) {
        const bool anyHealthExclusion = std::any_of(
            m_plan.excluded.cbegin(), m_plan.excluded.cend(), [](const ExcludedKey& excluded) {
                // A key left out for its state now, not for what it is: the request may succeed
                // later.
                return excluded.reason == ExclusionReason::SecretUnreadable
                    || excluded.reason >= ExclusionReason::Invalid;
            });
        error = anyHealthExclusion
            ? ClientErrors::Error { 503, tr("No key for %1 is usable now").arg(model),
                  QStringLiteral("api_error"), QStringLiteral("no_usable_key"), {} }
            : ClientErrors::Error { 404,
                  tr("No key in this workspace serves the model %1 for this local key").arg(model),
                  QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"), {} };
    } else {
        const QString last
            = m_record.attempts.isEmpty() ? QString() : m_record.attempts.constLast().errorMessage;
        error = { 502,
            tr("All %n attempt(s) failed. The last: %1", nullptr, int(m_record.attempts.size()))
                .arg(last),
            QStringLiteral("api_error"), QStringLiteral("upstream_error"), {} };
    }
    error.metadata = failureMetadata();
    answer(error.status, ClientErrors::body(m_call.protocol, error), headers);
    finishRequest(error.status, error.message);
}

QString FailoverSession::boundKeyUnusable() const
{
    const RouteKey* key = m_context.snapshot->key(*m_call.boundKeyId);
    QString why = tr("it does not serve %1 for this local key").arg(m_models.at(m_modelIndex));
    for (const ExcludedKey& excluded : m_plan.excluded) {
        if (excluded.keyId == *m_call.boundKeyId)
            why = RoutePlanner::describe(excluded, Clock::now());
    }
    return tr("The previous response lives on the account of the key %1, which cannot serve this "
              "request: %2")
        .arg(key ? key->label : tr("(removed)"), key ? why : tr("the key was removed"));
}

bool FailoverSession::onlyUntranslatable() const
{
    return !m_record.attempts.isEmpty()
        && std::all_of(m_record.attempts.cbegin(), m_record.attempts.cend(),
            [](const AttemptRecord& attempt) { return attempt.errorClass == u"untranslatable"; });
}

QJsonObject FailoverSession::failureMetadata() const
{
    QJsonArray keys;
    const Clock::time_point now = Clock::now();
    for (const ExcludedKey& excluded : m_plan.excluded) {
        if (excluded.reason == ExclusionReason::OtherWorkspace)
            continue; // another workspace's keys are not this caller's business
        const RouteKey* key = m_context.snapshot->key(excluded.keyId);
        keys.append(QJsonObject { { QStringLiteral("key_label"), key ? key->label : QString() },
            { QStringLiteral("state"), RoutePlanner::describe(excluded, now) } });
    }
    return { { QStringLiteral("request_id"), m_record.id },
        { QStringLiteral("provider_responses"),
            RequestRecordJson::providerResponses(m_record.attempts) },
        { QStringLiteral("excluded_keys"), keys } };
}

HttpExchange::Headers FailoverSession::routingHeaders(bool attemptInFlight) const
{
    const QByteArray id = m_record.id.toLatin1();
    HttpExchange::Headers headers { { "x-keyway-request-id", id }, { "X-Generation-Id", id },
        { "x-keyway-attempts",
            QByteArray::number(m_record.attempts.size() + (attemptInFlight ? 1 : 0)) } };
    const QString label = attemptInFlight ? m_attempt.keyLabel : m_record.keyLabel;
    if (!label.isEmpty())
        headers.append({ "x-keyway-key", headerSafe(label) });
    return headers;
}

void FailoverSession::answer(int status, const QByteArray& body, HttpExchange::Headers headers)
{
    headers.prepend({ "Content-Type", "application/json" });
    // An error may be the provider's own body, passed on; a good answer is the model's words.
    m_exchange->respond(status, headers + routingHeaders(false),
        status / 100 == 2 ? body : m_redactor.redact(body));
}

void FailoverSession::dropUpstream()
{
    // A token still coming is kept for others.
    m_waitingForToken = false;
    disconnect(std::exchange(m_tokenWait, {}));
    m_firstEvent.stop();
    if (!m_upstream)
        return;
    m_upstream->disconnect(this);
    m_upstream->cancel();
    // Not deleted at once: this may run inside one of the call's own signals.
    m_upstream.release()->deleteLater();
}

void FailoverSession::finishRequest(int status, const QString& error)
{
    m_done = true;
    m_deadline.stop();
    m_pause.stop();
    m_finishGrace.stop();
    dropUpstream();
    m_record.status = status;
    m_record.errorMessage = m_redactor.redact(error);
    m_record.latencyMs = elapsedMs();
    m_context.observer->noteRequestFinished(m_record);
    deleteLater();
}
