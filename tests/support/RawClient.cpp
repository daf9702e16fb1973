#include "tests/support/RawClient.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTest>

RawClient::RawClient(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
}

QByteArray RawClient::chatRequest(const QByteArray& token, const QByteArray& body)
{
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
}

void RawClient::send(const QByteArray& bytes)
{
    // Connected with the event loop running: the listener must be free to accept.
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::ConnectedState && timer.elapsed() < 5000)
        QTest::qWait(5);
    m_socket.write(bytes);
    m_socket.flush();
}

QByteArray RawClient::receive(const std::function<bool(const QByteArray&)>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done(m_received) && timer.elapsed() < timeoutMs) {
        QTest::qWait(10);
        m_received += m_socket.readAll();
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            break;
    }
    m_received += m_socket.readAll();
    return m_received;
}

QByteArray RawClient::receiveCount(const QByteArray& marker, int count)
{
    return receive([&](const QByteArray& got) { return got.count(marker) >= count; });
}

bool RawClient::waitClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs) {
        QTest::qWait(10);
        m_received += m_socket.readAll();
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}
