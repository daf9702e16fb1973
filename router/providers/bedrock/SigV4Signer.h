#pragma once

#include "router/http/HttpHeaders.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

// Signs an HTTP request for an AWS service with Signature Version 4 in the Authorization header
// (AWS4-HMAC-SHA256), as the AWS docs "Create a signed AWS API request" describe it for every
// service but S3: each path segment is URI-encoded once more on top of its form on the wire
// (a Bedrock model id's ':' travels as %3A and is signed as %253A), and the path is normalised
// ("." and ".." resolved, empty segments dropped). S3's rules (single encoding, no
// normalisation, x-amz-content-sha256 required) are not supported.
class SigV4Signer
{
public:
    struct Credentials
    {
        QString accessKeyId;
        QString secretAccessKey;
        QString sessionToken; // empty for long-term keys; set for temporary (STS) credentials
    };

    // Whether to send (and sign) the payload's SHA-256 as x-amz-content-sha256. S3 requires it;
    // Bedrock and the other JSON services do not, and the hash is part of the signature anyway.
    enum class ContentHashHeader { Omit, Add };

    SigV4Signer(Credentials credentials, QString region, QString service,
        ContentHashHeader contentHashHeader = ContentHashHeader::Omit);

    // The headers to add to the request so that AWS accepts it: X-Amz-Date, X-Amz-Security-Token
    // (with a session token), x-amz-content-sha256 (when asked for) and Authorization. `url` is
    // the request's URL as it will be sent (path and query percent-encoded); the host signed is
    // the URL's authority, as the HTTP client writes it. `headers` are the request's other fields,
    // none of which may change after signing: all are signed but those proxies may rewrite
    // (user-agent, hop-by-hop fields) and those sign() sets itself. `time` is normally now; AWS
    // refuses a signature whose time is more than a few minutes off its clock.
    HttpHeaders sign(QByteArrayView method, const QUrl& url, const HttpHeaders& headers,
        QByteArrayView body, const QDateTime& time) const;

    // The steps of sign(), named as in AWS's documentation; public for tests.

    // `encodedPath` and `encodedQuery` are as on the wire; `headers` are exactly those to sign,
    // host and x-amz-date included. Repeated names are joined in their order.
    static QByteArray canonicalRequest(QByteArrayView method, QByteArrayView encodedPath,
        QByteArrayView encodedQuery, const HttpHeaders& headers, QByteArrayView payloadHash);
    static QByteArray stringToSign(const QDateTime& time, QStringView region, QStringView service,
        QByteArrayView canonicalRequest);
    // kSigning: the secret narrowed by HMACs to one day, region and service.
    static QByteArray signingKey(
        QStringView secretAccessKey, QDate date, QStringView region, QStringView service);

private:
    Credentials m_credentials;
    QString m_region;
    QString m_service;
    ContentHashHeader m_contentHashHeader;
};
