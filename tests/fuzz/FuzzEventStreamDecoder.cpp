// EventStreamDecoder on any bytes (raw, or framed with correct checksums so the headers and
// payloads are reached), cut anywhere: it must not crash, and the messages must not depend on
// where the network cut the stream.
#include "router/codecs/EventStreamDecoder.h"
#include "tests/fuzz/EventStreamFraming.h"
#include "tests/fuzz/FuzzInput.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 mode = input.takeByte();
    const quint8 seed = input.takeByte();
    const QByteArray stream
        = mode & 1 ? EventStreamFraming::frame(input) : input.rest().toByteArray();

    EventStreamDecoder whole;
    const QList<EventStreamDecoder::Message> expected = whole.feed(stream);

    EventStreamDecoder cut;
    QList<EventStreamDecoder::Message> got;
    FuzzInput::inPieces(stream, seed, [&](QByteArrayView piece) { got += cut.feed(piece); });

    bool same = got.size() == expected.size() && cut.failed() == whole.failed()
        && cut.hasPartialMessage() == whole.hasPartialMessage();
    for (qsizetype i = 0; same && i < got.size(); ++i)
        same = got[i].headers == expected[i].headers && got[i].payload == expected[i].payload;
    if (!same)
        std::abort();
    return 0;
}
