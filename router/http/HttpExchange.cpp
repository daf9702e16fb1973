#include "HttpExchange.h"

#include "HttpConnection.h"

HttpExchange::HttpExchange(HttpRequest request, HttpConnection* connection)
    : m_request(std::move(request))
    , m_connection(connection)
{ }

void HttpExchange::respond(int status, const Headers& headers, const QByteArray& body)
{
    if (m_finished || m_streaming)
        return;
    m_finished = true;
    if (m_connection)
        m_connection->sendResponse(status, headers, body);
}

void HttpExchange::beginStream(int status, const Headers& headers)
{
    if (m_finished || m_streaming)
        return;
    m_streaming = true;
    if (m_connection)
        m_connection->beginStream(status, headers);
}

void HttpExchange::write(const QByteArray& data)
{
    if (m_streaming && !m_finished && m_connection && !data.isEmpty())
        m_connection->writeStreamData(data);
}

void HttpExchange::endStream()
{
    if (!m_streaming || m_finished)
        return;
    m_finished = true;
    if (m_connection)
        m_connection->endStream();
}

void HttpExchange::markClientGone()
{
    m_connection = nullptr;
    if (!m_finished)
        emit clientGone();
}

void HttpExchange::abortConnection()
{
    m_finished = true;
    if (m_connection)
        m_connection->abortNow();
}
