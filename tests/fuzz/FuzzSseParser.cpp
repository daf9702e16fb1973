// SseParser on any bytes, cut anywhere: it must not crash, and the events must not depend on
// where the network cut the stream (the same events whole and in pieces).
#include "router/codecs/SseParser.h"
#include "tests/fuzz/FuzzInput.h"

#include <cstdlib>

namespace {

bool same(const SseParser::Event& a, const SseParser::Event& b)
{
    return a.type == b.type && a.data == b.data && a.id == b.id;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 seed = input.takeByte();
    const QByteArrayView stream = input.rest();

    SseParser whole;
    const QList<SseParser::Event> expected = whole.feed(stream);

    SseParser cut;
    QList<SseParser::Event> got;
    FuzzInput::inPieces(stream, seed, [&](QByteArrayView piece) { got += cut.feed(piece); });

    if (got.size() != expected.size() || !std::equal(got.begin(), got.end(), expected.begin(), same)
        || cut.hasPartialEvent() != whole.hasPartialEvent())
        std::abort();
    return 0;
}
