#pragma once

#include "router/core/Result.h"
#include "router/core/UpstreamOutcome.h"
#include "router/inbound/ClientCall.h"
#include "router/records/RequestRecord.h"
#include "router/translate/StreamTranslator.h"
#include "router/upstream/UpstreamRequest.h"
#include "router/upstream/UpstreamTarget.h"

#include <chrono>
#include <memory>
#include <optional>

// A whole (not streamed) answer, translated into the client's protocol.
struct ClientAnswer
{
    QByteArray body;
    QString servedModel;
    TokenUsage usage;
};

// What the failover engine needs from one upstream wire format: the request to send, how to
// read its errors, and its answers in the client's protocol. One stateless instance per format,
// shared by all threads.
class UpstreamAdapter
{
public:
    virtual ~UpstreamAdapter() = default;

    // Fails when the key lacks what its provider needs (InvalidInput) or the call cannot be
    // expressed in the upstream's format (Unsupported).
    virtual Result<UpstreamRequest> buildRequest(const UpstreamTarget& target,
        const ClientCall& call, const QString& upstreamModel) const = 0;
    // What an answer says about the key; `headers` are empty for an error event in a stream.
    virtual UpstreamOutcome classify(
        int httpStatus, const HttpHeaders& headers, const QByteArray& body) const = 0;
    // The provider's own words from an error answer or error event.
    virtual QString errorMessage(const QByteArray& body) const = 0;
    // Nothing when a 2xx answer cannot be read: the attempt then failed.
    virtual std::optional<ClientAnswer> translateAnswer(
        const ClientCall& call, const QByteArray& body) const = 0;
    // A provider error the client must see (400, 422) in the client's protocol.
    virtual QByteArray translateError(const ClientCall& call, const QByteArray& body) const = 0;
    virtual std::unique_ptr<StreamTranslator> streamTranslator(const ClientCall& call) const = 0;
    // How long a rate-limited key rests, as the answer says; by default its headers.
    virtual std::optional<std::chrono::milliseconds> cooldown(
        const HttpHeaders& headers, const QByteArray& body) const;
};

// The adapter for a provider's keys and the model to call, or nullptr when Keyway cannot call
// them yet. The providers' floor implements it (ProviderAdapters); the failover session is
// handed it, so that it knows the interface and no provider.
using AdapterLookup = const UpstreamAdapter* (*)(QStringView providerId, QStringView upstreamModel,
    ClientProtocol protocol);
