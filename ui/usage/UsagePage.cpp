#include "ui/usage/UsagePage.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "ui/CostText.h"
#include "ui/usage/DailyChart.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>

UsagePage::UsagePage(AppCore& core, QWidget* parent)
    : QWidget(parent)
    , m_core(core)
    , m_table(new QTableWidget(0, 9, this))
    , m_chart(new DailyChart(this))
    , m_note(new QLabel(this))
    , m_notKept(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("usage"));
    m_table->setHorizontalHeaderLabels(
        { tr("Month"), tr("Key"), tr("Answered"), tr("Attempts"), tr("Failovers"),
            tr("Rate limits"), tr("Prompt tokens"), tr("Completion tokens"), tr("Cost") });
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);
    m_note->setWordWrap(true);
    m_note->setText(tr("Costs are estimates from the model catalog's list prices and the tokens "
                       "each provider reported; \"—\" means the catalog has no price for the "
                       "models used. Your provider's bill is what counts."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Requests per day</b> (last 30 days)"), this));
    layout->addWidget(m_chart);
    layout->addWidget(new QLabel(tr("<b>Per key and month</b>"), this));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
    m_notKept->setObjectName(QStringLiteral("notKept"));
    m_notKept->setWordWrap(true);
    m_notKept->hide();
    layout->addWidget(m_notKept);
    m_refresh.setInterval(10'000);
    connect(&m_refresh, &QTimer::timeout, this, &UsagePage::refresh);
}

void UsagePage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
    m_refresh.start();
}

void UsagePage::hideEvent(QHideEvent* event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

void UsagePage::refresh()
{
    // This month and the eleven before, from their first day.
    const QDate today = QDate::currentDate();
    const QDate first = QDate(today.year(), today.month(), 1).addMonths(-11);
    whenFinished(
        this, m_core.usage(first.startOfDay(Qt::UTC)), [this](const Result<UsageReport>& report) {
            if (report)
                showReport(*report);
        });
}

void UsagePage::showReport(const UsageReport& report)
{
    m_report = report;
    m_chart->setDays(report.days, QDateTime::currentDateTimeUtc().date());
    const QLocale locale;
    m_table->setRowCount(int(report.keyMonths.size()));
    for (int row = 0; row < report.keyMonths.size(); ++row) {
        const UsageReport::KeyMonth& use = report.keyMonths.at(row);
        const QStringList cells { use.month, use.keyLabel, locale.toString(use.answered),
            locale.toString(use.attempts), locale.toString(use.failovers),
            locale.toString(use.rateLimited), locale.toString(use.promptTokens),
            locale.toString(use.completionTokens), CostText::format(use.cost) };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            if (column >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_notKept->setVisible(report.notKept > 0);
    m_notKept->setText(tr("%n request(s) of this period are not in the activity log: it could "
                          "not write them in time. Their use is counted above.",
        nullptr, int(std::min<qint64>(report.notKept, INT_MAX))));
    emit reportShown();
}
