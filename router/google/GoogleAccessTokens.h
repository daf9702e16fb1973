#pragma once

#include "GoogleServiceAccount.h"
#include "GoogleTokenFetch.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <chrono>
#include <optional>

// The access tokens of the service accounts of Vertex keys, shared by all router threads. A
// request takes the cached token while it is good; one that nears its expiry is still used while
// a new one is fetched in the background, so that after the first request no request waits for
// Google's token endpoint. One fetch per account at a time, however many requests want it.
class GoogleAccessTokens : public QObject
{
    Q_OBJECT

public:
    // A token is not used when it expires within this...
    static constexpr std::chrono::seconds expiryMargin { 60 };
    // ...and a new one is fetched once it expires within this.
    static constexpr std::chrono::seconds refreshMargin { 300 };

    // The account's token when it is good for at least expiryMargin, or nothing: call fetch()
    // and wait for fetched().
    std::optional<QString> validToken(const GoogleServiceAccount& account, const QString& caFile);
    // True when the account has a good token after all (another request's fetch just ended).
    // Otherwise fetches one on this thread unless a fetch for the account is under way; fetched()
    // follows either way.
    bool fetch(const GoogleServiceAccount& account, const QString& caFile);
    // Drops the account's token, which Google refused: the next request fetches another.
    void forget(const GoogleServiceAccount& account);
    // Drops the tokens of every other account (their keys were removed or replaced).
    void retainOnly(const QSet<QString>& accountKeys);

signals:
    // `error` is empty when the account has a good token now. `credentialRejected`: Google
    // refused the account or its signature, rather than not answering.
    void fetched(const QString& accountKey, const QString& error, bool credentialRejected);

private:
    struct Entry
    {
        std::optional<GoogleAccessToken> token;
        bool fetching = false;
    };

    // Claims the account's one fetch, when none is under way; the mutex must be held.
    bool claimFetch(const QString& key);
    void startFetch(const GoogleServiceAccount& account, const QString& caFile);
    void store(const QString& key, const GoogleTokenFetch& fetch);

    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};
