#pragma once

#include <QByteArrayView>

#include <cstdint>

// The bytes libFuzzer hands a target, read front to back: a few leading bytes choose what to
// exercise (which translator, how the stream is cut), the rest is the input itself. Running out
// gives zeros, so every input is a valid one.
class FuzzInput
{
public:
    FuzzInput(const uint8_t* data, size_t size)
        : m_bytes(reinterpret_cast<const char*>(data), qsizetype(size))
    { }

    quint8 takeByte()
    {
        if (m_bytes.isEmpty())
            return 0;
        const auto byte = quint8(m_bytes.front());
        m_bytes = m_bytes.sliced(1);
        return byte;
    }

    quint16 takeUint16() { return quint16(takeByte() << 8 | takeByte()); }

    QByteArrayView take(qsizetype count)
    {
        const QByteArrayView taken = m_bytes.first(std::min(count, m_bytes.size()));
        m_bytes = m_bytes.sliced(taken.size());
        return taken;
    }

    QByteArrayView rest() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }

    // Hands `bytes` to `feed` in pieces whose sizes follow from `seed`: the network cuts a
    // stream anywhere, so a decoder must give the same result whatever the cuts. Seed 0 hands
    // it over whole.
    template <typename Feed> static void inPieces(QByteArrayView bytes, quint8 seed, Feed&& feed)
    {
        if (seed == 0) {
            feed(bytes);
            return;
        }
        quint32 state = seed;
        while (!bytes.isEmpty()) {
            state = state * 1103515245u + 12345u; // a small LCG: cuts vary, runs repeat
            const qsizetype piece = std::min(bytes.size(), qsizetype(1 + (state >> 16) % 64));
            feed(bytes.first(piece));
            bytes = bytes.sliced(piece);
        }
    }

private:
    QByteArrayView m_bytes;
};
