#include "ui/route/RoutePreviewPage.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "ui/keys/KeySummary.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QTreeWidget* keyTable(const QStringList& headers, const QString& name, QWidget* parent)
{
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setRootIsDecorated(false);
    tree->setHeaderLabels(headers);
    // Labels and providers whole; the last column (what is sent, or why not) takes the rest.
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    return tree;
}

} // namespace

RoutePreviewPage::RoutePreviewPage(AppCore& core, QWidget* parent)
    : QWidget(parent)
    , m_core(core)
    , m_localKey(new QComboBox(this))
    , m_model(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_planned(keyTable({ tr("#"), tr("Key"), tr("Provider"), tr("Tier"), tr("Sent as") },
          QStringLiteral("planned"), this))
    , m_excluded(keyTable({ tr("Key"), tr("Provider"), tr("Tier"), tr("Why not") },
          QStringLiteral("excluded"), this))
{
    m_localKey->setObjectName(QStringLiteral("localKey"));
    m_model->setObjectName(QStringLiteral("model"));
    m_model->setPlaceholderText(tr("A model as a tool would name it, e.g. gpt-4.1"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Local API key:"), m_localKey);
    form->addRow(tr("&Model:"), m_model);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("<b>Tried in this order</b>"), this));
    layout->addWidget(m_planned, 1);
    layout->addWidget(new QLabel(tr("<b>Not used</b>"), this));
    layout->addWidget(m_excluded, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    m_refresh.setInterval(1000);
    connect(&m_debounce, &QTimer::timeout, this, &RoutePreviewPage::ask);
    connect(&m_refresh, &QTimer::timeout, this, &RoutePreviewPage::ask);
    connect(m_model, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_localKey, &QComboBox::currentIndexChanged, this, &RoutePreviewPage::ask);
    connect(&m_core, &AppCore::localKeysChanged, this, &RoutePreviewPage::setLocalKeys);
    setLocalKeys(m_core.localKeys());
}

void RoutePreviewPage::setLocalKeys(const QList<LocalApiKey>& localKeys)
{
    const qint64 current = m_localKey->currentData().toLongLong();
    const QSignalBlocker blocker(m_localKey);
    m_localKey->clear();
    for (const LocalApiKey& key : localKeys) {
        if (!key.isRevoked())
            m_localKey->addItem(QStringLiteral("%1 (%2)").arg(
                                    key.name.isEmpty() ? tr("unnamed") : key.name, key.tokenHint),
                key.id);
    }
    m_localKey->setCurrentIndex(std::max(0, m_localKey->findData(current)));
}

void RoutePreviewPage::setQuery(qint64 localKeyId, const QString& model)
{
    const QSignalBlocker blocker(m_localKey);
    m_localKey->setCurrentIndex(m_localKey->findData(localKeyId));
    m_model->setText(model);
    m_debounce.stop();
    ask();
}

void RoutePreviewPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_refresh.start();
    ask();
}

void RoutePreviewPage::hideEvent(QHideEvent* event)
{
    m_refresh.stop();
    QWidget::hideEvent(event);
}

void RoutePreviewPage::ask()
{
    if (m_localKey->currentIndex() < 0 || m_model->text().trimmed().isEmpty()) {
        m_summary->setText(tr("Pick a local key and name a model."));
        m_planned->clear();
        m_excluded->clear();
        return;
    }
    const int question = ++m_questionsAsked;
    whenFinished(this, m_core.previewRoute(m_localKey->currentData().toLongLong(), m_model->text()),
        [this, question](const Result<RoutePreview>& preview) {
            if (preview && question == m_questionsAsked)
                showPreview(*preview);
        });
}

void RoutePreviewPage::showPreview(const RoutePreview& preview)
{
    m_preview = preview;
    m_planned->clear();
    m_excluded->clear();
    if (!preview.problem.isEmpty())
        m_summary->setText(preview.problem);
    else if (preview.planned.isEmpty())
        m_summary->setText(tr("No key would serve “%1” now.").arg(preview.model));
    else
        m_summary->setText(tr(
            "A request for “%1” would be tried on %n key(s).", nullptr, int(preview.planned.size()))
                               .arg(preview.model));
    int number = 0;
    for (const RoutePreview::Key& key : preview.planned) {
        auto* item = new QTreeWidgetItem(m_planned,
            { QString::number(++number), key.label, KeySummary::providerName(key.providerId),
                tierDisplayName(key.tier),
                key.probe ? tr("%1 (a trial after failures)").arg(key.upstreamModel)
                          : key.upstreamModel });
        item->setIcon(1, KeySummary::providerIcon(key.providerId));
    }
    for (const RoutePreview::Key& key : preview.excluded) {
        auto* item = new QTreeWidgetItem(m_excluded,
            { key.label, KeySummary::providerName(key.providerId), tierDisplayName(key.tier),
                key.exclusion });
        item->setIcon(0, KeySummary::providerIcon(key.providerId));
    }
    emit previewShown();
}
