#pragma once

#include "router/providers/google/GoogleServiceAccount.h"
#include "router/providers/google/GoogleTokenFetch.h"
#include "router/upstream/AccessTokenSource.h"

#include <QHash>
#include <QMutex>

#include <chrono>
#include <optional>

// The access tokens of the service accounts of Vertex keys, shared by all router threads. A
// request takes the cached token while it is good; one that nears its expiry is still used while
// a new one is fetched in the background, so that after the first request no request waits for
// Google's token endpoint. One fetch per account at a time, however many requests want it.
class GoogleAccessTokens : public AccessTokenSource
{
    Q_OBJECT

public:
    // A token is not used when it expires within this...
    static constexpr std::chrono::seconds expiryMargin { 60 };
    // ...and a new one is fetched once it expires within this.
    static constexpr std::chrono::seconds refreshMargin { 300 };

    // A Vertex key's service account, when its secret is one (an express-mode key needs no
    // token). A token is good while it lasts for at least expiryMargin; a fetch starts on the
    // calling thread, whose event loop runs its upstream connections.
    QString accountKey(const UpstreamTarget& target) const override;
    TokenLookup lookup(const UpstreamTarget& target) override;
    bool fetch(const UpstreamTarget& target) override;
    void forget(const UpstreamTarget& target) override;
    void retainOnly(const QList<UpstreamTarget>& targets) override;

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
