#pragma once

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
    // Nothing when `json` is not a service-account key (the error says what is missing).
    static std::optional<GoogleServiceAccount> fromJson(const QString& json, QString* error);

    const QString& clientEmail() const { return m_clientEmail; }
    const QString& projectId() const { return m_projectId; }
    const QString& tokenUri() const { return m_tokenUri; }
    // Names the account and its key without holding anything secret: what tokens are cached by.
    QString cacheKey() const;

    // The signed assertion for a token valid from `now` for an hour, or nothing when the
    // private key cannot be read or used (the error says why).
    std::optional<QByteArray> signedAssertion(const QDateTime& now, QString* error) const;
    // The POST to the token endpoint that exchanges a fresh assertion for an access token.
    std::optional<UpstreamRequest> tokenRequest(const QDateTime& now, QString* error) const;

    // What Vertex AI needs: the whole of Google Cloud's API surface.
    static constexpr char scope[] = "https://www.googleapis.com/auth/cloud-platform";

private:
    QString m_clientEmail;
    QString m_privateKeyId;
    QByteArray m_privateKeyPem;
    QString m_projectId;
    QString m_tokenUri;
};
