#include "ActivityLog.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcActivity, "keyway.activity")

class ActivityLog::Writer : public QObject
{
public:
    Writer(ActivityLog* log, QString path)
        : m_log(log)
        , m_path(std::move(path))
    { }

    void start()
    {
        if (auto opened = m_archive.open(m_path); !opened) {
            report(opened.failure().message);
            return;
        }
        m_open = true;
        m_batchTimer.setSingleShot(true);
        QObject::connect(&m_batchTimer, &QTimer::timeout, this, [this] { writePending(); });
        QObject::connect(&m_pruneTimer, &QTimer::timeout, this, [this] { prune(); });
        m_pruneTimer.start(std::chrono::hours(1));
        prune();
    }

    void add(const RequestRecord& record)
    {
        m_pending.append(record);
        if (m_pending.size() >= batchLimit)
            writePending();
        else if (!m_batchTimer.isActive())
            m_batchTimer.start(batchInterval);
    }

    void writePending()
    {
        m_batchTimer.stop();
        if (m_pending.isEmpty() || !m_open)
            return;
        if (auto written = m_archive.write(m_pending); !written)
            report(written.failure().message);
        m_pending.clear();
    }

    void setRetention(const ActivityArchive::Retention& retention)
    {
        const bool tighter
            = retention.days < m_retention.days || retention.megabytes < m_retention.megabytes;
        m_retention = retention;
        if (tighter)
            prune();
    }

    void find(const QString& id, const std::function<void(std::optional<RequestRecord>)>& done)
    {
        writePending(); // a request just finished may still wait in the batch
        if (!m_open) {
            done(std::nullopt);
            return;
        }
        auto found = m_archive.find(id);
        done(found ? *found : std::nullopt);
    }

private:
    void prune()
    {
        if (!m_open)
            return;
        auto pruned = m_archive.prune(m_retention, QDateTime::currentDateTimeUtc());
        if (!pruned)
            report(pruned.failure().message);
        else if (*pruned > 0)
            qCInfo(lcActivity) << "pruned" << *pruned << "requests from the activity log";
    }

    void report(const QString& message)
    {
        qCWarning(lcActivity) << message;
        emit m_log->failed(message);
    }

    ActivityLog* m_log;
    QString m_path;
    ActivityArchive m_archive;
    bool m_open = false;
    ActivityArchive::Retention m_retention;
    QList<RequestRecord> m_pending;
    // Children, so that they move to the log's thread with the writer.
    QTimer m_batchTimer { this };
    QTimer m_pruneTimer { this };
};

ActivityLog::ActivityLog(QString path, QObject* parent)
    : QObject(parent)
    , m_writer(new Writer(this, std::move(path)))
{
    m_thread.setObjectName(QStringLiteral("keyway-activity"));
    m_writer->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_writer, [writer = m_writer] { writer->start(); });
}

ActivityLog::~ActivityLog()
{
    flush();
    QMetaObject::invokeMethod(m_writer, &QObject::deleteLater);
    m_thread.quit();
    m_thread.wait();
}

void ActivityLog::record(const RequestRecord& record)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, record] { writer->add(record); });
}

void ActivityLog::setRetention(const ActivityArchive::Retention& retention)
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, retention] { writer->setRetention(retention); });
}

void ActivityLog::find(const QString& id, std::function<void(std::optional<RequestRecord>)> done)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, id, done] { writer->find(id, done); });
}

void ActivityLog::flush()
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { writer->writePending(); }, Qt::BlockingQueuedConnection);
}
