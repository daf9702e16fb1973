#include "GeminiAdapter.h"

#include "AnthropicBridge.h"
#include "AnthropicToGemini.h"
#include "ClientErrors.h"
#include "CooldownHeaders.h"
#include "GeminiToAnthropicStream.h"
#include "google/GoogleErrors.h"

#include <QJsonDocument>

std::optional<UpstreamRequest> GeminiAdapter::buildRequest(const UpstreamTarget& target,
    const ClientCall& call, const QString& upstreamModel, QString* error) const
{
    QStringList dropped;
    const std::optional<QJsonObject> anthropic
        = AnthropicBridge::request(call, QStringLiteral("Google"), &dropped, error);
    if (!anthropic)
        return std::nullopt;
    const auto gemini = AnthropicToGemini::request(*anthropic, error);
    if (!gemini)
        return std::nullopt;
    UpstreamRequest request;
    request.body = QJsonDocument(gemini->body).toJson(QJsonDocument::Compact);
    request.droppedFields = dropped + gemini->droppedFields;
    request.headers = { { "Content-Type", "application/json" } };
    // Gemini's own model list names models "models/…"; either form is the same model.
    QString model = upstreamModel;
    if (model.startsWith(u"models/"))
        model.remove(0, 7);
    if (!address(request, target, model, call.stream, error))
        return std::nullopt;
    return request;
}

bool GeminiAdapter::address(UpstreamRequest& request, const UpstreamTarget& target,
    const QString& model, bool stream, QString* /*error*/) const
{
    QString base = target.baseUrl.isEmpty()
        ? QStringLiteral("https://generativelanguage.googleapis.com")
        : target.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    request.url = QUrl(base + QStringLiteral("/v1beta/models/") + model + u':' + method(stream));
    request.headers.append({ "x-goog-api-key", target.secret.toUtf8() });
    return true;
}

QString GeminiAdapter::method(bool stream)
{
    return stream ? QStringLiteral("streamGenerateContent?alt=sse")
                  : QStringLiteral("generateContent");
}

UpstreamOutcome GeminiAdapter::classify(int httpStatus, const QByteArray& body) const
{
    return GoogleErrors::classify(httpStatus, body);
}

QString GeminiAdapter::errorMessage(const QByteArray& body) const
{
    return googleErrorMessage(body);
}

QString GeminiAdapter::googleErrorMessage(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    // A streamed error may come as a one-element array.
    const QJsonObject root
        = document.isArray() ? document.array().first().toObject() : document.object();
    const QJsonValue error = root.value(QStringLiteral("error"));
    if (const QString message = error.toObject().value(QStringLiteral("message")).toString();
        !message.isEmpty())
        return message;
    return QString::fromUtf8(body.left(200)).simplified();
}

std::optional<ClientAnswer> GeminiAdapter::translateAnswer(
    const ClientCall& call, const QByteArray& body) const
{
    const QString model = call.body.value(QStringLiteral("model")).toString();
    const std::optional<QByteArray> anthropic = AnthropicToGemini::answer(body, model);
    if (!anthropic)
        return std::nullopt;
    std::optional<ClientAnswer> answer = AnthropicBridge::answer(call, *anthropic, model);
    // Google's counts say how much of the completion was thinking; Anthropic's cannot.
    if (answer) {
        answer->usage = AnthropicToGemini::usage(QJsonDocument::fromJson(body)
                                                     .object()
                                                     .value(QStringLiteral("usageMetadata"))
                                                     .toObject());
    }
    return answer;
}

QByteArray GeminiAdapter::translateError(const ClientCall& call, const QByteArray& body) const
{
    return ClientErrors::body(call.protocol, ClientErrors::badRequest(errorMessage(body)));
}

std::unique_ptr<StreamTranslator> GeminiAdapter::streamTranslator(const ClientCall& call) const
{
    return AnthropicBridge::stream(call,
        std::make_unique<GeminiToAnthropicStream>(
            call.body.value(QStringLiteral("model")).toString()));
}

std::optional<std::chrono::milliseconds> GeminiAdapter::cooldown(
    const HttpHeaders& headers, const QByteArray& body) const
{
    if (auto fromBody = GoogleErrors::cooldown(body, QDateTime::currentDateTimeUtc()))
        return fromBody;
    return UpstreamAdapter::cooldown(headers, body);
}
