#include "ui/activity/RequestDetail.h"

#include "router/records/RequestRecordJson.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString statusText(const AttemptRecord& attempt)
{
    if (attempt.httpStatus != 0)
        return QString::number(attempt.httpStatus);
    return attempt.errorClass.isEmpty() ? QStringLiteral("—") : attempt.errorClass;
}

QString headersText(const HttpHeaders& headers)
{
    QStringList lines;
    for (const auto& [name, value] : headers)
        lines.append(QString::fromLatin1(name) + u": " + QString::fromLatin1(value));
    return lines.join(QStringLiteral("; "));
}

} // namespace

RequestDetail::RequestDetail(QWidget* parent)
    : QWidget(parent)
    , m_attempts(new QTableWidget(0, 7, this))
    , m_json(new QPlainTextEdit(this))
{
    m_attempts->setObjectName(QStringLiteral("attempts"));
    m_attempts->setHorizontalHeaderLabels({ tr("Key"), tr("Provider"), tr("Tier"), tr("Status"),
        tr("Latency"), tr("Provider's message"), tr("Rate-limit headers") });
    m_attempts->verticalHeader()->setVisible(false);
    m_attempts->horizontalHeader()->setStretchLastSection(true);
    m_attempts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attempts->setSelectionBehavior(QAbstractItemView::SelectRows);

    m_json->setObjectName(QStringLiteral("metadata"));
    m_json->setReadOnly(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* copy = new QPushButton(tr("&Copy JSON"), this);
    copy->setToolTip(tr("Copy the request's metadata (no secrets, no prompts)"));
    connect(copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_json->toPlainText()); });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* timeline = new QVBoxLayout;
    timeline->addWidget(new QLabel(tr("<b>Attempts</b>"), this));
    timeline->addWidget(m_attempts);
    auto* raw = new QVBoxLayout;
    auto* rawTitle = new QHBoxLayout;
    rawTitle->addWidget(new QLabel(tr("<b>Metadata</b>"), this));
    rawTitle->addStretch();
    rawTitle->addWidget(copy);
    raw->addLayout(rawTitle);
    raw->addWidget(m_json);
    layout->addLayout(timeline, 3);
    layout->addLayout(raw, 2);
}

void RequestDetail::showRecord(const RequestRecord& record)
{
    m_attempts->setRowCount(int(record.attempts.size()));
    for (int row = 0; row < record.attempts.size(); ++row) {
        const AttemptRecord& attempt = record.attempts.at(row);
        const QStringList cells { attempt.keyLabel, attempt.providerId,
            tierDisplayName(attempt.tier), statusText(attempt), tr("%1 ms").arg(attempt.latencyMs),
            attempt.errorMessage.isEmpty() ? attempt.errorClass : attempt.errorMessage,
            headersText(attempt.rateLimitHeaders) };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_attempts->setItem(row, column, item);
        }
    }
    m_attempts->resizeColumnsToContents();
    const QString json = QString::fromUtf8(
        QJsonDocument(RequestRecordJson::toJson(record)).toJson(QJsonDocument::Indented));
    if (json != m_json->toPlainText())
        m_json->setPlainText(json);
}

void RequestDetail::clear()
{
    m_attempts->setRowCount(0);
    m_json->clear();
}

QString RequestDetail::json() const
{
    return m_json->toPlainText();
}
