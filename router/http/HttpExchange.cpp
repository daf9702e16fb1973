#include "router/http/HttpExchange.h"

HttpExchange::HttpExchange(HttpRequest request, HttpResponseSink* sink)
    : m_request(std::move(request))
    , m_sink(sink)
{ }

void HttpExchange::respond(int status, const Headers& headers, const QByteArray& body)
{
    if (m_finished || m_streaming)
        return;
    m_finished = true;
    if (m_sink)
        m_sink->sendResponse(status, headers, body);
}

void HttpExchange::beginStream(int status, const Headers& headers)
{
    if (m_finished || m_streaming)
        return;
    m_streaming = true;
    if (m_sink)
        m_sink->beginStream(status, headers);
}

void HttpExchange::write(const QByteArray& data)
{
    if (m_streaming && !m_finished && m_sink && !data.isEmpty())
        m_sink->writeStreamData(data);
}

void HttpExchange::endStream()
{
    if (!m_streaming || m_finished)
        return;
    m_finished = true;
    if (m_sink)
        m_sink->endStream();
}

void HttpExchange::markClientGone()
{
    m_sink = nullptr;
    if (!m_finished)
        emit clientGone();
}

void HttpExchange::abortConnection()
{
    m_finished = true;
    if (m_sink)
        m_sink->abortNow();
}
