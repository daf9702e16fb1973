#pragma once

#include "router/records/RequestRecord.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>

// What the requests the activity log could not keep used, summed per day (UTC) and key, so that
// the usage figures stay exact when records are turned away (see ActivityLog). Adding a record
// is a few hash updates: it happens on a router thread, when the log is already behind.
class UnkeptUse
{
public:
    struct KeyDay
    {
        QString keyLabel;
        int attempts = 0;
        int answered = 0; // attempts that answered the request
        int failovers = 0; // attempts that failed and were followed by another
        int rateLimited = 0;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        std::optional<double> cost; // of the answered requests; nothing: no price was known
    };
    struct Day
    {
        qint64 requests = 0;
        qint64 failedOver = 0; // requests that needed more than one attempt
    };
    using KeyDayId = std::pair<QDate, qint64>; // day, key id

    void add(const RequestRecord& record);
    bool isEmpty() const { return m_requests == 0; }
    qint64 requests() const { return m_requests; }
    const QHash<KeyDayId, KeyDay>& keyDays() const { return m_keyDays; }
    const QHash<QDate, Day>& days() const { return m_days; }

private:
    qint64 m_requests = 0;
    QHash<KeyDayId, KeyDay> m_keyDays;
    QHash<QDate, Day> m_days;
};
