#pragma once

#include "router/records/RequestRecord.h"

#include <QHash>
#include <QPointer>
#include <QThread>
#include <QWidget>

class ActivityFilter;
class ActivityModel;
class QLabel;
class QTableView;
class QToolButton;
class RequestDetail;

// The Activity page: the live attempt log, a row per request, colour-coded by outcome; the
// selected request's attempts and metadata below; filters by status, model, key and member;
// pause and resume; export of the filtered rows to CSV or JSON.
class ActivityPage : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityPage(QWidget* parent = nullptr);
    ~ActivityPage() override; // waits for an export still being written

    ActivityModel& model() { return *m_model; }
    // New and changed requests from the router (see ActivityFeed); `dropped` were left out.
    void apply(const QList<RequestRecord>& requests, int dropped);
    // The log's history is on its way: live requests wait until it is shown below them.
    void expectHistory();
    // The newest requests of the log, oldest first (empty when it could not be read).
    void showHistory(const QList<RequestRecord>& requests);
    void setMemberNames(const QHash<qint64, QString>& names);
    // Requests the activity log could not keep (AppCore::activityNotKept).
    void setNotKept(qint64 requests);
    // Writes the rows the filters let through; runs off the GUI thread and reports in the page.
    void exportTo(const QString& path);

signals:
    void exported(const QString& path, const QString& error);
    // Requests that finished, as they are shown (for the status bar's rate).
    void requestsFinished(int count);

private:
    QWidget* createFilters();
    void showSelected();
    void chooseExportFile();
    void updateCounts();

    ActivityModel* m_model;
    ActivityFilter* m_filter;
    QTableView* m_table;
    RequestDetail* m_detail;
    QToolButton* m_pause;
    QLabel* m_counts;
    QHash<qint64, QString> m_memberNames;
    int m_droppedTotal = 0;
    qint64 m_notKept = 0;
    bool m_expectingHistory = false;
    QList<QPair<QList<RequestRecord>, int>> m_waitingLive; // what came before the history
    QList<QPointer<QThread>> m_exports;
};
