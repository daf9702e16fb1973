#include "app/cli/ServeCommand.h"

#include "app/cli/CliContext.h"
#include "app/cli/ShutdownSignals.h"
#include "app/routing/RouterHost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)
};

} // namespace

int ServeCommand::run(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Run the router without the window until Ctrl-C. The port and bind address default "
        "to the settings (keyway settings get port)."));
    parser.addOption(
        { QStringLiteral("headless"), Text::tr("Without the window (the only way).") });
    parser.addOption({ QStringLiteral("port"), Text::tr("Listen on this port; 0 picks a free one."),
        QStringLiteral("N") });
    parser.addOption(
        { QStringLiteral("bind"), Text::tr("Listen on this address."), QStringLiteral("ADDR") });
    if (auto exit = context.parse(parser, QStringLiteral("serve"), arguments))
        return *exit;

    RouterHost::Overrides overrides;
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return context.usageError(Text::tr("--port must be a number from 0 to 65535."));
        overrides.port = quint16(port);
    }
    if (parser.isSet(QStringLiteral("bind"))) {
        const QHostAddress address(parser.value(QStringLiteral("bind")));
        if (address.isNull())
            return context.usageError(Text::tr("--bind must be an IP address, such as 127.0.0.1."));
        overrides.bindAddress = address;
    }
    Store* store = context.store();
    if (!store)
        return CliContext::DatabaseError;
    // A server's warnings (an activity log that cannot be written...) belong on stderr.
    QLoggingCategory::setFilterRules(QStringLiteral("keyway.*.info=false"));

    RouterHost host(*store, context.vault(), overrides);
    int exitCode = CliContext::Success;
    QObject::connect(&host, &RouterHost::listening, &host, [&context](const QString& address) {
        context.out() << Text::tr("Keyway is routing on %1 — press Ctrl-C to stop.").arg(address)
                      << Qt::endl;
    });
    QObject::connect(&host, &RouterHost::listenFailed, &host, [&](const QString& message) {
        context.err() << message << Qt::endl;
        exitCode = CliContext::UsageError;
        QCoreApplication::exit(exitCode);
    });
    QObject::connect(&host, &RouterHost::snapshotApplied, &host,
        [&context, told = QString()](
            int keys, int withoutSecret, const QString& keychainProblem) mutable {
            // Said once per change, not at every rebuild or retry.
            QString news;
            if (!keychainProblem.isEmpty())
                news = Text::tr("Skipping %n key(s) until the keychain gives their secrets "
                                "(asked again every %1 s): %2",
                    nullptr, withoutSecret)
                           .arg(RouterHost::secretRetryInterval.count())
                           .arg(keychainProblem);
            else if (withoutSecret > 0)
                news = Text::tr("%1 of %n key(s) have no secret in the keychain and are skipped.",
                    nullptr, keys)
                           .arg(withoutSecret);
            else if (!told.isEmpty())
                news = Text::tr("Every key has its secret again.");
            if (news != told && !news.isEmpty())
                context.err() << news << Qt::endl;
            told = news;
        });
    ShutdownSignals shutdown;
    host.start();
    const int code = QCoreApplication::exec();
    return exitCode != CliContext::Success ? exitCode : code;
}
