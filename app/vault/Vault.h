#pragma once

#include "router/core/Result.h"

#include <QCoro/QCoroTask>
#include <QObject>

#include <chrono>

// The OS keychain through QtKeychain (libsecret / GNOME Keyring or KWallet on Linux, Keychain on
// macOS, Credential Manager on Windows): service "Keyway", one entry per account.
//
// Every operation is asynchronous and guarded by a timeout, because a locked keychain may wait
// for a password prompt nobody answers. There is no plaintext fallback: when no keychain is
// reachable the failure says what to install or unlock.
//
// Use vaults from one thread per process: QtKeychain queues every job through a process-wide
// executor that belongs to the first thread that used it.
class Vault : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultTimeout { 15000 };

    explicit Vault(QObject* parent = nullptr);

    static QString serviceName() { return QStringLiteral("Keyway"); }

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    QCoro::Task<Result<void>> write(QString account, QString secret);
    // A missing entry is a NotFound failure.
    QCoro::Task<Result<QString>> read(QString account);
    // Removing an entry that does not exist succeeds.
    QCoro::Task<Result<void>> remove(QString account);
    // Writes and removes a probe entry. A locked keychain hides its entries, so "not found"
    // means "missing" only when this succeeds.
    QCoro::Task<Result<void>> checkWritable();

private:
    std::chrono::milliseconds m_timeout = defaultTimeout;
};
