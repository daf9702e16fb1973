#include "router/codecs/SseParser.h"

QList<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    QList<Event> out;
    for (char c : bytes) {
        if (m_lastWasCr && c == '\n') {
            m_lastWasCr = false; // the LF of a CRLF
            continue;
        }
        m_lastWasCr = c == '\r';
        if (c == '\r' || c == '\n') {
            takeLine(m_line, out);
            m_line.clear();
            continue;
        }
        if (++m_eventBytes > maximumEventBytes) {
            m_overflowed = true;
            m_line.clear();
            continue;
        }
        m_line.append(c);
    }
    return out;
}

void SseParser::takeLine(QByteArrayView line, QList<Event>& out)
{
    if (line.isEmpty()) {
        // A blank line dispatches the event; one without data is not dispatched (per spec).
        if (m_hasData && m_eventBytes <= maximumEventBytes) {
            if (m_event.type.isEmpty())
                m_event.type = "message";
            out.append(m_event);
        }
        m_event = Event();
        m_hasData = false;
        m_hasFields = false;
        m_eventBytes = 0;
        return;
    }
    if (line.startsWith(':'))
        return; // a comment
    m_hasFields = true;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_event.data.append('\n');
        m_event.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_event.type = value.toByteArray();
    } else if (field == "id") {
        m_event.id = value.toByteArray();
    }
    // "retry" and unknown fields are ignored.
}
