#pragma once

#include "tests/support/FakeToolCall.h"

#include <QByteArray>
#include <QList>
#include <QString>

// What OpenAI's Responses API (POST /v1/responses, Azure's /openai/v1/responses) answers, as the
// fake provider sends it: the response object, and the events of a stream, each with its
// `event:` line and a sequence_number counted from 0, ending at response.completed (the
// Responses API has no [DONE]). Shapes as in notes/research/responses-api.md §2–4.
class ResponsesWire
{
public:
    // "Hello from the fake." as one message item, whole or streamed: response.created,
    // response.in_progress, output_item.added, content_part.added, two output_text.delta,
    // output_text.done, content_part.done, output_item.done, response.completed. The response
    // says `store` as the request did (OpenAI's default is true): whether it is kept; its id
    // (resp_fake1, resp_fake2...) is its own.
    static QByteArray answer(const QString& model, bool store = false);
    static QList<QByteArray> events(const QString& model, bool store = false);
    // The events of a stream up to and including its first output_text.delta.
    static constexpr int eventsToFirstDelta = 5;
    // A function_call item (its arguments streamed in two function_call_arguments.delta), or a
    // custom_tool_call item with its raw input (custom_tool_call_input.delta) when the call is
    // custom.
    static QByteArray toolCallAnswer(
        const QString& model, const FakeToolCall& call, bool store = false);
    static QList<QByteArray> toolCallEvents(
        const QString& model, const FakeToolCall& call, bool store = false);

    // response.failed, the terminal event of a stream that broke, numbered `sequenceNumber`;
    // `code` as OpenAI's (server_error, rate_limit_exceeded, context_length_exceeded...).
    static QByteArray failed(
        const QString& model, int sequenceNumber, const char* code, const QString& message);
    // An `error` event in both the documented flat shape and the nested one OpenAI sends.
    static QByteArray errorEvent(
        int sequenceNumber, const char* type, const char* code, const QString& message);
    // The body of a non-2xx answer: OpenAI's {"error": {message, type, param, code}}.
    static QByteArray error(const char* type, const char* code, const QString& message);

    // OpenAI's /v1/responses, Azure's /openai/v1/responses and its dated
    // /openai/responses?api-version=...
    static bool isResponses(const QByteArray& path);
};
