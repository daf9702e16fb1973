#pragma once

#include "app/domain/LocalApiKey.h"
#include "router/core/Result.h"

#include <QCoro/QCoroTask>
#include <QObject>

class Store;
class Vault;

// Local API keys: the tokens tools present to the router. A new token's plaintext goes to the
// keychain first and its hash to the database second; the plaintext is handed out once, and
// can be read back from the keychain until the token is revoked.
class TokenService : public QObject
{
    Q_OBJECT

public:
    struct Created
    {
        LocalApiKey localKey;
        QString token; // the plaintext, to show once
    };

    TokenService(Store& store, Vault& vault, QObject* parent = nullptr);

    // Empty names mean the defaults: member "me", workspace "Personal".
    QCoro::Task<Result<Created>> create(QString memberName, QString workspaceName, QString name);
    // Revoking is decided by the database; the plaintext is then dropped from the keychain.
    // Returns a warning when the keychain could not drop it.
    QCoro::Task<Result<QString>> revoke(qint64 id);
    QCoro::Task<Result<QString>> reveal(qint64 id);
    // The active local key this token belongs to, found by the token's SHA-256 and confirmed
    // with a constant-time comparison.
    Result<LocalApiKey> authenticate(QStringView token);

    static QString secretRefPrefix() { return QStringLiteral("local-key/"); }

private:
    Store& m_store;
    Vault& m_vault;
};
