#include "router/providers/bedrock/BedrockAdapter.h"

#include "router/inbound/ClientErrors.h"
#include "router/providers/anthropic/AnthropicBridge.h"
#include "router/providers/bedrock/SigV4Signer.h"
#include "router/translate/AnthropicToConverse.h"
#include "router/translate/ConverseToAnthropicStream.h"
#include "router/upstream/OutcomeClassifier.h"

#include <QDateTime>
#include <QJsonDocument>

QString BedrockAdapter::modelIdFor(const QString& model, const QString& region)
{
    static const QStringList profiled { QStringLiteral("anthropic.claude-3-7"),
        QStringLiteral("anthropic.claude-sonnet-4"), QStringLiteral("anthropic.claude-opus-4"),
        QStringLiteral("anthropic.claude-haiku-4") };
    const bool needsProfile = std::any_of(profiled.cbegin(), profiled.cend(),
        [&model](const QString& prefix) { return model.startsWith(prefix); });
    if (!needsProfile)
        return model;
    const QString geography = region.startsWith(u"eu-") ? QStringLiteral("eu")
        : region.startsWith(u"ap-")                     ? QStringLiteral("apac")
                                                        : QStringLiteral("us");
    return geography + u'.' + model;
}

Result<UpstreamRequest> BedrockAdapter::buildRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& upstreamModel) const
{
    const QString region = target.settings.value(QStringLiteral("region")).toString();
    if (region.isEmpty())
        return invalidInput(QStringLiteral("Bedrock key without a region"));
    QStringList dropped;
    const Result<QJsonObject> anthropic
        = AnthropicBridge::request(call, QStringLiteral("Amazon Bedrock"), &dropped);
    if (!anthropic)
        return anthropic.failure();
    const auto converse = AnthropicToConverse::request(*anthropic);
    if (!converse)
        return converse.failure();
    QString base = target.baseUrl.isEmpty()
        ? QStringLiteral("https://bedrock-runtime.%1.amazonaws.com").arg(region)
        : target.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    // The model id travels percent-encoded (its ':' as %3A); SigV4 signs it encoded again.
    const QByteArray modelPath = QUrl::toPercentEncoding(modelIdFor(upstreamModel, region));
    UpstreamRequest request;
    request.url = QUrl(base + QStringLiteral("/model/") + QString::fromLatin1(modelPath)
        + (call.stream ? QStringLiteral("/converse-stream") : QStringLiteral("/converse")));
    request.body = QJsonDocument(converse->body).toJson(QJsonDocument::Compact);
    request.droppedFields = dropped + converse->droppedFields;
    request.headers = { { "Content-Type", "application/json" } };
    authorize(request, "POST", target.secret, region);
    return request;
}

void BedrockAdapter::authorize(
    UpstreamRequest& request, QByteArrayView method, const QString& secret, const QString& region)
{
    const QJsonObject credentials = QJsonDocument::fromJson(secret.toUtf8()).object();
    if (credentials.isEmpty()) { // a Bedrock API key
        request.headers.append({ "Authorization", "Bearer " + secret.toUtf8() });
        return;
    }
    const SigV4Signer signer({ credentials.value(QStringLiteral("access_key_id")).toString(),
                                 credentials.value(QStringLiteral("secret_access_key")).toString(),
                                 credentials.value(QStringLiteral("session_token")).toString() },
        region, QStringLiteral("bedrock"));
    request.headers += signer.sign(
        method, request.url, request.headers, request.body, QDateTime::currentDateTimeUtc());
}

QString BedrockAdapter::errorType(const HttpHeaders& headers, const QByteArray& body)
{
    // "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/"
    const QByteArray header = headerValue(headers, "x-amzn-ErrorType");
    if (!header.isEmpty())
        return QString::fromLatin1(header.split(':').constFirst()).toLower();
    // An exception frame in a stream, as ConverseToAnthropicStream reports it.
    return QJsonDocument::fromJson(body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("type"))
        .toString()
        .toLower();
}

UpstreamOutcome BedrockAdapter::classify(
    int httpStatus, const HttpHeaders& headers, const QByteArray& body) const
{
    if (httpStatus >= 200 && httpStatus < 300)
        return UpstreamOutcome::Success;
    static const QHash<QString, UpstreamOutcome> outcomes {
        // The key itself: unknown, wrongly signed, expired.
        { QStringLiteral("unrecognizedclientexception"), UpstreamOutcome::InvalidKey },
        { QStringLiteral("invalidsignatureexception"), UpstreamOutcome::InvalidKey },
        { QStringLiteral("expiredtokenexception"), UpstreamOutcome::InvalidKey },
        { QStringLiteral("incompletesignatureexception"), UpstreamOutcome::InvalidKey },
        { QStringLiteral("missingauthenticationtokenexception"), UpstreamOutcome::InvalidKey },
        // Limits: Bedrock sends its quota refusal as a 400, which must not reach the client.
        { QStringLiteral("throttlingexception"), UpstreamOutcome::RateLimited },
        { QStringLiteral("servicequotaexceededexception"), UpstreamOutcome::RateLimited },
        { QStringLiteral("modelnotreadyexception"), UpstreamOutcome::RateLimited },
        // The model, not the key or the request.
        { QStringLiteral("accessdeniedexception"), UpstreamOutcome::ModelUnusable },
        { QStringLiteral("resourcenotfoundexception"), UpstreamOutcome::ModelUnusable },
        { QStringLiteral("modeltimeoutexception"), UpstreamOutcome::ServerFailure },
        { QStringLiteral("modelerrorexception"), UpstreamOutcome::ServerFailure },
        { QStringLiteral("modelstreamerrorexception"), UpstreamOutcome::ServerFailure },
        { QStringLiteral("internalserverexception"), UpstreamOutcome::ServerFailure },
        { QStringLiteral("serviceunavailableexception"), UpstreamOutcome::ServerFailure },
        { QStringLiteral("validationexception"), UpstreamOutcome::ClientError },
    };
    const QString type = errorType(headers, body);
    // Some of Bedrock's "validation" errors are about the model, not the request: another key
    // (another region or account) may serve it.
    if (type == u"validationexception"
        && (body.contains("on-demand throughput") || body.contains("model identifier is invalid")))
        return UpstreamOutcome::ModelUnusable;
    const auto known = outcomes.constFind(type);
    return known != outcomes.cend() ? *known : OutcomeClassifier::classify(httpStatus, body);
}

QString BedrockAdapter::errorMessage(const QByteArray& body) const
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    for (const char* field : { "message", "Message" }) {
        if (const QString message = root.value(QLatin1StringView(field)).toString();
            !message.isEmpty())
            return message;
    }
    return QString::fromUtf8(body.left(200)).simplified();
}

std::optional<ClientAnswer> BedrockAdapter::translateAnswer(
    const ClientCall& call, const QByteArray& body) const
{
    const QString model = call.body.value(QStringLiteral("model")).toString();
    const std::optional<QByteArray> anthropic = AnthropicToConverse::answer(body, model);
    if (!anthropic)
        return std::nullopt;
    return AnthropicBridge::answer(call, *anthropic, model);
}

QByteArray BedrockAdapter::translateError(const ClientCall& call, const QByteArray& body) const
{
    return ClientErrors::body(call.protocol, ClientErrors::badRequest(errorMessage(body)));
}

std::unique_ptr<StreamTranslator> BedrockAdapter::streamTranslator(const ClientCall& call) const
{
    return AnthropicBridge::stream(call,
        std::make_unique<ConverseToAnthropicStream>(
            call.body.value(QStringLiteral("model")).toString()));
}
