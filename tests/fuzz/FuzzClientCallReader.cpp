// ClientCallReader on any request body: every client request passes it before anything else
// reads the JSON. The first byte picks the protocol and endpoint; for Anthropic's, the next
// bytes give an anthropic-beta header (forwarded to upstreams of its format), for Gemini's the
// request's path and query.
#include "router/inbound/ClientCallReader.h"
#include "tests/fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 choice = input.takeByte();
    switch (choice % 6) {
    case 0:
        (void)ClientCallReader::openAi(input.rest().toByteArray(), ClientEndpoint::ChatCompletions);
        break;
    case 1:
        (void)ClientCallReader::openAi(input.rest().toByteArray(), ClientEndpoint::Embeddings);
        break;
    case 4:
        (void)ClientCallReader::responses(input.rest().toByteArray());
        break;
    case 5: {
        HttpRequest request;
        request.method = "POST";
        request.target = input.take(input.takeByte()).toByteArray();
        request.body = input.rest().toByteArray();
        if (const auto method = ClientCallReader::geminiMethod(request.path()))
            (void)ClientCallReader::gemini(request, *method);
        break;
    }
    default: {
        HttpRequest request;
        request.method = "POST";
        request.target = "/v1/messages";
        request.headers = { { "anthropic-version", "2023-06-01" },
            { "anthropic-beta", input.take(input.takeByte()).toByteArray() } };
        request.body = input.rest().toByteArray();
        (void)ClientCallReader::anthropic(
            request, choice % 6 == 2 ? ClientEndpoint::Messages : ClientEndpoint::CountTokens);
    }
    }
    return 0;
}
