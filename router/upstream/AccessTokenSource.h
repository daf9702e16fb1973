#pragma once

#include "router/upstream/UpstreamTarget.h"

#include <QObject>
#include <QSet>

#include <optional>

// The short-lived access tokens that some keys' secrets are exchanged for before a call (a
// Google service account's), cached and shared by all router threads. The failover session knows
// only this: whose token it needs, and when it has come.
class AccessTokenSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The account whose token a call with this target needs; empty when it needs none.
    virtual QString accountKey(const UpstreamTarget& target) const = 0;
    // What a call with this target needs, read from its secret once: the account whose token
    // it needs (empty: none), and that token when a good one is cached (none: call fetch() and
    // wait for fetched()).
    struct TokenLookup
    {
        QString account;
        std::optional<QString> token;
    };
    virtual TokenLookup lookup(const UpstreamTarget& target) = 0;
    // True when a good token is at hand after all (another request's fetch just ended).
    // Otherwise a fetch is under way on this thread or another, and fetched() follows.
    virtual bool fetch(const UpstreamTarget& target) = 0;
    // Drops the target's token, which the provider refused: the next call fetches another.
    virtual void forget(const UpstreamTarget& target) = 0;
    // Drops the tokens of every account but those of these targets (their keys were removed or
    // replaced).
    virtual void retainOnly(const QList<UpstreamTarget>& targets) = 0;

signals:
    // `error` is empty when the account has a good token now. `credentialRejected`: the
    // provider refused the account itself, rather than not answering.
    void fetched(const QString& accountKey, const QString& error, bool credentialRejected);
};
