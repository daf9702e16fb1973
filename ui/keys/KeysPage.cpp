#include "ui/keys/KeysPage.h"

#include "ui/keys/KeyBoard.h"
#include "ui/keys/KeyRowDelegate.h"
#include "ui/keys/KeySummary.h"
#include "ui/keys/TierListModel.h"

#include <QAction>
#include <QComboBox>
#include <QDragMoveEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

int tierIndex(Tier tier)
{
    return static_cast<int>(tier);
}

QString tierHint(Tier tier)
{
    switch (tier) {
    case Tier::Prioritized:
        return KeysPage::tr("Your own keys, tried first, top to bottom");
    case Tier::SharedCapacity:
        return KeysPage::tr("Aggregators and team gateways, tried next");
    case Tier::Fallback:
        return KeysPage::tr("Tried last, when everything above failed");
    }
    return {};
}

// The steps are the window's own buttons; the CLI, for those who script, is an aside.
QString firstRunText()
{
    return KeysPage::tr(
        "<h2>Three steps to your first routed request</h2>"
        "<ol>"
        "<li><b>Add a provider key</b> with <b>Add key…</b> above — OpenAI, Anthropic, Azure, "
        "Bedrock, Vertex, Gemini, OpenRouter or any OpenAI-compatible service. The secret goes "
        "to your system's keychain.</li>"
        "<li><b>Create a local API key</b> for your tools: on the <b>Access</b> page, "
        "<b>Create…</b> under Local API keys. It is shown once, with snippets for your tools.</li>"
        "<li><b>Point a tool at the router</b>: <b>Copy</b> its address from the status bar and "
        "give the tool the local key as its API key.</li>"
        "</ol>"
        "<p>Keys then appear here in three tiers. Drag them to set the order they are tried "
        "in.</p>"
        "<p><small>From a terminal, <tt>keyway key add</tt> and <tt>keyway token create</tt> do "
        "the same.</small></p>");
}

} // namespace

KeysPage::KeysPage(KeyBoard& board, QWidget* parent)
    : QWidget(parent)
    , m_board(board)
    , m_providerFilter(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_messageTimer(new QTimer(this))
    , m_stack(new QStackedWidget(this))
    , m_countdown(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("&Provider:"), this);
    filterLabel->setBuddy(m_providerFilter);
    m_providerFilter->setObjectName(QStringLiteral("providerFilter"));
    m_providerFilter->setToolTip(tr("Show the keys of one provider only"));
    top->addWidget(filterLabel);
    top->addWidget(m_providerFilter);
    top->addStretch();
    auto* add
        = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("A&dd key…"), this);
    add->setObjectName(QStringLiteral("addKey"));
    add->setToolTip(tr("Add a provider key (Ctrl+N)"));
    connect(add, &QPushButton::clicked, this, &KeysPage::addKeyRequested);
    top->addWidget(add);
    layout->addLayout(top);

    m_message->setObjectName(QStringLiteral("boardMessage"));
    m_message->setWordWrap(true);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setMargin(6);
    m_message->hide();
    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(8000);
    connect(m_messageTimer, &QTimer::timeout, m_message, &QLabel::hide);
    layout->addWidget(m_message);

    auto* firstRun = new QLabel(firstRunText(), this);
    firstRun->setObjectName(QStringLiteral("firstRun"));
    firstRun->setWordWrap(true);
    firstRun->setTextInteractionFlags(Qt::TextSelectableByMouse);
    firstRun->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    firstRun->setMargin(12);
    auto* columns = new QWidget(this);
    auto* columnsLayout = new QHBoxLayout(columns);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    for (Tier tier : allTiers)
        columnsLayout->addWidget(createColumn(tier));
    m_stack->addWidget(firstRun);
    m_stack->addWidget(columns);
    layout->addWidget(m_stack, 1);

    createActions();
    connect(m_providerFilter, &QComboBox::currentIndexChanged, this,
        [this] { m_board.setProviderFilter(m_providerFilter->currentData().toString()); });
    // The lists are rebuilt on every change; the selected key stays selected.
    connect(&m_board, &KeyBoard::aboutToChange, this, [this] { m_keptSelection = selectedKey(); });
    connect(&m_board, &KeyBoard::changed, this, [this] {
        refreshProviders();
        updateEmptyState();
        if (m_keptSelection)
            select(*m_keptSelection);
    });
    connect(&m_board, &KeyBoard::moved, this, &KeysPage::select);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, [this] {
        for (QListView* list : m_lists)
            list->viewport()->update();
        if (!m_board.hasCountdown())
            m_countdown->stop();
    });
    connect(&m_board, &KeyBoard::statusesChanged, this, [this] {
        if (m_board.hasCountdown())
            m_countdown->start();
    });
    connect(&m_board, &KeyBoard::refused, this, &KeysPage::showMessage);
    refreshProviders();
    updateEmptyState();
}

