#include "ui/usage/DailyChart.h"

#include "ui/widgets/SemanticColours.h"

#include <QPainter>

DailyChart::DailyChart(QWidget* parent)
    : QWidget(parent)
{
    setMinimumHeight(120);
    setToolTip(tr("Requests per day, and those that needed a failover"));
}

void DailyChart::setDays(const QList<UsageReport::Day>& days, const QDate& today)
{
    m_days.clear();
    for (int back = shownDays - 1; back >= 0; --back) {
        const QDate day = today.addDays(-back);
        const auto found = std::find_if(
            days.cbegin(), days.cend(), [day](const UsageReport::Day& d) { return d.day == day; });
        m_days.append(found != days.cend() ? *found : UsageReport::Day { day, 0, 0 });
    }
    update();
}

void DailyChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const int line = fontMetrics().height();
    const QRect area = rect().adjusted(8, line + 4, -8, -(line + 6));
    int most = 1;
    for (const UsageReport::Day& day : std::as_const(m_days))
        most = std::max(most, day.requests);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_days.isEmpty())
        return;
    const double slot = double(area.width()) / double(m_days.size());
    const auto height = [&](int count) {
        return int(double(area.height()) * count / most);
    };
    for (int i = 0; i < m_days.size(); ++i) {
        const UsageReport::Day& day = m_days.at(i);
        const int left = area.left() + int(i * slot) + 1;
        const int width = std::max(1, int(slot) - 2);
        painter.fillRect(left, area.bottom() - height(day.requests), width, height(day.requests),
            requestsColour());
        painter.fillRect(left, area.bottom() - height(day.failedOver), width,
            height(day.failedOver), failoversColour());
    }
    painter.setPen(palette().color(QPalette::Text));
    const QRect below(area.left(), area.bottom() + 4, area.width(), line);
    painter.drawText(
        below, Qt::AlignLeft, QLocale().toString(m_days.first().day, QLocale::ShortFormat));
    painter.drawText(
        below, Qt::AlignRight, QLocale().toString(m_days.last().day, QLocale::ShortFormat));
    const QRect above(area.left(), 2, area.width(), line);
    painter.drawText(above, Qt::AlignLeft, tr("max %1 a day").arg(most));
    drawLegend(painter, above);
}

void DailyChart::drawLegend(QPainter& painter, const QRect& strip)
{
    const std::pair<QColor, QString> entries[]
        = { { requestsColour(), tr("Requests") }, { failoversColour(), tr("Failed over") } };
    const int swatch = strip.height() / 2;
    int x = strip.right();
    for (auto it = std::rbegin(entries); it != std::rend(entries); ++it) {
        const int textWidth = fontMetrics().horizontalAdvance(it->second);
        x -= textWidth;
        painter.drawText(
            QRect(x, strip.top(), textWidth, strip.height()), Qt::AlignVCenter, it->second);
        x -= swatch + 4;
        painter.fillRect(QRect(x, strip.center().y() - swatch / 2, swatch, swatch), it->first);
        x -= 12;
    }
}

QColor DailyChart::requestsColour() const
{
    return palette().color(QPalette::Highlight);
}

QColor DailyChart::failoversColour() const
{
    return SemanticColours::text(SemanticColours::Role::Waiting, palette());
}
