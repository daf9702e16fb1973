#pragma once

#include "router/http/HttpRequest.h"

#include <functional>
#include <optional>

// An answer the server gives a request before reading its body; the connection closes after it.
struct HttpRefusal
{
    int status = 400;
    HttpHeaders headers;
    QByteArray body;
};

// Asked on the connection's thread as soon as a request's head is complete (method, target and
// headers; the body not read yet). A refusal is answered at once with "Connection: close" and
// the body is never read, so a caller that may not ask cannot make the server buffer one;
// no refusal lets the request go on to the handler.
using HttpHeadCheck = std::function<std::optional<HttpRefusal>(const HttpRequest& head)>;
