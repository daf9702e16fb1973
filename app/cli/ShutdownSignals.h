#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a clean QCoreApplication::quit(), so `keyway serve` finishes
// writing its activity log before it exits. A signal handler may only do async-signal-safe
// things; it writes a byte to a pipe that the event loop watches.
class ShutdownSignals : public QObject
{
    Q_OBJECT

public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

private:
    QSocketNotifier* m_notifier = nullptr;
};
