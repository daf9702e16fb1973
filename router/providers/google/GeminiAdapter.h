#pragma once

#include "router/upstream/UpstreamAdapter.h"

// Google's Gemini API (Google AI Studio keys): generateContent and
// streamGenerateContent?alt=sse with the key in x-goog-api-key, for Anthropic and OpenAI
// clients alike (AnthropicToGemini, with OpenAiToAnthropic in front for OpenAI clients). Gemini
// API clients' calls (chats, countTokens, embeddings) go as they came, to the upstream's model.
// Google's errors are read by GoogleErrors: a rate-limited key rests as long as RetryInfo
// says, or until its daily quota resets.
class GeminiAdapter : public UpstreamAdapter
{
public:
    Result<UpstreamRequest> buildRequest(const UpstreamTarget& target, const ClientCall& call,
        const QString& upstreamModel) const override;
    UpstreamOutcome classify(
        int httpStatus, const HttpHeaders& headers, const QByteArray& body) const override;
    QString errorMessage(const QByteArray& body) const override;
    std::optional<ClientAnswer> translateAnswer(
        const ClientCall& call, const QByteArray& body) const override;
    QByteArray translateError(const ClientCall& call, const QByteArray& body) const override;
    std::unique_ptr<StreamTranslator> streamTranslator(const ClientCall& call) const override;
    std::optional<std::chrono::milliseconds> cooldown(
        const HttpHeaders& headers, const QByteArray& body) const override;

    // Google's words from an error answer ({"error": {"message"}}), or its start.
    static QString googleErrorMessage(const QByteArray& body);
    // The method of a model's URL: "generateContent", or "streamGenerateContent?alt=sse".
    static QString method(bool stream);

protected:
    // Where the request goes and how it is authenticated: sets the URL and auth headers.
    virtual Result<void> address(UpstreamRequest& request, const UpstreamTarget& target,
        const QString& model, const QString& method) const;

private:
    static std::optional<ClientAnswer> nativeAnswer(const QByteArray& body);
    // A Gemini API client's call, passed through with the upstream's model.
    Result<UpstreamRequest> nativeRequest(
        const UpstreamTarget& target, const ClientCall& call, const QString& model) const;
};
