#include "router/translate/GeminiStreamFraming.h"

#include <QJsonDocument>

QByteArray GeminiStreamFraming::chunk(const QByteArray& json)
{
    QByteArray bytes = m_framing == Framing::Sse ? "data: " + json + "\r\n\r\n" : element(json);
    ++m_chunks;
    return bytes;
}

QByteArray GeminiStreamFraming::element(const QByteArray& json) const
{
    return (m_chunks == 0 ? "[" : ",\r\n") + json;
}

QByteArray GeminiStreamFraming::closing() const
{
    // Google's SSE stream ends with the answer, with no marker; the array closes.
    if (m_framing == Framing::Sse)
        return {};
    return m_chunks == 0 ? QByteArray("[]") : QByteArray("]");
}

QByteArray GeminiStreamFraming::error(const QByteArray& googleError) const
{
    if (m_framing == Framing::Sse) // raw and pretty-printed, outside the SSE framing, as Google
        return QJsonDocument::fromJson(googleError).toJson(QJsonDocument::Indented);
    return element(googleError) + "]";
}
