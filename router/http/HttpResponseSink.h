#pragma once

#include "router/http/HttpHeaders.h"

#include <QByteArray>

// Where an exchange's answer goes: the client connection its request came on. Lets an exchange
// answer without knowing the connection's parser and timers.
class HttpResponseSink
{
public:
    virtual void sendResponse(int status, const HttpHeaders& headers, const QByteArray& body) = 0;
    virtual void beginStream(int status, const HttpHeaders& headers) = 0;
    virtual void writeStreamData(const QByteArray& data) = 0;
    virtual void endStream() = 0;
    virtual void abortNow() = 0;

protected:
    ~HttpResponseSink() = default;
};
