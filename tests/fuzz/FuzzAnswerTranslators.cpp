// Every whole-answer translator on any upstream body, including the hub's answers as Responses
// and Gemini answers: what a provider answers is as untrusted as what a client asks. The first
// byte picks the translator; error bodies are translated too.
#include "router/translate/AnthropicToConverse.h"
#include "router/translate/AnthropicToGemini.h"
#include "router/translate/AnthropicToOpenAi.h"
#include "router/translate/GeminiToAnthropic.h"
#include "router/translate/OpenAiToAnthropic.h"
#include "router/translate/ResponsesToAnthropic.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 choice = input.takeByte();
    const QByteArray body = input.rest().toByteArray();
    const QString model = QStringLiteral("fuzz-model");
    switch (choice % 10) {
    case 0:
        (void)OpenAiToAnthropic::answer(body);
        break;
    case 1:
        (void)AnthropicToOpenAi::answer(body);
        break;
    case 2:
        (void)AnthropicToGemini::answer(body, model);
        break;
    case 3:
        (void)AnthropicToConverse::answer(body, model);
        break;
    case 4:
        (void)OpenAiToAnthropic::error(body);
        break;
    case 5:
        (void)AnthropicToOpenAi::error(body);
        break;
    case 6:
        (void)ResponsesToAnthropic::answer(body, model);
        break;
    case 7:
        (void)GeminiToAnthropic::answer(body, model, choice & 0x80);
        break;
    case 8:
        (void)ResponsesToAnthropic::error(body);
        break;
    case 9:
        (void)GeminiToAnthropic::error(body);
        break;
    }
    return 0;
}
