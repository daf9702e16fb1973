#pragma once

#include <QStringList>

// A look into the test session's keychain from outside Keyway, through libsecret's own
// secret-tool, so tests see what really is stored. The secrets it reads stay in memory.
class TestKeychain
{
public:
    // The accounts of every "Keyway" entry, sorted.
    static QStringList accounts();
    // The stored secret of one account, or a null string.
    static QString secret(const QString& account);
    static bool hasSecretsService();
    // Locks the login keyring. Unlocking needs a password prompt, so this lasts for the session.
    static bool lockLoginCollection();
};
