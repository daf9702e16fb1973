#pragma once

#include "router/core/Result.h"
#include "router/core/SecretRedactor.h"
#include "router/upstream/UpstreamRequest.h"

#include <QDateTime>
#include <QString>

#include <optional>

// A Google Cloud service-account key (the JSON file the console downloads) and the token
// request it signs: an RS256 JWT assertion for the OAuth 2.0 JWT bearer grant (RFC 7523) sent to
// the key's own token endpoint. The private key stays in this object; the router's logs and the
// request record only ever name the account.
class GoogleServiceAccount
{
public:
    // Fails when `json` is not a service-account key (the failure says what is missing).
    static Result<GoogleServiceAccount> fromJson(const QString& json);

    const QString& clientEmail() const { return m_clientEmail; }
    const QString& projectId() const { return m_projectId; }
    const QString& tokenUri() const { return m_tokenUri; }
    // Names the account and its key without holding anything secret: what tokens are cached by.
    QString cacheKey() const;
    // Takes the account's secret parts out of text: what its token endpoint says is logged.
    SecretRedactor redactor() const;

    // The signed assertion for a token valid from `now` for an hour; fails when the private key
    // cannot be read or used.
    Result<QByteArray> signedAssertion(const QDateTime& now) const;
    // The POST to the token endpoint that exchanges a fresh assertion for an access token.
    Result<UpstreamRequest> tokenRequest(const QDateTime& now) const;

    // What Vertex AI needs: the whole of Google Cloud's API surface.
    static constexpr char scope[] = "https://www.googleapis.com/auth/cloud-platform";

private:
    QString m_clientEmail;
    QString m_privateKeyId;
    QByteArray m_privateKeyPem;
    QString m_projectId;
    QString m_tokenUri;
};
