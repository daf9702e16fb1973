#include "router/access/LocalKeyDirectory.h"

#include "router/access/LocalKeyToken.h"

#include <QUrlQuery>

LocalKeyDirectory::LocalKeyDirectory(const QList<Entry>& activeKeys)
{
    for (const Entry& entry : activeKeys)
        m_byHash.insert(entry.tokenHash, entry);
}

QByteArray LocalKeyDirectory::presentedToken(
    const QByteArray& authorization, const QByteArray& xApiKey)
{
    const QByteArray trimmed = authorization.trimmed();
    if (trimmed.size() > 7 && trimmed.first(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
        return trimmed.mid(7).trimmed();
    return xApiKey.trimmed();
}

QByteArray LocalKeyDirectory::presentedToken(const HttpRequest& request)
{
    if (QByteArray token
        = presentedToken(request.header("Authorization"), request.header("x-api-key"));
        !token.isEmpty())
        return token;
    if (QByteArray token = request.header("x-goog-api-key").trimmed(); !token.isEmpty())
        return token;
    const qsizetype query = request.target.indexOf('?');
    if (query < 0)
        return {};
    const QUrlQuery items(QString::fromLatin1(request.target.mid(query + 1)));
    return items.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded).trimmed().toLatin1();
}

std::optional<LocalKeyDirectory::Entry> LocalKeyDirectory::find(const QByteArray& token) const
{
    const QString text = QString::fromLatin1(token);
    if (!LocalKeyToken::isWellFormed(text))
        return std::nullopt;
    const QByteArray digest = LocalKeyToken::hash(text);
    // Found by digest, confirmed in constant time.
    const auto it = m_byHash.constFind(digest);
    if (it == m_byHash.cend() || !LocalKeyToken::hashesEqual(digest, it->tokenHash))
        return std::nullopt;
    return *it;
}
