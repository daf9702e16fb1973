#include "router/translate/ConverseToAnthropicStream.h"

#include "router/translate/AnthropicErrorType.h"
#include "router/translate/AnthropicSse.h"
#include "router/translate/AnthropicSseReader.h"
#include "router/translate/AnthropicToConverse.h"

#include <QJsonArray>
#include <QJsonDocument>

ConverseToAnthropicStream::ConverseToAnthropicStream(QString model)
{
    m_servedModel = std::move(model);
}

void ConverseToAnthropicStream::feed(QByteArrayView upstreamBytes)
{
    for (const EventStreamDecoder::Message& message : m_decoder.feed(upstreamBytes)) {
        if (m_finished || m_upstreamError)
            return;
        take(message);
    }
    if (m_decoder.failed() && !m_upstreamError) {
        ++m_malformedEvents;
        m_upstreamError = QJsonObject { { QStringLiteral("type"), QStringLiteral("api_error") },
            { QStringLiteral("message"), m_decoder.error() } };
    }
}

void ConverseToAnthropicStream::take(const EventStreamDecoder::Message& message)
{
    const QJsonObject data = QJsonDocument::fromJson(message.payload).object();
    if (message.messageType() != "event") {
        // An exception inside the 200 stream: throttling, a model error, validation...
        const QString type = QString::fromLatin1(
            message.messageType() == "exception" ? message.exceptionType() : message.errorCode());
        m_upstreamError = QJsonObject { { QStringLiteral("type"), type },
            { QStringLiteral("message"),
                data.value(QStringLiteral("message"))
                    .toString(QString::fromUtf8(message.errorMessage())) } };
        return;
    }
    const QByteArray type = message.eventType();
    const int index = data.value(QStringLiteral("contentBlockIndex")).toInt();
    if (type == "messageStart") {
        emitEvent("message_start",
            AnthropicSse::messageStart(QStringLiteral("msg_bedrock"), m_servedModel, {}));
    } else if (type == "contentBlockStart") {
        const QJsonObject use = data.value(QStringLiteral("start"))
                                    .toObject()
                                    .value(QStringLiteral("toolUse"))
                                    .toObject();
        openBlock(index,
            { { QStringLiteral("type"), QStringLiteral("tool_use") },
                { QStringLiteral("id"), use.value(QStringLiteral("toolUseId")) },
                { QStringLiteral("name"), use.value(QStringLiteral("name")) },
                { QStringLiteral("input"), QJsonObject() } });
    } else if (type == "contentBlockDelta") {
        const QJsonObject delta = data.value(QStringLiteral("delta")).toObject();
        QJsonObject anthropicDelta;
        if (delta.contains(QStringLiteral("text"))) {
            openBlock(index,
                { { QStringLiteral("type"), QStringLiteral("text") },
                    { QStringLiteral("text"), QString() } });
            anthropicDelta = { { QStringLiteral("type"), QStringLiteral("text_delta") },
                { QStringLiteral("text"), delta.value(QStringLiteral("text")) } };
        } else if (delta.contains(QStringLiteral("toolUse"))) {
            anthropicDelta = { { QStringLiteral("type"), QStringLiteral("input_json_delta") },
                { QStringLiteral("partial_json"),
                    delta.value(QStringLiteral("toolUse"))
                        .toObject()
                        .value(QStringLiteral("input")) } };
        } else {
            return; // reasoning and citations are not passed on yet
        }
        m_started = true;
        emitEvent("content_block_delta",
            { { QStringLiteral("type"), QStringLiteral("content_block_delta") },
                { QStringLiteral("index"), index }, { QStringLiteral("delta"), anthropicDelta } });
    } else if (type == "contentBlockStop") {
        if (m_openBlocks.remove(index))
            emitEvent("content_block_stop",
                { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                    { QStringLiteral("index"), index } });
    } else if (type == "messageStop") {
        m_stopReason
            = AnthropicToConverse::stopReason(data.value(QStringLiteral("stopReason")).toString());
        m_complete = true;
    } else if (type == "metadata") {
        // Usage comes last, after messageStop.
        m_converseUsage = data.value(QStringLiteral("usage")).toObject();
        m_usage = AnthropicSseReader::usageFrom(AnthropicToConverse::usage(m_converseUsage));
        m_finished = true;
    }
}

void ConverseToAnthropicStream::openBlock(int index, const QJsonObject& contentBlock)
{
    if (m_openBlocks.contains(index))
        return;
    m_openBlocks.insert(index);
    emitEvent("content_block_start",
        { { QStringLiteral("type"), QStringLiteral("content_block_start") },
            { QStringLiteral("index"), index },
            { QStringLiteral("content_block"), contentBlock } });
}

void ConverseToAnthropicStream::emitEvent(const char* type, const QJsonObject& data)
{
    m_clientBytes += AnthropicSse::event(type, data);
}

QByteArray ConverseToAnthropicStream::closing() const
{
    QByteArray end;
    for (int index : m_openBlocks) {
        end += AnthropicSse::event("content_block_stop",
            { { QStringLiteral("type"), QStringLiteral("content_block_stop") },
                { QStringLiteral("index"), index } });
    }
    end += AnthropicSse::event("message_delta",
        { { QStringLiteral("type"), QStringLiteral("message_delta") },
            { QStringLiteral("delta"),
                QJsonObject { { QStringLiteral("stop_reason"), m_stopReason },
                    { QStringLiteral("stop_sequence"), QJsonValue() } } },
            { QStringLiteral("usage"), AnthropicToConverse::usage(m_converseUsage) } });
    return end
        + AnthropicSse::event(
            "message_stop", { { QStringLiteral("type"), QStringLiteral("message_stop") } });
}

QByteArray ConverseToAnthropicStream::errorEvent(const QString& message, const QString&) const
{
    return AnthropicSse::errorEvent(message,
        m_upstreamError ? AnthropicErrorType::of(*m_upstreamError) : QStringLiteral("api_error"));
}
