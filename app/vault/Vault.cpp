#include "app/vault/Vault.h"

#include "app/vault/SessionBusGuard.h"

#include <QCoreApplication>
#include <QCoro/QCoroSignal>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

#include <memory>

Q_LOGGING_CATEGORY(lcVault, "keyway.vault")

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Vault)
};

// What a finished job reported, copied out while the job still exists.
struct JobOutcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text;
    bool finished = false;
};

// What went wrong, as far as the keychain's answer tells. libsecret reports a missing secrets
// service, a session bus that went away and a bus policy's refusal as generic errors, so its
// message is read too.
enum class Trouble { Unreachable, Refused, Forbidden, Other };

bool mentions(const QString& text, std::initializer_list<const char*> signs)
{
    return std::any_of(signs.begin(), signs.end(),
        [&](const char* sign) { return text.contains(QLatin1String(sign)); });
}

Trouble troubleOf(const JobOutcome& outcome)
{
    // A policy's refusal names the service's interface; checked before the names that mean
    // "not there".
    if (mentions(outcome.errorString, { "Rejected send message", "AccessDenied" }))
        return Trouble::Forbidden;
    if (outcome.error == QKeychain::NoBackendAvailable
        || mentions(outcome.errorString,
            { "org.freedesktop.secrets", "Could not connect", "ServiceUnknown",
                "DBUS_SESSION_BUS_ADDRESS", "Cannot autolaunch", "connection is closed" }))
        return Trouble::Unreachable;
    if (outcome.error == QKeychain::AccessDenied || outcome.error == QKeychain::AccessDeniedByUser)
        return Trouble::Refused;
    return Trouble::Other;
}

QString adviceFor(Trouble trouble)
{
    switch (trouble) {
    case Trouble::Unreachable:
        return Text::tr("No keychain is reachable. On Linux install and start GNOME Keyring "
                        "(apt install gnome-keyring libsecret-1-0) or KWallet in your desktop "
                        "session, so that org.freedesktop.secrets answers on the session bus. "
                        "Keyway never stores secrets in plain text.");
    case Trouble::Refused:
        return Text::tr("The keychain refused access. Unlock it (for GNOME Keyring, the \"login\" "
                        "keyring in Passwords and Keys) and allow Keyway, then try again.");
    case Trouble::Forbidden:
        return Text::tr("The system does not let Keyway talk to the keychain (a sandbox or a "
                        "security policy such as Flatpak, Snap, AppArmor or SELinux). Allow it to "
                        "reach org.freedesktop.secrets on the session bus, then try again.");
    case Trouble::Other:
        break;
    }
    return Text::tr("The keychain reported an error. If it is locked, unlock it and try again.");
}

Failure keychainFailure(const JobOutcome& outcome)
{
    QString message = adviceFor(troubleOf(outcome));
    if (!outcome.errorString.isEmpty())
        message += u' ' + Text::tr("(Keychain said: %1)").arg(outcome.errorString);
    return { FailureKind::Keychain, message };
}

Failure timeoutFailure(std::chrono::milliseconds timeout)
{
    return { FailureKind::Keychain,
        Text::tr("The keychain did not answer within %1 s. It may be locked and waiting for a "
                 "password prompt: unlock it and try again.")
            .arg(static_cast<double>(timeout.count()) / 1000.0) };
}

// Starts the job and waits for it; running out of time is a failure, any other outcome is
// returned for the caller to judge. The job deletes itself when it finishes, even after a
// timeout; the outcome is copied in a direct connection, before that can happen.
QCoro::Task<Result<JobOutcome>> run(QKeychain::Job* job, std::chrono::milliseconds timeout)
{
    auto outcome = std::make_shared<JobOutcome>();
    QObject::connect(job, &QKeychain::Job::finished, job, [outcome](QKeychain::Job* finished) {
        outcome->finished = true;
        outcome->error = finished->error();
        outcome->errorString = finished->errorString();
        if (auto* reader = qobject_cast<QKeychain::ReadPasswordJob*>(finished))
            outcome->text = reader->textData();
    });
    SessionBusGuard::keepProcessWhenBusCloses();
    // Never fall back to storing secrets in a plain settings file.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->start();
    if (outcome->finished) // some backends answer within start()
        co_return *outcome;
    const auto finished = co_await qCoro(job, &QKeychain::Job::finished, timeout);
    if (!finished.has_value()) {
        qCWarning(lcVault) << "keychain job timed out after" << timeout.count() << "ms";
        co_return timeoutFailure(timeout);
    }
    co_return *outcome;
}

} // namespace

Vault::Vault(QObject* parent)
    : QObject(parent)
{ }

QCoro::Task<Result<void>> Vault::write(QString account, QString secret)
{
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(account);
    job->setTextData(secret);
    const Result<JobOutcome> outcome = co_await run(job, m_timeout);
    if (!outcome) {
        // The write may still complete later; QtKeychain runs jobs one after the other, so a
        // removal queued now follows it and leaves no orphaned secret behind.
        QCoro::Task<Result<void>> takeBack = remove(account);
        co_return outcome.failure();
    }
    if (outcome->error != QKeychain::NoError)
        co_return keychainFailure(*outcome);
    co_return Result<void>();
}

QCoro::Task<Result<QString>> Vault::read(QString account)
{
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(account);
    const Result<JobOutcome> outcome = co_await run(job, m_timeout);
    if (!outcome)
        co_return outcome.failure();
    if (outcome->error == QKeychain::EntryNotFound)
        co_return notFound(Text::tr("The keychain has no entry %1.").arg(account));
    if (outcome->error != QKeychain::NoError)
        co_return keychainFailure(*outcome);
    co_return outcome->text;
}

QCoro::Task<Result<void>> Vault::remove(QString account)
{
    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(account);
    const Result<JobOutcome> outcome = co_await run(job, m_timeout);
    if (!outcome)
        co_return outcome.failure();
    if (outcome->error != QKeychain::NoError && outcome->error != QKeychain::EntryNotFound)
        co_return keychainFailure(*outcome);
    co_return Result<void>();
}

QCoro::Task<Result<void>> Vault::checkWritable()
{
    const QString probe = QStringLiteral("keyway/probe");
    if (auto written = co_await write(probe, QStringLiteral("probe")); !written)
        co_return written;
    co_return co_await remove(probe);
}
