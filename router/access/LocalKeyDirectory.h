#pragma once

#include "router/http/HttpRequest.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

// The active local API keys of a routing snapshot, by the SHA-256 of their token. Answers who a
// request is from, from the key it presents as "Authorization: Bearer …", "x-api-key: …" (the
// OpenAI and the Anthropic SDKs' ways), "x-goog-api-key: …" or "?key=…" (Google's).
class LocalKeyDirectory
{
public:
    struct Entry
    {
        qint64 localKeyId = 0;
        qint64 memberId = 0;
        qint64 workspaceId = 0;
        QByteArray tokenHash;
    };

    explicit LocalKeyDirectory(const QList<Entry>& activeKeys = {});

    // The token a request presents, or an empty array.
    static QByteArray presentedToken(const QByteArray& authorization, const QByteArray& xApiKey);
    // The token a request presents in any of the four places, the first found in that order.
    static QByteArray presentedToken(const HttpRequest& request);
    std::optional<Entry> find(const QByteArray& token) const;

private:
    QHash<QByteArray, Entry> m_byHash;
};
