#pragma once

#include "app/activity/UsageReport.h"

#include <QTimer>
#include <QWidget>

class AppCore;
class DailyChart;
class QLabel;
class QTableWidget;

// The Usage page: per key and month, the requests it answered, its attempts, the failovers and
// rate limits it caused and the tokens it used; and requests per day over the last month. From
// the activity log, so as long as it keeps them (see Settings); read again every ten seconds
// while the page is shown.
class UsagePage : public QWidget
{
    Q_OBJECT

public:
    explicit UsagePage(AppCore& core, QWidget* parent = nullptr);

    void refresh();
    const UsageReport& report() const { return m_report; }

signals:
    void reportShown();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showReport(const UsageReport& report);

    AppCore& m_core;
    QTableWidget* m_table;
    DailyChart* m_chart;
    QLabel* m_note;
    QLabel* m_notKept;
    QTimer m_refresh;
    UsageReport m_report;
};
