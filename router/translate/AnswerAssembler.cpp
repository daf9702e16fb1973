#include "router/translate/AnswerAssembler.h"

#include "router/http/UpstreamLimits.h"
#include "router/translate/AnthropicAnswerAssembler.h"
#include "router/translate/GeminiAnswerAssembler.h"
#include "router/translate/OpenAiAnswerAssembler.h"
#include "router/translate/ResponsesAnswerAssembler.h"

#include <QJsonDocument>

std::unique_ptr<AnswerAssembler> AnswerAssembler::forProtocol(ClientProtocol protocol)
{
    switch (protocol) {
    case ClientProtocol::OpenAi:
        return std::make_unique<OpenAiAnswerAssembler>();
    case ClientProtocol::Anthropic:
        return std::make_unique<AnthropicAnswerAssembler>();
    case ClientProtocol::Responses:
        return std::make_unique<ResponsesAnswerAssembler>();
    case ClientProtocol::Gemini:
        return std::make_unique<GeminiAnswerAssembler>();
    }
    return nullptr;
}

void AnswerAssembler::feed(QByteArrayView streamBytes)
{
    // The same bound as for an answer read whole.
    m_bytes += streamBytes.size();
    if (m_bytes > UpstreamLimits::maxBodyBytes)
        return;
    for (const SseParser::Event& event : m_parser.feed(streamBytes)) {
        if (event.data == "[DONE]")
            continue;
        const QJsonDocument json = QJsonDocument::fromJson(event.data);
        if (!json.isObject()) {
            m_malformed = true; // the translator drops what it cannot read; this is ours
            continue;
        }
        take(json.object(), event.type);
    }
}

std::optional<QByteArray> AnswerAssembler::answer() const
{
    if (m_bytes > UpstreamLimits::maxBodyBytes || m_parser.overflowed() || m_malformed)
        return std::nullopt;
    const std::optional<QJsonObject> whole = assembled();
    if (!whole)
        return std::nullopt;
    return QJsonDocument(*whole).toJson(QJsonDocument::Compact);
}
