#pragma once

#include <QtGlobal>

#include <atomic>
#include <chrono>
#include <optional>

// How far behind one client connection is, written by the connection's thread and read by the
// listener's when the connection limit is reached and one connection must make room. A
// connection waiting for a request is behind by the time it has waited; one sending a request
// by the time it has taken beyond what its bytes so far justify at the minimum rate; one whose
// request is being answered is doing useful work and is never chosen.
class ConnectionStanding
{
public:
    static qint64 nowMs()
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }

    void waitingSince(qint64 nowMs)
    {
        m_since.store(nowMs);
        m_bytes.store(0);
        m_answering.store(false);
    }
    void requestBegan(qint64 nowMs) { waitingSince(nowMs); }
    void received(qsizetype bytes) { m_bytes.fetch_add(bytes); }
    void answering() { m_answering.store(true); }

    // Nothing while a request is answered.
    std::optional<qint64> msBehind(qint64 nowMs, qint64 minBytesPerSecond) const
    {
        if (m_answering.load())
            return std::nullopt;
        const qint64 earned = minBytesPerSecond > 0 ? m_bytes.load() * 1000 / minBytesPerSecond : 0;
        return nowMs - m_since.load() - earned;
    }

private:
    std::atomic<qint64> m_since { 0 };
    std::atomic<qint64> m_bytes { 0 };
    std::atomic<bool> m_answering { false };
};
