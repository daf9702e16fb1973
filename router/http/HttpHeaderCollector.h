#pragma once

#include "router/http/HttpHeaders.h"

// Gathers header fields from http-parser's callbacks, which may hand over a name or a value in
// several pieces (as the bytes arrive).
class HttpHeaderCollector
{
public:
    void addNamePiece(const char* at, size_t length)
    {
        if (m_inValue) {
            m_name.clear();
            m_inValue = false;
        }
        m_name.append(at, qsizetype(length));
        m_bytes += qsizetype(length);
    }

    void addValuePiece(const char* at, size_t length)
    {
        if (!m_inValue) {
            m_headers.append({ m_name, QByteArray() });
            m_inValue = true;
        }
        m_headers.last().second.append(at, qsizetype(length));
        m_bytes += qsizetype(length);
    }

    // The bytes of names and values so far, for a limit.
    qsizetype bytes() const { return m_bytes; }

    // The fields collected, leaving the collector empty for the next message.
    HttpHeaders take()
    {
        m_name.clear();
        m_inValue = false;
        m_bytes = 0;
        return std::exchange(m_headers, {});
    }

private:
    HttpHeaders m_headers;
    QByteArray m_name;
    bool m_inValue = false;
    qsizetype m_bytes = 0;
};
