#include "OpenAiAdapter.h"

#include "OpenAiRequestBuilder.h"
#include "OpenAiStreamTranslator.h"
#include "OutcomeClassifier.h"

#include <QJsonDocument>

std::optional<UpstreamRequest> OpenAiAdapter::buildRequest(const UpstreamTarget& target,
    const ClientCall& call, const QString& upstreamModel, QString* error) const
{
    if (call.protocol != ClientProtocol::OpenAi || call.endpoint == ClientEndpoint::Messages) {
        if (error)
            *error = QStringLiteral("Anthropic-format requests reach OpenAI-format keys once "
                                    "translation is built");
        return std::nullopt;
    }
    const auto endpoint = call.endpoint == ClientEndpoint::Embeddings
        ? OpenAiRequestBuilder::Endpoint::Embeddings
        : OpenAiRequestBuilder::Endpoint::ChatCompletions;
    return OpenAiRequestBuilder::build(target, endpoint, call.body, upstreamModel, error);
}

UpstreamOutcome OpenAiAdapter::classify(int httpStatus, const QByteArray& body) const
{
    return OutcomeClassifier::classify(httpStatus, body);
}

QString OpenAiAdapter::errorMessage(const QByteArray& body) const
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QStringLiteral("error"));
    if (error.isObject())
        return error.toObject().value(QStringLiteral("message")).toString();
    if (error.isString())
        return error.toString();
    // Not JSON (a proxy's HTML page): its start says enough.
    return QString::fromUtf8(body.left(200)).simplified();
}

std::optional<ClientAnswer> OpenAiAdapter::translateAnswer(
    const ClientCall& /*call*/, const QByteArray& body) const
{
    QJsonParseError parseError {};
    const QJsonObject root = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.isEmpty())
        return std::nullopt;
    ClientAnswer answer;
    answer.body = body; // passed through as the provider sent it
    answer.servedModel = root.value(QStringLiteral("model")).toString();
    answer.usage
        = OpenAiStreamTranslator::usageFrom(root.value(QStringLiteral("usage")).toObject());
    return answer;
}

QByteArray OpenAiAdapter::translateError(const ClientCall& /*call*/, const QByteArray& body) const
{
    return body;
}

std::unique_ptr<StreamTranslator> OpenAiAdapter::streamTranslator(const ClientCall& call) const
{
    return std::make_unique<OpenAiStreamTranslator>(call.wantsStreamUsage);
}
