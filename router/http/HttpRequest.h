#pragma once

#include "router/http/HttpHeaders.h"

// One parsed client request.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // path and query as sent ("/v1/models?x=1")
    HttpHeaders headers; // names as sent, in order
    QByteArray body; // de-chunked
    int httpMinor = 1; // HTTP/1.x

    QByteArray path() const
    {
        return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    }
    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};
