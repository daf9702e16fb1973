#pragma once

#include <QJsonObject>
#include <QString>

// The Anthropic error type of an error an upstream sent in the middle of its stream, in
// whatever format it came: Anthropic's own (Claude on Vertex too), OpenAI's {"message", "type",
// "code"}, Google's {"code", "message", "status"} or Bedrock's exception names. Anthropic's
// format is the hub between the others (HubAdapter, AnthropicBridge): from this type a client
// of another protocol gets its own counterpart (Gemini's 429 or 503, the Responses API's
// rate_limit_exceeded), and retries what it would retry from its own provider.
class AnthropicErrorType
{
public:
    // "api_error" when nothing in the error says more.
    static QString of(const QJsonObject& upstreamError);

private:
    static QString ofStatus(int status);
};
