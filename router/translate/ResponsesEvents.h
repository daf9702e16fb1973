#pragma once

#include "router/records/RequestRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// The server-sent events of the Responses API's stream as OpenAI writes them, shared by the
// translators that write one: an "event:" line with the type, the data with the same type and
// a sequence_number counting from 0 across the whole stream, no [DONE]; the events that end a
// stream broken after it started; the usage object of a response.
class ResponsesEvents
{
public:
    // One event; `data` holds its "type", the sequence number is put in.
    static QByteArray event(QJsonObject data, qint64 sequenceNumber);
    // What ends a stream that broke after it started, numbered from `sequenceNumber`: an error
    // event in both shapes clients read (flat as documented, nested as OpenAI sends it and
    // Codex reads it), then the terminal response.failed with `response` as it stood, its
    // status failed and its error set. Codex retries a failed response with the items it got.
    static QByteArray failure(QJsonObject response, const QString& code, const QString& message,
        const QString& type, qint64 sequenceNumber);
    // The code of that failure: the upstream's own when it sent one in the Responses API's
    // terms (context_length_exceeded ends Codex's turn for good), a rate limit when the
    // upstream said so in Anthropic's, otherwise a server error, which Codex retries.
    static QString errorCode(const std::optional<QJsonObject>& upstreamError);

    // A response's usage: every input token, the cached ones included, then those cached.
    static QJsonObject usage(const TokenUsage& tokens);
    static TokenUsage usageFrom(const QJsonObject& usage);
};