QWidget* KeysPage::createColumn(Tier tier)
{
    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(tierDisplayName(tier)), column);
    auto* hint = new QLabel(tierHint(tier), column);
    hint->setWordWrap(true);
    hint->setEnabled(false); // the style's quieter colour

    auto* model = new TierListModel(m_board, tier, this);
    auto* list = new QListView(column);
    list->setObjectName(QStringLiteral("tier-%1").arg(tierId(tier)));
    list->setAccessibleName(tierDisplayName(tier));
    list->setModel(model);
    list->setItemDelegate(new KeyRowDelegate(list));
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setDragDropMode(QAbstractItemView::DragDrop);
    list->setDefaultDropAction(Qt::MoveAction);
    list->setDropIndicatorShown(true);
    list->setContextMenuPolicy(Qt::ActionsContextMenu);
    list->viewport()->installEventFilter(this);
    connect(list, &QListView::activated, this, [this](const QModelIndex& index) {
        emit editKeyRequested(index.data(TierListModel::KeyIdRole).toLongLong());
    });
    list->installEventFilter(this);
    title->setBuddy(list);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addWidget(list, 1);
    m_models[tierIndex(tier)] = model;
    m_lists[tierIndex(tier)] = list;
    return column;
}

void KeysPage::createActions()
{
    const auto add = [this](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        for (QListView* list : m_lists)
            list->addAction(action);
    };
    add(tr("&Edit…"), QKeySequence(Qt::Key_F2), [this] {
        if (const auto id = selectedKey())
            emit editKeyRequested(*id);
    });
    add(tr("&Filters…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), [this] {
        if (const auto id = selectedKey())
            emit editFiltersRequested(*id);
    });
    add(tr("&Remove…"), QKeySequence::Delete, [this] {
        if (const auto id = selectedKey())
            emit removeKeyRequested(*id);
    });
    auto* newKey = new QAction(tr("A&dd key…"), this);
    newKey->setShortcut(QKeySequence::New);
    newKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newKey, &QAction::triggered, this, &KeysPage::addKeyRequested);
    addAction(newKey);
    add(tr("Move &up"), QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveSelected(-1); });
    add(tr("Move &down"), QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveSelected(+1); });
    add(tr("Move to &Prioritized"), QKeySequence(Qt::ALT | Qt::Key_1),
        [this] { moveSelectedTo(Tier::Prioritized); });
    add(tr("Move to &Shared capacity"), QKeySequence(Qt::ALT | Qt::Key_2),
        [this] { moveSelectedTo(Tier::SharedCapacity); });
    add(tr("Move to &Fallback"), QKeySequence(Qt::ALT | Qt::Key_3),
        [this] { moveSelectedTo(Tier::Fallback); });
}

void KeysPage::refreshProviders()
{
    const QString current = m_board.providerFilter();
    const QSignalBlocker blocker(m_providerFilter);
    m_providerFilter->clear();
    m_providerFilter->addItem(tr("All providers"), QString());
    for (const QString& id : m_board.providers())
        m_providerFilter->addItem(KeySummary::providerIcon(id), KeySummary::providerName(id), id);
    m_providerFilter->setCurrentIndex(std::max(0, m_providerFilter->findData(current)));
}

void KeysPage::updateEmptyState()
{
    m_stack->setCurrentIndex(m_board.isEmpty() ? 0 : 1);
    m_providerFilter->setEnabled(!m_board.isEmpty());
}

std::optional<qint64> KeysPage::selectedKey() const
{
    if (!m_activeList)
        return std::nullopt;
    const QModelIndexList selected = m_activeList->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return std::nullopt;
    return selected.first().data(TierListModel::KeyIdRole).toLongLong();
}

void KeysPage::moveSelected(int rowDelta)
{
    const std::optional<qint64> id = selectedKey();
    const auto place = id ? m_board.placeOf(*id) : std::nullopt;
    if (!place)
        return;
    const auto [tier, row] = *place;
    const int target = row + rowDelta;
    if (target < 0 || target >= m_board.shownKeys(tier).size())
        return;
    // Moving down puts the key before the row after its neighbour.
    m_board.move(*id, tier, rowDelta > 0 ? target + 1 : target);
}

void KeysPage::moveSelectedTo(Tier tier)
{
    const std::optional<qint64> id = selectedKey();
    const auto place = id ? m_board.placeOf(*id) : std::nullopt;
    if (!place || place->first == tier)
        return;
    m_board.move(*id, tier, int(m_board.shownKeys(tier).size()));
}

void KeysPage::select(qint64 id)
{
    const auto place = m_board.placeOf(id);
    if (!place)
        return;
    QListView* list = m_lists[tierIndex(place->first)];
    const QModelIndex index = list->model()->index(place->second, 0);
    const bool hadFocus = m_activeList && m_activeList->hasFocus();
    list->setCurrentIndex(index);
    list->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    if (hadFocus)
        list->setFocus();
    m_activeList = list;
}

void KeysPage::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->show();
    m_messageTimer->start();
}

bool KeysPage::eventFilter(QObject* watched, QEvent* event)
{
    for (int i = 0; i < int(m_lists.size()); ++i) {
        QListView* list = m_lists[i];
        if (watched == list && event->type() == QEvent::FocusIn) {
            m_activeList = list;
        } else if (watched == list->viewport()
            && (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove)) {
            // The view shows a refused drop as a forbidden cursor; this says why.
            const auto* drag = static_cast<QDropEvent*>(event);
            const std::optional<qint64> id = TierListModel::draggedKey(drag->mimeData());
            if (const auto refusal = id ? m_board.refusalToMove(*id, allTiers[i]) : std::nullopt)
                showMessage(*refusal);
        }
    }
    return QWidget::eventFilter(watched, event);
}
