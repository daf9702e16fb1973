#include "router/providers/bedrock/SigV4Signer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

namespace {

const QDateTime suiteTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC);
const QString exampleSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

// A request as the suite writes it: "GET /path?query HTTP/1.1", "Name:value" lines (a line that
// starts with whitespace continues the previous value), an empty line, the body.
struct SuiteRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    HttpHeaders headers;
    QByteArray body;
};

SuiteRequest parseRequest(const QByteArray& text)
{
    SuiteRequest request;
    const qsizetype headEnd = text.indexOf("\n\n");
    if (headEnd >= 0)
        request.body = text.sliced(headEnd + 2);
    QByteArrayList lines = (headEnd < 0 ? text : text.first(headEnd)).split('\n');
    const QByteArray requestLine = lines.takeFirst();
    const qsizetype methodEnd = requestLine.indexOf(' ');
    const qsizetype targetEnd = requestLine.lastIndexOf(' ');
    request.method = requestLine.first(methodEnd);
    const QByteArray target = requestLine.mid(methodEnd + 1, targetEnd - methodEnd - 1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.first(question);
    request.query = question < 0 ? QByteArray() : target.sliced(question + 1);
    for (const QByteArray& line : std::as_const(lines)) {
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t')) {
            request.headers.last().second += '\n' + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        request.headers.append({ line.first(colon), line.sliced(colon + 1) });
    }
    return request;
}

QByteArray readSuiteFile(const QString& testCase, const QString& file)
{
    QFile input(QFINDTESTDATA("data/sigv4/" + testCase + "/" + file));
    if (!input.open(QIODevice::ReadOnly))
        qFatal("missing test data %s/%s", qPrintable(testCase), qPrintable(file));
    return input.readAll();
}

HttpHeaders withoutAuthorization(HttpHeaders headers)
{
    headers.removeIf([](const auto& field) {
        return field.first.compare("Authorization", Qt::CaseInsensitive) == 0;
    });
    return headers;
}

QByteArray line(const QByteArray& text, int index)
{
    return text.split('\n').value(index);
}

} // namespace

class TestSigV4Signer : public QObject
{
    Q_OBJECT

private slots:
    // AWS's published SigV4 test suite (tests/data/sigv4/README.md says where it comes from).
    void awsTestSuite_data()
    {
        QTest::addColumn<QString>("testCase");
        for (const char* testCase : { "get-header-key-duplicate", "get-header-value-multiline",
                 "get-header-value-order", "get-header-value-trim", "get-relative-normalized",
                 "get-relative-relative-normalized", "get-slash-dot-slash-normalized",
                 "get-slash-normalized", "get-slash-pointless-dot-normalized",
                 "get-slashes-normalized", "get-space-normalized", "get-unreserved", "get-utf8",
                 "get-vanilla", "get-vanilla-empty-query-key", "get-vanilla-query",
                 "get-vanilla-query-order-encoded", "get-vanilla-query-order-key-case",
                 "get-vanilla-query-unreserved", "get-vanilla-utf8-query",
                 "get-vanilla-with-session-token", "post-header-key-case", "post-header-key-sort",
                 "post-header-value-case", "post-sts-header-before", "post-vanilla",
                 "post-vanilla-empty-query-value", "post-vanilla-query",
                 "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters" })
            QTest::newRow(testCase) << QString::fromLatin1(testCase);
    }

