#include "router/translate/ResponsesStreamTranslator.h"

#include "router/translate/ResponsesEvents.h"

#include <QJsonArray>

namespace {

// An error event's error: nested as OpenAI sends it, or flat as its documentation has it.
QJsonObject errorOf(const QJsonObject& event)
{
    if (const QJsonValue nested = event.value(QStringLiteral("error")); nested.isObject())
        return nested.toObject();
    QJsonObject error = event;
    error.remove(QStringLiteral("type"));
    error.remove(QStringLiteral("sequence_number"));
    return error;
}

// response.done, which some backends end with and Codex does not take, as the terminal event
// its status names.
QString terminalType(const QJsonObject& response)
{
    const QString status = response.value(QStringLiteral("status")).toString();
    if (status == u"incomplete" || status == u"failed")
        return QStringLiteral("response.") + status;
    return QStringLiteral("response.completed");
}

} // namespace

void ResponsesStreamTranslator::take(const SseParser::Event& event)
{
    if (event.data.trimmed() == "[DONE]")
        return; // not the Responses API's, but some upstreams add it
    const std::optional<QJsonObject> parsed = jsonOf(event);
    if (!parsed)
        return;
    const QJsonObject& data = *parsed;
    QString type = data.value(QStringLiteral("type")).toString();
    if (type.isEmpty()) {
        ++m_malformedEvents;
        return;
    }
    if (type == u"error") {
        m_upstreamError = errorOf(data);
        return;
    }
    const QJsonObject response = data.value(QStringLiteral("response")).toObject();
    if (type == u"response.done")
        type = terminalType(response);
    if (type == u"response.failed") {
        const QJsonValue error = response.value(QStringLiteral("error"));
        m_upstreamError = error.isObject()
            ? error.toObject()
            : QJsonObject { { QStringLiteral("code"), QStringLiteral("server_error") },
                  { QStringLiteral("message"), QStringLiteral("The response failed.") } };
        return;
    }
    if (!response.isEmpty())
        m_response = response;
    read(type, data);
    forward(event, data, type);
}

// What the router needs to know of an event that passes: whether the answer began, its items,
// its end, usage and model.
void ResponsesStreamTranslator::read(const QString& type, const QJsonObject& data)
{
    if (type.startsWith(u"response.output_item.") || type.endsWith(u".delta"))
        m_started = true;
    if (type == u"response.output_item.done") {
        m_done.insert(data.value(QStringLiteral("output_index")).toInt(),
            data.value(QStringLiteral("item")).toObject());
    }
    if (const QString model = m_response.value(QStringLiteral("model")).toString();
        !model.isEmpty())
        m_servedModel = model;
    if (type == u"response.completed" || type == u"response.incomplete") {
        m_usage = ResponsesEvents::usageFrom(m_response.value(QStringLiteral("usage")).toObject());
        // OpenAI keeps a response unless the request said store: false.
        if (m_response.value(QStringLiteral("store")).toBool(true))
            m_storedAnswerId = m_response.value(QStringLiteral("id")).toString();
        m_complete = true;
        m_finished = true;
    }
}

void ResponsesStreamTranslator::forward(
    const SseParser::Event& event, QJsonObject data, const QString& type)
{
    const qint64 sequence = m_sequence++;
    // As it came when it is what would be written anyway: its own type and the next number,
    // in one data line. Otherwise written anew (an event dropped before it, an upstream that
    // numbers none, data in several lines, response.done).
    if (data.value(QStringLiteral("type")).toString() == type
        && data.value(QStringLiteral("sequence_number")).toInteger(-1) == sequence
        && !event.data.contains('\n')) {
        m_clientBytes += "event: " + type.toUtf8() + "\ndata: " + event.data + "\n\n";
        return;
    }
    data.insert(QStringLiteral("type"), type);
    m_clientBytes += ResponsesEvents::event(data, sequence);
}

QByteArray ResponsesStreamTranslator::closing() const
{
    return {};
}

QByteArray ResponsesStreamTranslator::errorEvent(const QString& message, const QString& type) const
{
    // The response as it stood, with the items done so far: Codex retries with them.
    QJsonObject response = m_response;
    response.insert(QStringLiteral("object"), QStringLiteral("response"));
    QJsonArray output;
    for (const QJsonObject& item : m_done)
        output.append(item);
    response.insert(QStringLiteral("output"), output);
    return ResponsesEvents::failure(
        response, ResponsesEvents::errorCode(m_upstreamError), message, type, m_sequence);
}
