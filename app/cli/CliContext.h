#pragma once

#include "app/access/TokenService.h"
#include "app/keys/KeyService.h"
#include "app/store/Store.h"
#include "app/vault/Vault.h"
#include "router/core/Result.h"

#include <QJsonValue>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

// An option or JSON field name spelled as a plain literal.
inline QString opt(const char* name)
{
    return QLatin1StringView(name);
}

// What every CLI command shares: the output streams, the store, vault and services (opened on
// first use, so --help never touches the disk), and how failures become exit codes.
class CliContext
{
public:
    // Exit codes, documented in --help and README.
    enum ExitCode {
        Success = 0,
        UsageError = 2, // wrong arguments or input, unknown id or name, conflicting change
        DatabaseError = 3,
        KeychainError = 4,
        KeyDoesNotWork = 5, // "key test": the provider did not accept the key as it is
    };

    CliContext(QString databasePath, QTextStream& out, QTextStream& err);
    ~CliContext();

    QTextStream& out() { return m_out; }
    const QString& databasePath() const { return m_databasePath; }
    Vault& vault() { return m_vault; }
    QTextStream& err() { return m_err; }

    // Opens the database when first asked; nullptr after printing why it could not.
    Store* store();
    KeyService* keys();
    TokenService* tokens();

    int fail(const Failure& failure);
    int usageError(const QString& message);
    void printJson(const QJsonValue& value);

    // Parses `arguments` (the command words already removed) with `parser`. Returns the exit
    // code to stop with (after --help, or after printing why the arguments do not fit), or
    // nothing when the command should go on.
    std::optional<int> parse(
        QCommandLineParser& parser, const QString& command, const QStringList& arguments);
    // For "keyway NOUN" with no verb, an unknown verb or --help: the verbs and what they do.
    // Exits 0 for --help, 2 otherwise.
    int verbHelp(
        const QString& noun, const QString& given, const QList<std::pair<QString, QString>>& verbs);
    // Reads the ID positional argument.
    std::optional<qint64> idArgument(const QCommandLineParser& parser, const QString& what);

private:
    QString m_databasePath;
    QTextStream& m_out;
    QTextStream& m_err;
    Vault m_vault;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<KeyService> m_keys;
    std::unique_ptr<TokenService> m_tokens;
    bool m_openFailed = false;
};
