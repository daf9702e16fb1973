// Every stream translator on any upstream stream, cut anywhere, and what it makes of it fed on
// to the AnswerAssembler of the client's protocol, as the router does for a client that asked
// for a whole answer. The first byte picks the translator, the second how the stream is cut;
// Bedrock's binary frames are written with correct checksums (EventStreamFraming).
#include "router/translate/AnswerAssembler.h"
#include "router/translate/AnthropicStreamTranslator.h"
#include "router/translate/AnthropicToGeminiStream.h"
#include "router/translate/AnthropicToOpenAiStream.h"
#include "router/translate/AnthropicToResponsesStream.h"
#include "router/translate/ChainedStreamTranslator.h"
#include "router/translate/ConverseToAnthropicStream.h"
#include "router/translate/GeminiStreamTranslator.h"
#include "router/translate/GeminiToAnthropicStream.h"
#include "router/translate/OpenAiStreamTranslator.h"
#include "router/translate/OpenAiToAnthropicStream.h"
#include "router/translate/ResponsesStreamTranslator.h"
#include "tests/fuzz/EventStreamFraming.h"
#include "tests/fuzz/FuzzInput.h"

namespace {

struct Pick
{
    std::unique_ptr<StreamTranslator> translator;
    ClientProtocol client;
    bool binary = false;
};

Pick pick(quint8 choice)
{
    const QString model = QStringLiteral("fuzz-model");
    const auto sse = GeminiStreamFraming::Framing::Sse;
    switch (choice % 12) {
    case 0:
        return { std::make_unique<OpenAiStreamTranslator>(false), ClientProtocol::OpenAi };
    case 1:
        return { std::make_unique<OpenAiStreamTranslator>(true), ClientProtocol::OpenAi };
    case 2:
        return { std::make_unique<AnthropicStreamTranslator>(), ClientProtocol::Anthropic };
    case 3:
        return { std::make_unique<OpenAiToAnthropicStream>(), ClientProtocol::Anthropic };
    case 4:
        return { std::make_unique<AnthropicToOpenAiStream>(choice & 0x80), ClientProtocol::OpenAi };
    case 5:
        return { std::make_unique<GeminiToAnthropicStream>(model), ClientProtocol::Anthropic };
    case 6:
        return { std::make_unique<ConverseToAnthropicStream>(model), ClientProtocol::Anthropic,
            true };
    case 7:
        return { std::make_unique<ChainedStreamTranslator>(
                     std::make_unique<ConverseToAnthropicStream>(model),
                     std::make_unique<AnthropicToOpenAiStream>(choice & 0x80)),
            ClientProtocol::OpenAi, true };
    case 8:
        return { std::make_unique<AnthropicToResponsesStream>(
                     QJsonObject { { QStringLiteral("reasoning"),
                         QJsonObject { { QStringLiteral("summary"), QStringLiteral("auto") } } } }),
            ClientProtocol::Responses };
    case 9:
        return { std::make_unique<ResponsesStreamTranslator>(), ClientProtocol::Responses };
    case 10:
        return { std::make_unique<GeminiStreamTranslator>(sse), ClientProtocol::Gemini };
    default:
        return { std::make_unique<ChainedStreamTranslator>(
                     std::make_unique<GeminiToAnthropicStream>(model),
                     std::make_unique<AnthropicToGeminiStream>(choice & 0x80, sse)),
            ClientProtocol::Gemini };
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 choice = input.takeByte();
    const quint8 seed = input.takeByte();
    Pick picked = pick(choice);
    const QByteArray stream = picked.binary && (choice & 0x40) ? EventStreamFraming::frame(input)
                                                               : input.rest().toByteArray();

    StreamTranslator& translator = *picked.translator;
    translator.setPrice(ModelPrice { 1.0, 2.0 });
    const std::unique_ptr<AnswerAssembler> assembler = AnswerAssembler::forProtocol(picked.client);
    FuzzInput::inPieces(stream, seed, [&](QByteArrayView piece) {
        translator.feed(piece);
        assembler->feed(translator.takeClientBytes());
    });
    assembler->feed(translator.isFinished()
            ? translator.closing()
            : translator.errorEvent(QStringLiteral("cut"), QStringLiteral("api_error")));
    (void)assembler->answer();
    (void)translator.usage();
    return 0;
}
