#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// A token a tool presents to the router. Only its SHA-256 is stored; the plaintext is in the
// keychain under secretRef until the token is revoked.
struct LocalApiKey
{
    qint64 id = 0;
    QString name;
    QByteArray tokenHash;
    QString tokenHint; // "kw-…AbCd"
    QString secretRef;
    qint64 memberId = 0;
    qint64 workspaceId = 0;
    QDateTime createdAt;
    QDateTime lastUsedAt; // null: never used
    QDateTime revokedAt; // null: active

    bool isRevoked() const { return !revokedAt.isNull(); }
};
