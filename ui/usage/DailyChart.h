#pragma once

#include "app/activity/UsageReport.h"

#include <QWidget>

class QPainter;

// Requests per day as bars, the share that needed a failover drawn over them in another colour,
// for the last days of a usage report.
class DailyChart : public QWidget
{
    Q_OBJECT

public:
    static constexpr int shownDays = 30;

    explicit DailyChart(QWidget* parent = nullptr);

    void setDays(const QList<UsageReport::Day>& days, const QDate& today);
    // Requests and failed-over requests per shown day, oldest first.
    const QList<UsageReport::Day>& shown() const { return m_days; }

protected:
    void paintEvent(QPaintEvent* event) override;
    QSize sizeHint() const override { return { 600, 160 }; }

private:
    // What the colours mean, right-aligned in `strip`.
    void drawLegend(QPainter& painter, const QRect& strip);
    // From the palette at each paint, so a change of palette needs no more than a repaint.
    QColor requestsColour() const;
    QColor failoversColour() const;

    QList<UsageReport::Day> m_days; // one per day, zeros included
};
