#include "tests/support/KeywayProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

KeywayProcess::KeywayProcess(QString database)
    : m_database(std::move(database))
{ }

std::unique_ptr<QProcess> KeywayProcess::start(const QStringList& arguments) const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KEYWAY_DATABASE"), m_database);
    process->setProcessEnvironment(env);
    if (m_childSetup)
        process->setChildProcessModifier(m_childSetup);
    process->start(qEnvironmentVariable("KEYWAY_BINARY"), arguments);
    return process;
}

KeywayProcess::Finished KeywayProcess::run(
    const QStringList& arguments, const QByteArray& input) const
{
    const auto process = start(arguments);
    process->write(input);
    process->closeWriteChannel();
    process->waitForFinished(60000);
    return { process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1,
        QString::fromUtf8(process->readAllStandardOutput()),
        QString::fromUtf8(process->readAllStandardError()) };
}

std::unique_ptr<QProcess> KeywayProcess::serve(QString& address, const QStringList& arguments) const
{
    QStringList all { QStringLiteral("serve"), QStringLiteral("--headless") };
    all += arguments.isEmpty() ? QStringList { QStringLiteral("--port"), QStringLiteral("0") }
                               : arguments;
    auto server = start(all);
    const QRegularExpression listening(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)"));
    QByteArray out;
    const QDeadlineTimer deadline(20000);
    address.clear();
    while (!deadline.hasExpired() && server->state() != QProcess::NotRunning) {
        server->waitForReadyRead(100);
        out += server->readAllStandardOutput();
        if (const auto match = listening.match(QString::fromUtf8(out)); match.hasMatch()) {
            address = match.captured(1);
            break;
        }
    }
    return server;
}

QString KeywayProcess::integrity(const QString& path)
{
    const QString name = QUuid::createUuid().toString();
    QString answer;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            answer = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
                answer = query.lastError().text();
            else
                answer = query.next() ? query.value(0).toString() : QStringLiteral("no answer");
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return answer;
}
