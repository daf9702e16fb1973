#pragma once

#include <QByteArray>
#include <QTcpSocket>

#include <functional>

// A raw HTTP client: what goes over the wire is what the test says. It waits with the event
// loop running, since a server's listener lives on the test's thread.
class RawClient
{
public:
    explicit RawClient(quint16 port);

    // A well-formed POST /v1/chat/completions with a local key, as an SDK would send it.
    static QByteArray chatRequest(const QByteArray& token, const QByteArray& body);

    void send(const QByteArray& bytes);
    // Everything received until `done` holds or the timeout passes.
    QByteArray receive(const std::function<bool(const QByteArray&)>& done, int timeoutMs = 5000);
    QByteArray receiveCount(const QByteArray& marker, int count);
    bool waitClosed(int timeoutMs);
    void abort() { m_socket.abort(); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};
