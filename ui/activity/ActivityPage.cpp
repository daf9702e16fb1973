#include "ui/activity/ActivityPage.h"

#include "app/activity/ActivityExport.h"
#include "ui/activity/ActivityFilter.h"
#include "ui/activity/ActivityModel.h"
#include "ui/activity/RequestDetail.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <climits>

ActivityPage::ActivityPage(QWidget* parent)
    : QWidget(parent)
    , m_model(new ActivityModel(ActivityModel::defaultCapacity, this))
    , m_filter(new ActivityFilter(this))
    , m_table(new QTableView(this))
    , m_detail(new RequestDetail(this))
    , m_pause(new QToolButton(this))
    , m_counts(new QLabel(this))
{
    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("requests"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(ActivityModel::Model, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ActivityPage::showSelected);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ActivityPage::showSelected);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createFilters());
    layout->addWidget(splitter, 1);
    m_counts->setObjectName(QStringLiteral("activityCounts"));
    layout->addWidget(m_counts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPage::updateCounts);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ActivityPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ActivityPage::updateCounts);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ActivityPage::updateCounts);
    connect(this, &ActivityPage::exported, this, [this](const QString& path, const QString& error) {
        m_counts->setText(error.isEmpty() ? tr("Exported to %1").arg(path) : error);
    });
    updateCounts();
}

ActivityPage::~ActivityPage()
{
    for (const QPointer<QThread>& thread : std::as_const(m_exports)) {
        if (thread)
            thread->wait();
    }
}

QWidget* ActivityPage::createFilters()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* status = new QComboBox(bar);
    status->setObjectName(QStringLiteral("statusFilter"));
    status->addItem(tr("All requests"), QString());
    status->addItem(tr("Succeeded"), QStringLiteral("ok"));
    status->addItem(tr("Failed"), QStringLiteral("failed"));
    status->addItem(tr("Running"), QStringLiteral("running"));
    connect(status, &QComboBox::currentIndexChanged, this,
        [this, status] { m_filter->setStatusClass(status->currentData().toString()); });
    layout->addWidget(status);

    const auto addText = [&](const QString& name, const QString& placeholder, auto setter) {
        auto* edit = new QLineEdit(bar);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, m_filter, setter);
        layout->addWidget(edit);
    };
    addText(QStringLiteral("modelFilter"), tr("Model"), &ActivityFilter::setModelText);
    addText(QStringLiteral("keyFilter"), tr("Key"), &ActivityFilter::setKeyText);
    addText(QStringLiteral("memberFilter"), tr("Member"), &ActivityFilter::setMemberText);

    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setText(tr("&Pause"));
    m_pause->setToolTip(tr("Stop the list from moving; what arrives meanwhile is shown on resume"));
    m_pause->setCheckable(true);
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        m_model->setPaused(paused);
        m_pause->setText(paused ? tr("Resu&me") : tr("&Pause"));
        updateCounts();
    });
    layout->addWidget(m_pause);

    auto* exportButton = new QToolButton(bar);
    exportButton->setObjectName(QStringLiteral("export"));
    exportButton->setText(tr("&Export…"));
    exportButton->setToolTip(tr("Save the rows shown to a CSV or JSON file"));
    connect(exportButton, &QToolButton::clicked, this, &ActivityPage::chooseExportFile);
    layout->addWidget(exportButton);
    return bar;
}

void ActivityPage::expectHistory()
{
    m_expectingHistory = true;
}

void ActivityPage::showHistory(const QList<RequestRecord>& requests)
{
    if (!m_expectingHistory)
        return;
    m_expectingHistory = false;
    m_model->apply(requests); // not counted as new: the rate is of requests now
    for (const auto& [live, dropped] : std::exchange(m_waitingLive, {}))
        apply(live, dropped);
    updateCounts();
}

void ActivityPage::apply(const QList<RequestRecord>& requests, int dropped)
{
    if (m_expectingHistory) {
        m_waitingLive.append({ requests, dropped });
        return;
    }
    m_droppedTotal += dropped;
    m_model->apply(requests);
    const auto finished = std::count_if(requests.cbegin(), requests.cend(),
        [](const RequestRecord& request) { return request.status != 0; });
    if (finished + dropped > 0)
        emit requestsFinished(int(finished) + dropped);
    if (m_model->isPaused())
        updateCounts();
}

void ActivityPage::setMemberNames(const QHash<qint64, QString>& names)
{
    m_memberNames = names;
    m_model->setMemberNames(names);
}

void ActivityPage::setNotKept(qint64 requests)
{
    m_notKept = requests;
    updateCounts();
}

void ActivityPage::showSelected()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->showRecord(
        current.siblingAtColumn(0).data(ActivityModel::RecordRole).value<RequestRecord>());
}

void ActivityPage::updateCounts()
{
    QString text = tr("%1 of %2 requests shown").arg(m_filter->rowCount()).arg(m_model->rowCount());
    if (m_model->isPaused())
        text += u' ' + tr("· paused, %1 waiting").arg(m_model->heldBack());
    if (m_droppedTotal > 0)
        text += u' '
            + tr("· %n more than the view keeps (see the log)", nullptr, int(m_droppedTotal));
    if (m_notKept > 0) {
        text += u' '
            + tr("· %n request(s) not kept in the log: it could not write them in time (the "
                 "Usage page counts them)",
                nullptr, int(std::min<qint64>(m_notKept, INT_MAX)));
    }
    m_counts->setText(text);
}

void ActivityPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export requests"),
        QStringLiteral("keyway-activity.csv"), tr("CSV (*.csv);;JSON (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void ActivityPage::exportTo(const QString& path)
{
    QList<RequestRecord> records;
    records.reserve(m_filter->rowCount());
    for (int row = m_filter->rowCount() - 1; row >= 0; --row) // oldest first in the file
        records.append(
            m_filter->index(row, 0).data(ActivityModel::RecordRole).value<RequestRecord>());
    const auto format = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
        ? ActivityExport::Format::Json
        : ActivityExport::Format::Csv;
    m_counts->setText(tr("Exporting %n request(s)…", nullptr, int(records.size())));
    QPointer<ActivityPage> page(this);
    QThread* worker = QThread::create([page, path, format, records, names = m_memberNames] {
        const Result<void> written = ActivityExport::write(path, format, records, names);
        const QString error = written ? QString() : written.failure().message;
        QMetaObject::invokeMethod(
            qApp,
            [page, path, error] {
                if (page)
                    emit page->exported(path, error);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_exports.removeAll(nullptr);
    m_exports.append(worker);
    worker->start();
}