    void awsTestSuite()
    {
        QFETCH(QString, testCase);
        const QJsonObject context
            = QJsonDocument::fromJson(readSuiteFile(testCase, "context.json")).object();
        const QJsonObject keys = context["credentials"].toObject();
        const SigV4Signer::Credentials credentials { keys["access_key_id"].toString(),
            keys["secret_access_key"].toString(), keys["token"].toString() };
        const QString region = context["region"].toString();
        const QString service = context["service"].toString();
        const QDateTime time = QDateTime::fromString(context["timestamp"].toString(), Qt::ISODate);
        QCOMPARE(time, suiteTime);
        const SuiteRequest request = parseRequest(readSuiteFile(testCase, "request.txt"));
        const SuiteRequest expected
            = parseRequest(readSuiteFile(testCase, "header-signed-request.txt"));
        const QByteArray expectedAuthorization = headerValue(expected.headers, "Authorization");

        // Step by step, as a server checks it: the signed request's fields (less Authorization).
        const QByteArray payloadHash
            = QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex();
        const QByteArray canonicalRequest = SigV4Signer::canonicalRequest(request.method,
            request.path, request.query, withoutAuthorization(expected.headers), payloadHash);
        QCOMPARE(canonicalRequest, readSuiteFile(testCase, "header-canonical-request.txt"));
        const QByteArray stringToSign
            = SigV4Signer::stringToSign(time, region, service, canonicalRequest);
        QCOMPARE(stringToSign, readSuiteFile(testCase, "header-string-to-sign.txt"));
        const QByteArray key
            = SigV4Signer::signingKey(credentials.secretAccessKey, time.date(), region, service);
        const QByteArray signature
            = QMessageAuthenticationCode::hash(stringToSign, key, QCryptographicHash::Sha256);
        QVERIFY(expectedAuthorization.endsWith(", Signature=" + signature.toHex()));

        // The whole of sign() through a URL. Two cases write a path no HTTP client sends (a raw
        // space, raw UTF-8): a QUrl carries those percent-encoded, and the second encoding then
        // rightly signs %2520 rather than the suite's %20 (see bedrockModelIdIsEncodedTwice).
        const QUrl url(QStringLiteral("https://")
            + QString::fromLatin1(headerValue(request.headers, "Host"))
            + QString::fromUtf8(request.path)
            + (request.query.isEmpty() ? QString() : "?" + QString::fromUtf8(request.query)));
        if (url.path(QUrl::FullyEncoded).toUtf8() != request.path) {
            QVERIFY(testCase == "get-space-normalized" || testCase == "get-utf8");
            return;
        }
        const SigV4Signer::ContentHashHeader contentHash = context["sign_body"].toBool()
            ? SigV4Signer::ContentHashHeader::Add
            : SigV4Signer::ContentHashHeader::Omit;
        const SigV4Signer signer(credentials, region, service, contentHash);
        const HttpHeaders added
            = signer.sign(request.method, url, request.headers, request.body, time);
        // Exactly the fields the suite's signed request has beyond the original ones.
        QCOMPARE(added.size(), expected.headers.size() - request.headers.size());
        for (const auto& [name, value] : added)
            QCOMPARE(headerValue(expected.headers, name), value);
        QCOMPARE(headerValue(added, "Authorization"), expectedAuthorization);
    }

