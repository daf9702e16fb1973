#include "router/providers/bedrock/SigV4Signer.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <array>

// SHA-256 and HMAC come from QtCore (QCryptographicHash, QMessageAuthenticationCode) rather than
// from OpenSSL's EVP API: they take and give QByteArrays, need no buffer sizes or error paths,
// and QCryptographicHash is what the router already hashes with (LocalKeyToken).

namespace {

constexpr QByteArrayView algorithm = "AWS4-HMAC-SHA256";

// Never signed: host comes from the URL; sign() supplies the date, token, content hash and the
// Authorization itself; the rest are fields proxies and HTTP stacks may add, drop or rewrite on
// the way (hop-by-hop fields of RFC 9110, user-agent, tracing), which would break the signature.
constexpr std::array<QByteArrayView, 16> unsignedHeaders { "authorization", "host", "x-amz-date",
    "x-amz-security-token", "x-amz-content-sha256", "connection", "keep-alive",
    "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
    "expect", "user-agent", "x-amzn-trace-id" };

struct CanonicalHeaders
{
    QByteArray lines; // "name:value\n" for each name, sorted
    QByteArray names; // "name;name;..." (SignedHeaders)
};

QByteArray hmacSha256(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Every byte but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX in upper-case
// hex, which is exactly what Qt's percent-encoding does with no exceptions given.
QByteArray uriEncode(const QByteArray& bytes)
{
    return bytes.toPercentEncoding();
}

QByteArray amzDate(const QDateTime& utc)
{
    return QLocale::c().toString(utc, u"yyyyMMdd'T'HHmmss'Z'").toLatin1();
}

QByteArray dateStamp(QDate date)
{
    return QLocale::c().toString(date, u"yyyyMMdd").toLatin1();
}

QByteArray credentialScope(QDate date, QStringView region, QStringView service)
{
    return dateStamp(date) + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

// The path as sent, normalised ("." and ".." resolved, empty segments dropped) and every segment
// encoded once more: a '%' of the wire form becomes %25, so %3A is signed as %253A.
QByteArray canonicalUri(QByteArrayView encodedPath)
{
    QByteArrayList segments;
    for (const QByteArray& segment : encodedPath.toByteArray().split('/')) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(uriEncode(segment));
    }
    QByteArray uri = '/' + segments.join('/');
    if (!segments.isEmpty() && encodedPath.endsWith('/'))
        uri += '/';
    return uri;
}

// Query parameters are encoded once only: decoded from the wire form, encoded again the one
// canonical way, sorted by name and then value.
QByteArray canonicalQuery(QByteArrayView encodedQuery)
{
    QList<std::pair<QByteArray, QByteArray>> parameters;
    for (const QByteArray& parameter : encodedQuery.toByteArray().split('&')) {
        if (parameter.isEmpty())
            continue;
        const qsizetype equals = parameter.indexOf('=');
        const QByteArray name = equals < 0 ? parameter : parameter.first(equals);
        const QByteArray value = equals < 0 ? QByteArray() : parameter.sliced(equals + 1);
        parameters.append({ uriEncode(QByteArray::fromPercentEncoding(name)),
            uriEncode(QByteArray::fromPercentEncoding(value)) });
    }
    std::sort(parameters.begin(), parameters.end());
    QByteArrayList pairs;
    for (const auto& [name, value] : std::as_const(parameters))
        pairs.append(name + '=' + value);
    return pairs.join('&');
}

// Names lower-cased and sorted; values trimmed with inner runs of whitespace made one space;
// the values of a repeated name joined with ',' in the order they were given.
CanonicalHeaders canonicalHeaders(const HttpHeaders& headers)
{
    HttpHeaders fields;
    for (const auto& [name, value] : headers)
        fields.append({ name.trimmed().toLower(), value.simplified() });
    std::stable_sort(fields.begin(), fields.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    CanonicalHeaders canonical;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const bool continuesName = i > 0 && fields.at(i - 1).first == fields.at(i).first;
        if (continuesName) {
            canonical.lines.chop(1); // the previous value's '\n'
            canonical.lines += ',' + fields.at(i).second + '\n';
            continue;
        }
        canonical.lines += fields.at(i).first + ':' + fields.at(i).second + '\n';
        if (!canonical.names.isEmpty())
            canonical.names += ';';
        canonical.names += fields.at(i).first;
    }
    return canonical;
}

QByteArray canonicalRequestFrom(QByteArrayView method, QByteArrayView encodedPath,
    QByteArrayView encodedQuery, const CanonicalHeaders& headers, QByteArrayView payloadHash)
{
    return method.toByteArray() + '\n' + canonicalUri(encodedPath) + '\n'
        + canonicalQuery(encodedQuery) + '\n' + headers.lines + '\n' + headers.names + '\n'
        + payloadHash.toByteArray();
}

bool isSigned(const QByteArray& name)
{
    return std::none_of(unsignedHeaders.begin(), unsignedHeaders.end(),
        [&](QByteArrayView excluded) { return name.compare(excluded, Qt::CaseInsensitive) == 0; });
}

// "host" or "host:port" exactly as HttpClientConnection writes the Host field from the URL.
QByteArray hostOf(const QUrl& url)
{
    return url
        .toEncoded(QUrl::RemoveScheme | QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
            | QUrl::RemoveFragment)
        .mid(2); // without the leading "//"
}

} // namespace

SigV4Signer::SigV4Signer(
    Credentials credentials, QString region, QString service, ContentHashHeader contentHashHeader)
    : m_credentials(std::move(credentials))
    , m_region(std::move(region))
    , m_service(std::move(service))
    , m_contentHashHeader(contentHashHeader)
{ }

HttpHeaders SigV4Signer::sign(QByteArrayView method, const QUrl& url, const HttpHeaders& headers,
    QByteArrayView body, const QDateTime& time) const
{
    Q_ASSERT(time.isValid());
    const QDateTime utc = time.toUTC();
    const QByteArray payloadHash = sha256Hex(body);

    HttpHeaders added { { QByteArrayLiteral("X-Amz-Date"), amzDate(utc) } };
    if (!m_credentials.sessionToken.isEmpty())
        added.append(
            { QByteArrayLiteral("X-Amz-Security-Token"), m_credentials.sessionToken.toUtf8() });
    if (m_contentHashHeader == ContentHashHeader::Add)
        added.append({ QByteArrayLiteral("x-amz-content-sha256"), payloadHash });

    HttpHeaders signedHeaders { { QByteArrayLiteral("host"), hostOf(url) } };
    for (const auto& field : headers) {
        if (isSigned(field.first))
            signedHeaders.append(field);
    }
    signedHeaders += added;

    const CanonicalHeaders canonical = canonicalHeaders(signedHeaders);
    const QByteArray request = canonicalRequestFrom(method, url.path(QUrl::FullyEncoded).toLatin1(),
        url.query(QUrl::FullyEncoded).toLatin1(), canonical, payloadHash);
    const QByteArray key
        = signingKey(m_credentials.secretAccessKey, utc.date(), m_region, m_service);
    const QByteArray signature
        = hmacSha256(key, stringToSign(utc, m_region, m_service, request)).toHex();

    added.append({ QByteArrayLiteral("Authorization"),
        algorithm.toByteArray() + " Credential=" + m_credentials.accessKeyId.toUtf8() + '/'
            + credentialScope(utc.date(), m_region, m_service)
            + ", SignedHeaders=" + canonical.names + ", Signature=" + signature });
    return added;
}

QByteArray SigV4Signer::canonicalRequest(QByteArrayView method, QByteArrayView encodedPath,
    QByteArrayView encodedQuery, const HttpHeaders& headers, QByteArrayView payloadHash)
{
    return canonicalRequestFrom(
        method, encodedPath, encodedQuery, canonicalHeaders(headers), payloadHash);
}

QByteArray SigV4Signer::stringToSign(
    const QDateTime& time, QStringView region, QStringView service, QByteArrayView canonicalRequest)
{
    const QDateTime utc = time.toUTC();
    return algorithm.toByteArray() + '\n' + amzDate(utc) + '\n'
        + credentialScope(utc.date(), region, service) + '\n' + sha256Hex(canonicalRequest);
}

QByteArray SigV4Signer::signingKey(
    QStringView secretAccessKey, QDate date, QStringView region, QStringView service)
{
    const QByteArray dateKey = hmacSha256("AWS4" + secretAccessKey.toUtf8(), dateStamp(date));
    const QByteArray regionKey = hmacSha256(dateKey, region.toUtf8());
    const QByteArray serviceKey = hmacSha256(regionKey, service.toUtf8());
    return hmacSha256(serviceKey, QByteArrayLiteral("aws4_request"));
}
