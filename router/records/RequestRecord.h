#pragma once

#include "router/core/Tier.h"
#include "router/core/UpstreamOutcome.h"
#include "router/http/HttpHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// Tokens an answer used, as the provider counted them.
struct TokenUsage
{
    qint64 prompt = 0;
    qint64 completion = 0;
    qint64 cached = 0; // of the prompt, read from the provider's cache
    qint64 reasoning = 0; // of the completion

    bool isEmpty() const { return prompt == 0 && completion == 0; }
    friend bool operator==(const TokenUsage&, const TokenUsage&) = default;
};

// One try of one request on one key (DESIGN.md section 1, "Attempt").
struct AttemptRecord
{
    QString requestId;
    int number = 0; // 1, 2, ... within the request
    qint64 keyId = 0;
    QString keyLabel;
    QString providerId;
    Tier tier = Tier::Prioritized;
    QString model; // as sent to the provider
    QDateTime startedAt;
    qint64 latencyMs = 0;
    int httpStatus = 0; // 0: no HTTP answer
    // Empty for a success; otherwise a short class: rate_limited, invalid_key, out_of_credit,
    // model_unusable, server_error, timeout, client_error, stream_error, cancelled...
    QString errorClass;
    QString errorMessage; // the provider's own words, or what went wrong on the way
    HttpHeaders rateLimitHeaders;
    qint64 bytes = 0; // received from the provider
    TokenUsage usage;
    QStringList droppedFields; // request fields not sent to this provider
    int malformedEvents = 0;
};

// One client request (DESIGN.md section 1, "Request record").
struct RequestRecord
{
    QString id; // gen-…
    qint64 localKeyId = 0;
    qint64 memberId = 0;
    qint64 workspaceId = 0;
    QString endpoint; // "/v1/chat/completions"...
    QString requestedModel;
    QString servedModel; // as the answer named it
    bool stream = false;
    QDateTime startedAt;
    qint64 latencyMs = 0;
    int status = 0; // sent to the client; 0 while running
    QString errorMessage;
    QString keyLabel; // of the key that answered
    TokenUsage usage;
    // Estimated from the catalog's price of the model that answered, in US dollars; nothing
    // when the catalog has no price for it.
    std::optional<double> cost;
    QList<AttemptRecord> attempts;
};

Q_DECLARE_METATYPE(AttemptRecord)
Q_DECLARE_METATYPE(RequestRecord)
