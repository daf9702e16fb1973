#include "router/providers/HubAdapter.h"

#include "router/inbound/ClientErrors.h"
#include "router/translate/AnthropicToGeminiStream.h"
#include "router/translate/AnthropicToResponsesStream.h"
#include "router/translate/ChainedStreamTranslator.h"
#include "router/translate/GeminiEmbeddings.h"
#include "router/translate/GeminiToAnthropic.h"
#include "router/translate/ResponsesToAnthropic.h"

#include <QJsonDocument>

namespace {

// The Anthropic call as far as reading its answers goes: the upstream adapters need its
// protocol, endpoint and streaming, and the model the client named (an answer that names none
// is recorded under it).
ClientCall answerShell(const ClientCall& call)
{
    ClientCall shell;
    if (call.endpoint == ClientEndpoint::Embeddings) {
        shell.endpoint = ClientEndpoint::Embeddings; // OpenAI's, as embeddingsCall() makes it
        return shell;
    }
    shell.protocol = ClientProtocol::Anthropic;
    shell.endpoint = call.endpoint == ClientEndpoint::CountTokens ? ClientEndpoint::CountTokens
                                                                  : ClientEndpoint::Messages;
    shell.stream = call.stream;
    shell.wantsStreamUsage = true;
    if (const QJsonValue model = call.body.value(QStringLiteral("model")); model.isString())
        shell.body.insert(QStringLiteral("model"), model);
    return shell;
}

// A count_tokens request takes what shapes the prompt, and nothing about the answer.
QJsonObject countTokensBody(const QJsonObject& messages)
{
    QJsonObject body;
    for (const char* field : { "messages", "system", "tools", "tool_choice", "thinking" }) {
        if (const QJsonValue value = messages.value(QLatin1StringView(field)); !value.isUndefined())
            body.insert(QLatin1StringView(field), value);
    }
    return body;
}

// Gemini's countTokens takes the contents alone, or a whole generateContentRequest.
QJsonObject geminiCountedRequest(const QJsonObject& body)
{
    for (const char* name : { "generateContentRequest", "generate_content_request" }) {
        if (const QJsonValue wrapped = body.value(QLatin1StringView(name)); wrapped.isObject())
            return wrapped.toObject();
    }
    return body;
}

Result<QJsonObject> hubBody(const ClientCall& call, QStringList* dropped)
{
    if (call.protocol == ClientProtocol::Responses) {
        auto translated = ResponsesToAnthropic::request(call.body);
        if (!translated)
            return translated.failure();
        *dropped += translated->droppedFields;
        return translated->body;
    }
    const QJsonObject gemini = call.endpoint == ClientEndpoint::CountTokens
        ? geminiCountedRequest(call.body)
        : call.body;
    auto translated = GeminiToAnthropic::request(gemini);
    if (!translated)
        return translated.failure();
    *dropped += translated->droppedFields;
    return translated->body;
}

// Gemini's embeddings, which Anthropic's format has none of, go as OpenAI's.
Result<ClientCall> embeddingsCall(const ClientCall& call, QStringList* dropped)
{
    if (call.protocol != ClientProtocol::Gemini)
        return unsupported(QStringLiteral("Only Gemini's embeddings are translated"));
    auto translated = GeminiEmbeddings::request(call.body);
    if (!translated)
        return translated.failure();
    *dropped += translated->droppedFields;
    ClientCall openAi;
    openAi.endpoint = ClientEndpoint::Embeddings;
    openAi.body = translated->body;
    return openAi;
}

} // namespace

HubAdapter::HubAdapter(const UpstreamAdapter& upstream)
    : m_upstream(upstream)
{ }

