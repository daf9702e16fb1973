#pragma once

#include "router/upstream/UpstreamAdapter.h"

// Amazon Bedrock's Converse and ConverseStream APIs, for Anthropic and OpenAI clients alike
// (AnthropicToConverse, with OpenAiToAnthropic in front for OpenAI clients). Keys are AWS access
// keys, signed with Signature Version 4 for the key's region, or Bedrock API keys (Bearer).
class BedrockAdapter : public UpstreamAdapter
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

    // The id to call a model by in `region`: Claude models newer than 3.5 run only through a
    // cross-region inference profile, whose id starts with the region's geography.
    static QString modelIdFor(const QString& model, const QString& region);
    // The error's type, lower case: x-amzn-ErrorType's name, or an exception frame's.
    static QString errorType(const HttpHeaders& headers, const QByteArray& body);
    // Adds the key's authentication to a finished request: the SigV4 signature of its stored AWS
    // credentials for `region`, or its Bedrock API key as Bearer.
    static void authorize(UpstreamRequest& request, QByteArrayView method, const QString& secret,
        const QString& region);
};
