#pragma once

#include "router/upstream/UpstreamAdapter.h"

// The adapter for a client whose protocol the upstream does not speak: the Responses API
// anywhere but at OpenAI and Azure, the Gemini API anywhere but at Google. Anthropic's Messages
// format is the hub between them: the call goes to the upstream's own adapter as the Anthropic
// call it amounts to (ResponsesToAnthropic, GeminiToAnthropic), and what comes back, which that
// adapter gives in Anthropic's format, is put in the client's. One translator per protocol into
// and out of the hub, then, and none per pair of protocols. Gemini's embeddings, which the hub
// has none of, go as OpenAI's (GeminiEmbeddings).
class HubAdapter : public UpstreamAdapter
{
public:
    explicit HubAdapter(const UpstreamAdapter& upstream);

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

private:
    // The Anthropic call a Responses or Gemini call amounts to (OpenAI's, for Gemini's
    // embeddings), with what the translation left out; fails when that format cannot carry it.
    static Result<ClientCall> hubCall(const ClientCall& call, QStringList* dropped);

    const UpstreamAdapter& m_upstream;
};
