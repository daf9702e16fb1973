// AnswerAssembler on any client-protocol event stream, cut anywhere: the first byte picks the
// protocol (OpenAI chat, Anthropic, Responses, Gemini), the second how the stream is cut.
#include "router/translate/AnswerAssembler.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 choice = input.takeByte();
    const quint8 seed = input.takeByte();
    static constexpr ClientProtocol protocols[] { ClientProtocol::OpenAi, ClientProtocol::Anthropic,
        ClientProtocol::Responses, ClientProtocol::Gemini };
    const std::unique_ptr<AnswerAssembler> assembler
        = AnswerAssembler::forProtocol(protocols[choice % 4]);
    FuzzInput::inPieces(input.rest(), seed, [&](QByteArrayView piece) { assembler->feed(piece); });
    (void)assembler->answer();
    return 0;
}
