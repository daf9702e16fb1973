#pragma once

#include "router/upstream/UpstreamRequest.h"

#include <QObject>
#include <QTimer>

#include <chrono>

class HttpClientConnection;

// One attempt's HTTP exchange with a provider over a connection from the thread's pool, with the
// router's timeouts: connecting, the answer's headers, and silence between bytes after them.
// Reports the answer as it arrives; deleting the call cancels the request upstream.
class UpstreamCall : public QObject
{
    Q_OBJECT

public:
    struct Timeouts
    {
        std::chrono::milliseconds connect;
        std::chrono::milliseconds headers; // from sending to the status line and headers
        std::chrono::milliseconds idle; // silence between body bytes
    };

    UpstreamCall(
        UpstreamRequest request, QString caFile, Timeouts timeouts, QObject* parent = nullptr);
    ~UpstreamCall() override;

    void start();
    // Stops the request upstream; no signal follows.
    void cancel();
    // From the next byte on (a stream may be silent longer before its first content event).
    void setIdleTimeout(std::chrono::milliseconds idle);
    // Status and headers came: the provider showed it is alive.
    bool hasAnswered() const { return m_status != 0; }
    int status() const { return m_status; }
    const HttpHeaders& headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const { return headerValue(m_headers, name); }

signals:
    void responseStarted(); // status and headers are known
    void dataArrived(const QByteArray& bytes);
    void finished(); // the whole answer came
    // No answer, or the answer broke off. `errorClass` is "timeout" or "server_error", or
    // "configuration" when nothing was sent because the key's setup cannot be used (its CA file,
    // or a plain-HTTP endpoint that reached a public address).
    void failed(const QString& errorClass, const QString& message);

private:
    void onResponseStarted(int status, const HttpHeaders& headers);
    void onBodyReceived(const QByteArray& bytes);
    void onResponseFinished();
    void fail(const QString& errorClass, const QString& message);
    void armTimer(std::chrono::milliseconds timeout, const QString& what);
    void releaseConnection();

    UpstreamRequest m_request;
    QString m_caFile;
    Timeouts m_timeouts;
    HttpClientConnection* m_connection = nullptr; // the pool's; released when the call ends
    QTimer m_timer;
    QString m_waitingFor; // what the running timer waits for, for its message
    int m_status = 0;
    HttpHeaders m_headers;
    bool m_done = false;
};
