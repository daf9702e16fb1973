#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// What the activity log says about the use of each key, per month (UTC), and about requests per
// day: the Usage page's figures.
struct UsageReport
{
    struct KeyMonth
    {
        QString month; // "2026-11"
        qint64 keyId = 0;
        QString keyLabel;
        int attempts = 0;
        int answered = 0; // attempts that answered the request
        int failovers = 0; // attempts that failed and were followed by another
        int rateLimited = 0;
        qint64 promptTokens = 0;
        qint64 completionTokens = 0;
        std::optional<double> cost; // estimated, US dollars; nothing: no price was known
    };
    struct Day
    {
        QDate day; // UTC
        int requests = 0;
        int failedOver = 0; // requests that needed more than one attempt
    };

    QList<KeyMonth> keyMonths; // newest month first, then busiest key first
    QList<Day> days; // oldest first
    // Requests the activity log turned away (see ActivityLog): counted above, but not in the
    // log's list of requests.
    qint64 notKept = 0;
};
