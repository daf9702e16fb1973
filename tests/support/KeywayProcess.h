#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

// The real `keyway` binary (KEYWAY_BINARY) run as another process on one database, as a user
// runs it: CLI verbs, and `keyway serve --headless` started, stopped or killed.
class KeywayProcess
{
public:
    struct Finished
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    explicit KeywayProcess(QString database);

    // Runs in the child before exec: resource limits, another user (see setChildProcessModifier).
    void setChildSetup(std::function<void()> setup) { m_childSetup = std::move(setup); }

    Finished run(const QStringList& arguments, const QByteArray& input = {}) const;
    // Starts a verb without waiting for it.
    std::unique_ptr<QProcess> start(const QStringList& arguments) const;
    // Starts `serve --headless` (on a free port unless `arguments` say otherwise) and sets
    // `address` once it listens; `address` stays empty when it does not within 20 s.
    std::unique_ptr<QProcess> serve(QString& address, const QStringList& arguments = {}) const;

    // PRAGMA integrity_check's answer for a database file ("ok"), or the error opening it.
    static QString integrity(const QString& path);

private:
    QString m_database;
    std::function<void()> m_childSetup;
};
