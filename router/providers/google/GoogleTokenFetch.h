#pragma once

#include "router/providers/google/GoogleAccessToken.h"
#include "router/providers/google/GoogleServiceAccount.h"

#include <QObject>

#include <optional>

class UpstreamCall;

// One exchange of a service account's signed assertion for an access token at its token
// endpoint, on this thread's upstream connections. Always finishes, and never inside start().
class GoogleTokenFetch : public QObject
{
    Q_OBJECT

public:
    GoogleTokenFetch(GoogleServiceAccount account, QString caFile, QObject* parent = nullptr);

    void start();

    // After finished(): the token, or why there is none.
    const std::optional<GoogleAccessToken>& token() const { return m_token; }
    const QString& error() const { return m_error; }
    // The endpoint refused the account or its signature: the key itself is bad, unlike an
    // endpoint that could not be reached or failed.
    bool credentialRejected() const { return m_credentialRejected; }

    // Reads the endpoint's answer (RFC 6749 section 5). A token that lives a minute or less
    // (Google's live an hour) is refused: it would be stale before a request could use it.
    static Result<GoogleAccessToken> parseAnswer(const QByteArray& body, const QDateTime& now);

signals:
    void finished();

private:
    void onAnswered();
    void fail(const QString& error, bool credentialRejected);

    GoogleServiceAccount m_account;
    QString m_caFile;
    UpstreamCall* m_call = nullptr;
    QByteArray m_body;
    std::optional<GoogleAccessToken> m_token;
    QString m_error;
    bool m_credentialRejected = false;
};
