#pragma once

#include "router/http/HttpHeaders.h"

#include <QStringList>
#include <QUrl>

// An HTTP request ready to send to a provider, and what was changed on the way (each dropped
// field is recorded with the attempt).
struct UpstreamRequest
{
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    QStringList droppedFields;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
};