    // "Examples of how to derive a signing key for Signature Version 4" and the worked example of
    // "Calculate the signature" (docs.aws.amazon.com/general/latest/gr/signature-v4-examples.html
    // and sigv4-calculate-signature.html).
    void signingKeyFromTheDocs()
    {
        QCOMPARE(SigV4Signer::signingKey(exampleSecret, QDate(2015, 8, 30), u"us-east-1", u"iam")
                     .toHex(),
            QByteArray("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"));
        QCOMPARE(SigV4Signer::signingKey(exampleSecret, QDate(2012, 2, 15), u"us-east-1", u"iam")
                     .toHex(),
            QByteArray("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
    }

    // The IAM ListUsers request that AWS's "Create a canonical request", "Create a string to
    // sign" and "Calculate the signature" pages walk through.
    void iamListUsersFromTheDocs()
    {
        const SigV4Signer signer({ QStringLiteral("AKIDEXAMPLE"), exampleSecret, QString() },
            QStringLiteral("us-east-1"), QStringLiteral("iam"));
        const QUrl url(
            QStringLiteral("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"));
        const HttpHeaders headers { { "Content-Type",
            "application/x-www-form-urlencoded; charset=utf-8" } };
        const HttpHeaders added = signer.sign("GET", url, headers, QByteArray(), suiteTime);

        const QByteArray canonicalRequest = SigV4Signer::canonicalRequest("GET", "/",
            "Action=ListUsers&Version=2010-05-08",
            headers + HttpHeaders { { "Host", "iam.amazonaws.com" } } + withoutAuthorization(added),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QCOMPARE(
            line(SigV4Signer::stringToSign(suiteTime, u"us-east-1", u"iam", canonicalRequest), 3),
            QByteArray("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"));
        QCOMPARE(added,
            (HttpHeaders { { "X-Amz-Date", "20150830T123600Z" },
                { "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                    "SignedHeaders=content-type;host;x-amz-date, "
                    "Signature="
                    "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7" } }));
    }

    // A Bedrock model id's ':' travels as %3A and is signed as %253A (every non-S3 service
    // encodes each path segment twice). No published vector has a Bedrock path; the expected
    // signatures are botocore 1.43.11's (SigV4Auth, service "bedrock"), an independent signer.
    void bedrockModelIdIsEncodedTwice_data()
    {
        QTest::addColumn<QString>("sessionToken");
        QTest::addColumn<QByteArray>("signedHeaders");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("long-term key")
            << QString() << QByteArray("content-type;host;x-amz-date")
            << QByteArray("c4f93f7b35e2534054eac89244715bcee8d4a1aa9f765b4a062e8812a342a477");
        QTest::newRow("session token")
            << QStringLiteral("session-token-EXAMPLE")
            << QByteArray("content-type;host;x-amz-date;x-amz-security-token")
            << QByteArray("f8df51e44f94e96e3fd7bf18baa4aa4972a50d74d17b2ec590a959579b547dc4");
    }

    void bedrockModelIdIsEncodedTwice()
    {
        QFETCH(QString, sessionToken);
        QFETCH(QByteArray, signedHeaders);
        QFETCH(QByteArray, signature);
        const QString modelId = QStringLiteral("anthropic.claude-sonnet-4-5-20250929-v1:0");
        const QUrl url(QStringLiteral("https://bedrock-runtime.us-east-1.amazonaws.com/model/")
            + QString::fromLatin1(QUrl::toPercentEncoding(modelId)) + QStringLiteral("/converse"));
        QCOMPARE(url.path(QUrl::FullyEncoded),
            QStringLiteral("/model/anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse"));
        const HttpHeaders headers { { "Content-Type", "application/json" } };
        const QByteArray body = R"({"messages":[{"role":"user","content":[{"text":"Hello"}]}]})";

        const QByteArray canonicalRequest = SigV4Signer::canonicalRequest(
            "POST", url.path(QUrl::FullyEncoded).toLatin1(), QByteArray(), headers, QByteArray());
        QCOMPARE(line(canonicalRequest, 1),
            QByteArray("/model/anthropic.claude-sonnet-4-5-20250929-v1%253A0/converse"));

        const SigV4Signer signer({ QStringLiteral("AKIDEXAMPLE"), exampleSecret, sessionToken },
            QStringLiteral("us-east-1"), QStringLiteral("bedrock"));
        const HttpHeaders added = signer.sign("POST", url, headers, body, suiteTime);
        QCOMPARE(headerValue(added, "Authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
            "SignedHeaders="
                + signedHeaders + ", Signature=" + signature);
        QCOMPARE(headerValue(added, "X-Amz-Security-Token"), sessionToken.toUtf8());
        QCOMPARE(headerValue(added, "x-amz-content-sha256"), QByteArray()); // off by default
    }

    void fieldsProxiesRewriteAreNotSigned()
    {
        const SigV4Signer signer({ QStringLiteral("AKIDEXAMPLE"), exampleSecret, QString() },
            QStringLiteral("us-east-1"), QStringLiteral("bedrock"));
        const HttpHeaders added
            = signer.sign("POST", QUrl(QStringLiteral("https://example.com:8443/")),
                { { "User-Agent", "keyway" }, { "Connection", "keep-alive" }, { "Accept", "*/*" },
                    { "Host", "elsewhere.example" } },
                "{}", suiteTime);
        QVERIFY(headerValue(added, "Authorization")
                    .contains(", SignedHeaders=accept;host;x-amz-date, "));
        // The host is the URL's, port included, as the HTTP client writes it.
        const QByteArray canonicalRequest = SigV4Signer::canonicalRequest("POST", "/", QByteArray(),
            { { "Accept", "*/*" }, { "Host", "example.com:8443" },
                { "X-Amz-Date", "20150830T123600Z" } },
            QCryptographicHash::hash("{}", QCryptographicHash::Sha256).toHex());
        const QByteArray key
            = SigV4Signer::signingKey(exampleSecret, suiteTime.date(), u"us-east-1", u"bedrock");
        const QByteArray signature = QMessageAuthenticationCode::hash(
            SigV4Signer::stringToSign(suiteTime, u"us-east-1", u"bedrock", canonicalRequest), key,
            QCryptographicHash::Sha256);
        QVERIFY(headerValue(added, "Authorization").endsWith("Signature=" + signature.toHex()));
    }

    void signsInUtcWhateverTheTimeZone()
    {
        const SigV4Signer signer({ QStringLiteral("AKIDEXAMPLE"), exampleSecret, QString() },
            QStringLiteral("us-east-1"), QStringLiteral("service"));
        const QUrl url(QStringLiteral("https://example.amazonaws.com/"));
        const QDateTime inBerlinSummer
            = QDateTime(QDate(2015, 8, 30), QTime(14, 36, 0), Qt::OffsetFromUTC, 2 * 3600);
        QCOMPARE(signer.sign("GET", url, {}, QByteArray(), inBerlinSummer),
            signer.sign("GET", url, {}, QByteArray(), suiteTime));
        // get-vanilla of the suite.
        QVERIFY(
            headerValue(signer.sign("GET", url, {}, QByteArray(), inBerlinSummer), "Authorization")
                .endsWith(
                    "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    }
};

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "TestSigV4Signer.moc"
