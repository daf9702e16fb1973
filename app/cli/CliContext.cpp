#include "app/cli/CliContext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

CliContext::CliContext(QString databasePath, QTextStream& out, QTextStream& err)
    : m_databasePath(std::move(databasePath))
    , m_out(out)
    , m_err(err)
{ }

CliContext::~CliContext() = default;

Store* CliContext::store()
{
    if (m_store || m_openFailed)
        return m_store.get();
    auto store = std::make_unique<Store>();
    if (auto opened = store->open(m_databasePath); !opened) {
        m_openFailed = true;
        fail(opened.failure());
        return nullptr;
    }
    m_store = std::move(store);
    m_keys = std::make_unique<KeyService>(*m_store, m_vault);
    m_tokens = std::make_unique<TokenService>(*m_store, m_vault);
    return m_store.get();
}

KeyService* CliContext::keys()
{
    return store() ? m_keys.get() : nullptr;
}

TokenService* CliContext::tokens()
{
    return store() ? m_tokens.get() : nullptr;
}

int CliContext::fail(const Failure& failure)
{
    // The app layer names the field a failure is about; on the command line that is a flag.
    const QString message = failure.field.isEmpty()
        ? failure.message
        : QCoreApplication::translate("Cli", "%1 (--%2)")
              .arg(failure.message, QString(failure.field).replace(u'_', u'-'));
    m_err << QCoreApplication::translate("Cli", "keyway: %1").arg(message) << Qt::endl;
    switch (failure.kind) {
    case FailureKind::Database:
        return DatabaseError;
    case FailureKind::Keychain:
        return KeychainError;
    case FailureKind::InvalidInput:
    case FailureKind::NotFound:
    case FailureKind::Conflict:
        return UsageError;
    case FailureKind::Unsupported: // the router's kinds: no verb meets them as its own result
    case FailureKind::Network:
        return UsageError;
    }
    return UsageError;
}

int CliContext::usageError(const QString& message)
{
    return fail(invalidInput(message));
}

void CliContext::printJson(const QJsonValue& value)
{
    const QJsonDocument document
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    m_out.flush();
}

std::optional<int> CliContext::parse(
    QCommandLineParser& parser, const QString& command, const QStringList& arguments)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList { QStringLiteral("keyway ") + command } + arguments)) {
        return usageError(parser.errorText() + u' '
            + QCoreApplication::translate("Cli", "See \"keyway %1 --help\".").arg(command));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        m_out.flush();
        return Success;
    }
    return std::nullopt;
}

std::optional<qint64> CliContext::idArgument(const QCommandLineParser& parser, const QString& what)
{
    const QStringList positional = parser.positionalArguments();
    bool ok = false;
    const qint64 id = positional.size() == 1 ? positional.first().toLongLong(&ok) : 0;
    if (!ok || id <= 0) {
        usageError(QCoreApplication::translate("Cli",
            "Give the id of one %1 (a number, see the "
            "list command).")
                       .arg(what));
        return std::nullopt;
    }
    return id;
}

int CliContext::verbHelp(
    const QString& noun, const QString& given, const QList<std::pair<QString, QString>>& verbs)
{
    const bool asked = given == u"--help" || given == u"-h" || given == u"help";
    QTextStream& stream = asked ? m_out : m_err;
    if (!asked && !given.isEmpty())
        stream << QCoreApplication::translate("Cli", "keyway: unknown verb \"%1\".").arg(given)
               << '\n';
    stream << QCoreApplication::translate("Cli", "Usage: keyway %1 VERB [OPTIONS]").arg(noun)
           << "\n\n";
    for (const auto& [verb, meaning] : verbs)
        stream << "  " << verb.leftJustified(10) << meaning << '\n';
    stream << '\n'
           << QCoreApplication::translate("Cli", "Run \"keyway %1 VERB --help\" for its options.")
                  .arg(noun)
           << Qt::endl;
    return asked ? Success : UsageError;
}
