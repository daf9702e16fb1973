#pragma once

#include "router/http/HttpExchange.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <chrono>
#include <memory>

// Google's OAuth token endpoint as the fake provider plays it: it takes the JWT bearer grant,
// checks the assertion's RS256 signature with the public key registered for its issuer and its
// claims (audience, scope, times), and hands out access tokens that the fake's Vertex endpoints
// then require. Thread-safe.
class FakeGoogleAuth
{
public:
    struct Account
    {
        QByteArray publicPem {};
        std::chrono::seconds tokenLifetime { 3599 };
        std::chrono::milliseconds delay { 0 }; // before the endpoint answers
    };

    void addAccount(const QString& clientEmail, Account account);
    // Answers a POST to the token endpoint at `tokenUrl`.
    void answer(const std::shared_ptr<HttpExchange>& exchange, const QString& tokenUrl);
    // The account a token was issued to, or nothing when it was not issued or has expired.
    QString accountOf(const QByteArray& accessToken) const;
    int tokensIssued() const;
    // Google stops honouring every token it issued (as when a key is rotated or disabled).
    void revokeTokens();
    // Grant requests, issued or refused.
    int tokenRequests() const;

    // A service-account key file as the Google Cloud console writes it.
    static QString serviceAccountJson(const QString& clientEmail, const QByteArray& privatePem,
        const QString& tokenUri, const QString& projectId);

private:
    // Why the assertion is refused, or nothing.
    QString assertionProblem(
        const QByteArray& assertion, const QString& tokenUrl, QString* clientEmail) const;

    struct Issued
    {
        QString clientEmail;
        QDateTime expiresAt;
    };

    mutable QMutex m_mutex;
    QHash<QString, Account> m_accounts;
    QHash<QByteArray, Issued> m_issued;
    int m_requests = 0;
};
