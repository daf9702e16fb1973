#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

// Header fields in the order they were sent or are to be sent, names as written.
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// The value of the first field called `name` (names compare without case), or an empty array.
inline QByteArray headerValue(const HttpHeaders& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}
