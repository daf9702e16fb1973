// Every request translator on any client request: a client's JSON reaches them as it came
// (ClientCallReader checks its shape only loosely). The first byte picks the translator; a
// request one of them refuses is fine, a crash is not.
#include "router/translate/AnthropicToConverse.h"
#include "router/translate/AnthropicToGemini.h"
#include "router/translate/AnthropicToOpenAi.h"
#include "router/translate/GeminiToAnthropic.h"
#include "router/translate/OpenAiToAnthropic.h"
#include "router/translate/ResponsesToAnthropic.h"
#include "tests/fuzz/FuzzInput.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 choice = input.takeByte();
    const QJsonObject request = QJsonDocument::fromJson(input.rest().toByteArray()).object();
    switch (choice % 7) {
    case 0:
        (void)OpenAiToAnthropic::request(request);
        break;
    case 1:
        (void)AnthropicToOpenAi::request(request, QStringLiteral("max_completion_tokens"));
        break;
    case 2:
        (void)AnthropicToOpenAi::request(request, QStringLiteral("max_tokens"));
        break;
    case 3:
        (void)AnthropicToGemini::request(request);
        break;
    case 4:
        (void)AnthropicToConverse::request(request);
        break;
    case 5:
        (void)ResponsesToAnthropic::request(request);
        break;
    case 6:
        (void)GeminiToAnthropic::request(request);
        break;
    }
    // OpenAI clients reach Gemini and Bedrock through the Anthropic format.
    if (choice & 0x80) {
        if (const auto anthropic = OpenAiToAnthropic::request(request)) {
            (void)AnthropicToGemini::request(anthropic->body);
            (void)AnthropicToConverse::request(anthropic->body);
        }
    }
    return 0;
}
