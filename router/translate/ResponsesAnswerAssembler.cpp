#include "router/translate/ResponsesAnswerAssembler.h"

void ResponsesAnswerAssembler::take(const QJsonObject& event, const QByteArray& /*eventType*/)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    if (type == u"response.completed" || type == u"response.incomplete")
        m_response = event.value(QStringLiteral("response")).toObject();
}

std::optional<QJsonObject> ResponsesAnswerAssembler::assembled() const
{
    if (m_response.isEmpty())
        return std::nullopt;
    return m_response;
}
