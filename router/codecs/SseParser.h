#pragma once

#include <QByteArray>
#include <QList>

// Reads a text/event-stream as it arrives, in pieces of any size, and hands out whole events
// (WHATWG HTML "server-sent events": fields "event", "data", "id"; lines end in LF, CRLF or CR;
// lines starting with ':' are comments, such as keep-alive pings). Whether an event's data
// makes sense (JSON, "[DONE]") is for the caller to judge.
class SseParser
{
public:
    struct Event
    {
        QByteArray type; // "message" when the stream names none
        QByteArray data; // data lines joined with '\n'
        QByteArray id;
    };

    static constexpr qsizetype maximumEventBytes = 16 * 1024 * 1024;

    // The events completed by `bytes`. A pending event larger than the maximum sets overflowed()
    // and is dropped.
    QList<Event> feed(QByteArrayView bytes);
    bool overflowed() const { return m_overflowed; }
    // True when a partial event waits for more input (a stream cut here is incomplete).
    bool hasPartialEvent() const { return !m_line.isEmpty() || m_hasFields; }

private:
    void takeLine(QByteArrayView line, QList<Event>& out);

    QByteArray m_line;
    bool m_lastWasCr = false;
    Event m_event;
    bool m_hasData = false;
    bool m_hasFields = false;
    qsizetype m_eventBytes = 0;
    bool m_overflowed = false;
};
