#include "router/providers/google/GoogleAccessTokens.h"

#include "router/providers/google/VertexEndpoint.h"

#include <QMutexLocker>
#include <QThread>

namespace {

bool goodFor(const std::optional<GoogleAccessToken>& token, std::chrono::seconds margin,
    const QDateTime& now)
{
    return token && now.addSecs(margin.count()) < token->expiresAt;
}

} // namespace

QString GoogleAccessTokens::accountKey(const UpstreamTarget& target) const
{
    if (target.providerId != u"vertex")
        return {};
    const std::optional<GoogleServiceAccount> account = VertexEndpoint::serviceAccount(target);
    return account ? account->cacheKey() : QString();
}

AccessTokenSource::TokenLookup GoogleAccessTokens::lookup(const UpstreamTarget& target)
{
    if (target.providerId != u"vertex")
        return {};
    const std::optional<GoogleServiceAccount> account = VertexEndpoint::serviceAccount(target);
    if (!account)
        return {};
    const QString key = account->cacheKey();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::optional<QString> token;
    bool refresh = false;
    {
        QMutexLocker lock(&m_mutex);
        const Entry& entry = m_entries[key];
        if (!goodFor(entry.token, expiryMargin, now))
            return { key, std::nullopt };
        token = entry.token->value;
        refresh = !goodFor(entry.token, refreshMargin, now) && claimFetch(key);
    }
    if (refresh)
        startFetch(*account, target.caFile);
    return { key, token };
}

bool GoogleAccessTokens::fetch(const UpstreamTarget& target)
{
    const std::optional<GoogleServiceAccount> account = VertexEndpoint::serviceAccount(target);
    if (!account)
        return true; // nothing to fetch
    const QString key = account->cacheKey();
    {
        QMutexLocker lock(&m_mutex);
        if (goodFor(m_entries[key].token, expiryMargin, QDateTime::currentDateTimeUtc()))
            return true;
        if (!claimFetch(key))
            return false; // under way: fetched() follows
    }
    startFetch(*account, target.caFile);
    return false;
}

void GoogleAccessTokens::forget(const UpstreamTarget& target)
{
    const QString key = accountKey(target);
    QMutexLocker lock(&m_mutex);
    if (const auto entry = m_entries.find(key); entry != m_entries.end())
        entry->token.reset();
}

void GoogleAccessTokens::retainOnly(const QList<UpstreamTarget>& targets)
{
    QSet<QString> keep;
    for (const UpstreamTarget& target : targets) {
        if (const QString key = accountKey(target); !key.isEmpty())
            keep.insert(key);
    }
    QMutexLocker lock(&m_mutex);
    // An entry with a fetch under way stays: the fetch stores into it when it ends.
    m_entries.removeIf([&keep](const auto& entry) {
        return !keep.contains(entry.key()) && !entry.value().fetching;
    });
}

bool GoogleAccessTokens::claimFetch(const QString& key)
{
    Entry& entry = m_entries[key];
    if (entry.fetching)
        return false;
    entry.fetching = true;
    return true;
}

void GoogleAccessTokens::startFetch(const GoogleServiceAccount& account, const QString& caFile)
{
    // On the calling thread, whose event loop runs its upstream connections.
    auto* fetch = new GoogleTokenFetch(account, caFile);
    const QString key = account.cacheKey();
    connect(fetch, &GoogleTokenFetch::finished, fetch, [this, fetch, key] {
        store(key, *fetch);
        fetch->deleteLater();
    });
    // A fetch still under way when the router stops its threads goes with its thread.
    connect(QThread::currentThread(), &QThread::finished, fetch, &QObject::deleteLater);
    fetch->start();
}

void GoogleAccessTokens::store(const QString& key, const GoogleTokenFetch& fetch)
{
    {
        QMutexLocker lock(&m_mutex);
        Entry& entry = m_entries[key];
        entry.fetching = false;
        // A failed refresh keeps the old token while it lasts.
        if (fetch.token())
            entry.token = fetch.token();
    }
    emit fetched(key, fetch.token() ? QString() : fetch.error(), fetch.credentialRejected());
}
