#pragma once

#include "router/records/RequestRecord.h"

#include <QAbstractTableModel>
#include <QHash>

#include <deque>

// The live attempt log: a row per request, newest first, in a bounded ring (the oldest rows
// leave as new ones come; the activity log on disk keeps them). Rows change in place while a
// request runs. Paused, it holds what arrives and shows it on resume.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Member, Model, Status, Attempts, Key, Latency, Tokens, Cost, ColumnCount };
    enum Role {
        RecordRole = Qt::UserRole + 1, // the whole RequestRecord
        StatusClassRole, // "ok", "failed" or "running"
    };
    static constexpr int defaultCapacity = 10'000;

    explicit ActivityModel(int capacity = defaultCapacity, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // New and changed requests, as ActivityFeed delivers them.
    void apply(const QList<RequestRecord>& requests);
    void setMemberNames(const QHash<qint64, QString>& names);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    int heldBack() const { return int(m_held.size()); }
    void clear();

    const RequestRecord& recordAt(int row) const;
    static QString statusClass(const RequestRecord& record);

private:
    void insertNewest(const QList<RequestRecord>& records);
    void dropOldest(int count);
    int rowOf(qint64 sequence) const { return int(m_newestSequence - sequence); }
    QVariant display(const RequestRecord& record, int column) const;

    int m_capacity;
    std::deque<RequestRecord> m_records; // oldest first
    qint64 m_newestSequence = -1; // sequence of m_records.back(); the front's is that - size + 1
    QHash<QString, qint64> m_sequenceOf; // request id → sequence
    QHash<qint64, QString> m_memberNames;
    bool m_paused = false;
    QList<RequestRecord> m_held; // while paused
};
