#include "app/cli/LogCommands.h"

#include "app/activity/ActivityArchive.h"
#include "app/cli/CliContext.h"
#include "router/records/RequestRecordJson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimer>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LogCommands)
};

constexpr std::chrono::milliseconds followInterval { 500 };

// One request, then one indented line per attempt.
void printRecord(QTextStream& out, const RequestRecord& record)
{
    const QString model
        = record.servedModel.isEmpty() || record.servedModel == record.requestedModel
        ? record.requestedModel
        : record.requestedModel + QStringLiteral(" → ") + record.servedModel;
    out << record.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")) << "  "
        << record.id << "  " << record.status << "  " << model << "  "
        << (record.keyLabel.isEmpty() ? Text::tr("no key answered")
                                      : Text::tr("key %1").arg(record.keyLabel))
        << "  "
        << QCoreApplication::translate(
               "LogCommands", "%n attempt(s)", nullptr, int(record.attempts.size()))
        << "  " << record.latencyMs << " ms";
    if (!record.usage.isEmpty())
        out << "  "
            << Text::tr("%1 + %2 tokens").arg(record.usage.prompt).arg(record.usage.completion);
    if (!record.errorMessage.isEmpty())
        out << "  " << record.errorMessage;
    out << '\n';
    for (const AttemptRecord& attempt : record.attempts) {
        out << "    " << attempt.number << ". " << attempt.keyLabel << " (" << attempt.providerId
            << ", " << tierId(attempt.tier) << ")  " << attempt.httpStatus << ' '
            << (attempt.errorClass.isEmpty() ? QStringLiteral("ok") : attempt.errorClass) << "  "
            << attempt.latencyMs << " ms";
        if (!attempt.errorMessage.isEmpty())
            out << "  " << attempt.errorMessage;
        out << '\n';
    }
}

void print(CliContext& context, const QList<RequestRecord>& records, bool json)
{
    for (const RequestRecord& record : records) {
        if (json)
            context.out()
                << QJsonDocument(RequestRecordJson::toJson(record)).toJson(QJsonDocument::Compact)
                << '\n';
        else
            printRecord(context.out(), record);
    }
    context.out().flush();
}

int tail(CliContext& context, const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Show the latest requests with their attempts, oldest first."));
    parser.addOption(
        { QStringLiteral("follow"), Text::tr("Keep showing requests as they finish.") });
    parser.addOption({ QStringLiteral("json"), Text::tr("One JSON object per request and line.") });
    parser.addOption({ QStringLiteral("limit"), Text::tr("How many to show (default 20)."),
        QStringLiteral("N") });
    if (auto exit = context.parse(parser, QStringLiteral("log tail"), arguments))
        return *exit;
    int limit = 20;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return context.usageError(Text::tr("--limit must be a positive number."));
    }
    if (!context.store()) // brings the configuration database up to date first
        return CliContext::DatabaseError;
    ActivityArchive archive;
    if (auto opened = archive.open(ActivityArchive::pathFor(context.databasePath())); !opened)
        return context.fail(opened.failure());
    qint64 sequence = 0;
    auto latest = archive.latest(limit, &sequence);
    if (!latest)
        return context.fail(latest.failure());
    const bool json = parser.isSet(QStringLiteral("json"));
    print(context, *latest, json);
    if (!parser.isSet(QStringLiteral("follow")))
        return CliContext::Success;

    QTimer poll;
    int exitCode = CliContext::Success;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto newer = archive.after(sequence, &sequence);
        if (!newer) {
            exitCode = context.fail(newer.failure());
            QCoreApplication::exit(exitCode);
            return;
        }
        print(context, *newer, json);
    });
    poll.start(followInterval);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int LogCommands::run(CliContext& context, const QStringList& arguments)
{
    const QString verb = arguments.value(0);
    if (verb == u"tail")
        return tail(context, arguments.mid(1));
    return context.verbHelp(QStringLiteral("log"), verb,
        { { QStringLiteral("tail"), Text::tr("the latest requests and their attempts") } });
}