Result<ClientCall> HubAdapter::hubCall(const ClientCall& call, QStringList* dropped)
{
    if (call.endpoint == ClientEndpoint::Embeddings)
        return embeddingsCall(call, dropped);
    Result<QJsonObject> body = hubBody(call, dropped);
    if (!body)
        return body.failure();
    ClientCall hub = answerShell(call);
    if (hub.endpoint == ClientEndpoint::CountTokens) {
        hub.body = countTokensBody(*body);
    } else {
        hub.body = *body;
        hub.body.insert(QStringLiteral("stream"), call.stream);
    }
    return hub;
}

Result<UpstreamRequest> HubAdapter::buildRequest(
    const UpstreamTarget& target, const ClientCall& call, const QString& upstreamModel) const
{
    QStringList dropped;
    const Result<ClientCall> hub = hubCall(call, &dropped);
    if (!hub)
        return hub.failure();
    Result<UpstreamRequest> request = m_upstream.buildRequest(target, *hub, upstreamModel);
    if (request)
        request->droppedFields = dropped + request->droppedFields;
    return request;
}

UpstreamOutcome HubAdapter::classify(
    int httpStatus, const HttpHeaders& headers, const QByteArray& body) const
{
    return m_upstream.classify(httpStatus, headers, body);
}

QString HubAdapter::errorMessage(const QByteArray& body) const
{
    return m_upstream.errorMessage(body);
}

std::optional<ClientAnswer> HubAdapter::translateAnswer(
    const ClientCall& call, const QByteArray& body) const
{
    std::optional<ClientAnswer> answer = m_upstream.translateAnswer(answerShell(call), body);
    if (!answer)
        return std::nullopt;
    std::optional<QByteArray> translated;
    if (call.endpoint == ClientEndpoint::Embeddings) {
        translated = GeminiEmbeddings::answer(answer->body, GeminiEmbeddings::isBatch(call.body));
    } else if (call.endpoint == ClientEndpoint::CountTokens) {
        // Gemini's countTokens answer; the Responses API has none here.
        translated = QJsonDocument(
            QJsonObject { { QStringLiteral("totalTokens"), qint64(answer->usage.prompt) } })
                         .toJson(QJsonDocument::Compact);
    } else if (call.protocol == ClientProtocol::Responses) {
        translated = ResponsesToAnthropic::answer(answer->body, answer->servedModel);
    } else {
        translated = GeminiToAnthropic::answer(
            answer->body, answer->servedModel, GeminiToAnthropic::includesThoughts(call.body));
    }
    if (!translated)
        return std::nullopt;
    answer->body = *translated;
    return answer;
}

QByteArray HubAdapter::translateError(const ClientCall& call, const QByteArray& body) const
{
    if (call.endpoint == ClientEndpoint::Embeddings) // an OpenAI error, in Google's shape
        return ClientErrors::googleBody(ClientErrors::badRequest(m_upstream.errorMessage(body)));
    const QByteArray anthropic = m_upstream.translateError(answerShell(call), body);
    return call.protocol == ClientProtocol::Responses ? ResponsesToAnthropic::error(anthropic)
                                                      : GeminiToAnthropic::error(anthropic);
}

std::unique_ptr<StreamTranslator> HubAdapter::streamTranslator(const ClientCall& call) const
{
    std::unique_ptr<StreamTranslator> toClient;
    if (call.protocol == ClientProtocol::Responses) {
        toClient = std::make_unique<AnthropicToResponsesStream>(call.body);
    } else {
        toClient = std::make_unique<AnthropicToGeminiStream>(
            GeminiToAnthropic::includesThoughts(call.body),
            call.jsonArrayStream ? GeminiStreamFraming::Framing::JsonArray
                                 : GeminiStreamFraming::Framing::Sse);
    }
    return std::make_unique<ChainedStreamTranslator>(
        m_upstream.streamTranslator(answerShell(call)), std::move(toClient));
}

std::optional<std::chrono::milliseconds> HubAdapter::cooldown(
    const HttpHeaders& headers, const QByteArray& body) const
{
    return m_upstream.cooldown(headers, body);
}
