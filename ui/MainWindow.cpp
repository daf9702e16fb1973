#include "ui/MainWindow.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "ui/access/AccessPage.h"
#include "ui/activity/ActivityPage.h"
#include "ui/keys/KeyBoard.h"
#include "ui/keys/KeyEditorDialog.h"
#include "ui/keys/KeyFilterDialog.h"
#include "ui/keys/KeysPage.h"
#include "ui/route/RoutePreviewPage.h"
#include "ui/settings/SettingsPage.h"
#include "ui/usage/UsagePage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>

#include <numeric>
#include <utility>

MainWindow::MainWindow(AppCore& core, QWidget* parent)
    : QMainWindow(parent)
    , m_board(new KeyBoard(this))
    , m_pages(new QTabWidget(this))
    , m_keysPage(new KeysPage(*m_board, m_pages))
    , m_activityPage(new ActivityPage(m_pages))
    , m_accessPage(new AccessPage(core, m_pages))
    , m_routePage(new RoutePreviewPage(core, m_pages))
    , m_settingsPage(new SettingsPage(core, m_pages))
    , m_usagePage(new UsagePage(core, m_pages))
    , m_status(new QLabel(this))
    , m_router(new QLabel(this))
    , m_core(core)
{
    setWindowTitle(tr("Keyway"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/keyway.svg")));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_keysPage, tr("&Keys"));
    m_pages->addTab(m_activityPage, tr("&Activity"));
    m_pages->addTab(m_routePage, tr("&Route preview"));
    m_pages->addTab(m_usagePage, tr("&Usage"));
    m_pages->addTab(m_accessPage, tr("A&ccess"));
    m_pages->addTab(m_settingsPage, tr("&Settings"));
    setCentralWidget(m_pages);

    m_status->setObjectName(QStringLiteral("status"));
    m_status->setText(tr("Opening %1…").arg(core.databasePath()));
    createStatusBar();
    createTray();
    resize(960, 600);
    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());

    connect(&core, &AppCore::started, this, &MainWindow::showStarted);
    connect(&core, &AppCore::startFailed, this, &MainWindow::showStartFailed);
    connect(&core, &AppCore::routerListening, this, [this](const QString& address) {
        m_accessPage->setRouterAddress(address);
        setRouterState(address, {});
    });
    connect(&core, &AppCore::routerFailed, this,
        [this](const QString& problem) { setRouterState({}, problem); });
    connect(&core, &AppCore::routerStopped, this,
        [this] { setRouterState({}, tr("The router is stopped")); });
    connect(m_activityPage, &ActivityPage::requestsFinished, this, &MainWindow::countFinished);
    m_usageTimer = new QTimer(this);
    m_usageTimer->setInterval(30'000);
    connect(m_usageTimer, &QTimer::timeout, this, &MainWindow::askForMonthlyUsage);
    connect(&core, &AppCore::routerListening, this, [this] {
        if (!m_usageTimer->isActive()) {
            askForMonthlyUsage();
            m_usageTimer->start();
        }
    });
    connect(&core, &AppCore::keysChanged, m_board, &KeyBoard::setKeys);
    connect(&core, &AppCore::keysChanged, this, [this](const QList<ProviderKey>& keys) {
        showKeyCounts(int(keys.size()),
            int(std::count_if(keys.cbegin(), keys.cend(),
                [](const ProviderKey& key) { return key.secretMissing; })));
    });
    connect(&core, &AppCore::keyStatusesChanged, m_board, &KeyBoard::setStatuses);
    connect(&core, &AppCore::keyActionFailed, m_keysPage, &KeysPage::showMessage);
    connect(m_board, &KeyBoard::moveRequested, &core, &AppCore::moveKey);
    connect(m_keysPage, &KeysPage::addKeyRequested, this, &MainWindow::addKey);
    connect(m_keysPage, &KeysPage::editKeyRequested, this, &MainWindow::editKey);
    connect(m_keysPage, &KeysPage::removeKeyRequested, this, &MainWindow::removeKey);
    connect(m_keysPage, &KeysPage::editFiltersRequested, this, &MainWindow::editFilters);
    connect(&core, &AppCore::keyMoveFinished, m_board, &KeyBoard::moveFinished);
    connect(&core.activityFeed(), &ActivityFeed::updated, m_activityPage, &ActivityPage::apply);
    connect(&core, &AppCore::activityNotKept, m_activityPage, &ActivityPage::setNotKept);
    loadActivityHistory();
    connect(&core, &AppCore::membersChanged, this, [this](const QList<Member>& members) {
        QHash<qint64, QString> names;
        for (const Member& member : members)
            names.insert(member.id, member.name);
        m_activityPage->setMemberNames(names);
    });
}

void MainWindow::createStatusBar()
{
    m_status->setObjectName(QStringLiteral("status"));
    m_router->setObjectName(QStringLiteral("router"));
    m_router->setText(tr("Starting the router…"));
    m_router->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyAddress = new QToolButton(this);
    m_copyAddress->setObjectName(QStringLiteral("copyAddress"));
    m_copyAddress->setText(tr("Copy"));
    m_copyAddress->setToolTip(tr("Copy the router's address"));
    m_copyAddress->setEnabled(false);
    connect(m_copyAddress, &QToolButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_address); });
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setToolTip(tr("Requests answered per second, over the last five seconds"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_rate);
    statusBar()->addPermanentWidget(m_router);
    statusBar()->addPermanentWidget(m_copyAddress);

    m_finishedPerSecond = QList<int>(5, 0);
    m_rateTimer = new QTimer(this);
    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, [this] {
        const int total
            = std::accumulate(m_finishedPerSecond.cbegin(), m_finishedPerSecond.cend(), 0);
        m_rate->setText(
            tr("%1 req/s").arg(QLocale().toString(total / 5.0, 'f', total < 50 ? 1 : 0)));
        m_finishedPerSecond.removeFirst();
        m_finishedPerSecond.append(0);
    });
    m_rateTimer->start();
}

void MainWindow::countFinished(int count)
{
    m_finishedPerSecond.last() += count;
}

void MainWindow::askForMonthlyUsage()
{
    // The board shows each key's requests this month.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    whenFinished(this, m_core.usage(QDate(today.year(), today.month(), 1).startOfDay(Qt::UTC)),
        [this](const Result<UsageReport>& report) {
            if (report)
                showMonthlyUsage(*report);
        });
}

void MainWindow::showMonthlyUsage(const UsageReport& report)
{
    const QString month = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM"));
    QHash<qint64, int> answered;
    for (const UsageReport::KeyMonth& use : report.keyMonths) {
        if (use.month == month)
            answered.insert(use.keyId, use.answered);
    }
    m_board->setAnsweredThisMonth(answered);
}

void MainWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(windowIcon(), this);
    QApplication::setQuitOnLastWindowClosed(false); // hiding the window leaves the router on
    auto* menu = new QMenu(this);
    menu->addAction(tr("&Open Keyway"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    m_toggleRouter = menu->addAction(
        tr("&Stop the router"), this, [this] { m_core.setRouterListening(m_address.isEmpty()); });
    m_keepRunning = menu->addAction(tr("&Keep routing when the window closes"));
    m_keepRunning->setCheckable(true);
    m_keepRunning->setChecked(QSettings().value(QStringLiteral("tray/keepRunning"), true).toBool());
    connect(m_keepRunning, &QAction::toggled, this,
        [](bool keep) { QSettings().setValue(QStringLiteral("tray/keepRunning"), keep); });
    menu->addSeparator();
    menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
        [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger)
                setVisible(!isVisible());
        });
    m_tray->setToolTip(tr("Keyway"));
    m_tray->show();
}

void MainWindow::setRouterState(const QString& address, const QString& problem)
{
    m_address = address;
    m_router->setText(
        address.isEmpty() ? problem : tr("The router is listening on %1").arg(address));
    m_copyAddress->setEnabled(!address.isEmpty());
    if (m_tray) {
        m_tray->setToolTip(address.isEmpty() ? tr("Keyway: %1").arg(problem)
                                             : tr("Keyway: routing on %1").arg(address));
        m_toggleRouter->setText(
            address.isEmpty() ? tr("&Start the router") : tr("&Stop the router"));
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    if (m_tray && m_keepRunning->isChecked() && !m_address.isEmpty()) {
        // The router goes on in the tray; Quit in its menu ends it.
        hide();
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
    if (m_tray)
        qApp->quit(); // the tray keeps the application open otherwise
}

void MainWindow::showStarted(int keyCount, int keysWithoutSecret, const QString& keychainProblem)
{
    m_started = true;
    m_keychainProblem = keychainProblem;
    showKeyCounts(keyCount, keysWithoutSecret);
}

void MainWindow::showKeyCounts(int keyCount, int keysWithoutSecret)
{
    if (!m_started)
        return; // until then the status says the core is starting
    QString text = keyCount == 0 ? tr("No provider keys yet.")
                                 : tr("%n provider key(s) stored.", nullptr, keyCount);
    if (keysWithoutSecret > 0) {
        text += u' '
            + tr("%n key(s) have no secret in the keychain any more.", nullptr, keysWithoutSecret);
    }
    if (!m_keychainProblem.isEmpty())
        text += u' ' + tr("The secrets could not be checked: %1").arg(m_keychainProblem);
    m_status->setText(text);
}

void MainWindow::showStartFailed(const QString& message)
{
    m_status->setText(tr("Keyway could not start: %1").arg(message));
}

void MainWindow::loadActivityHistory()
{
    // What the log holds from before the window opened, once the router (and its log) is up.
    m_activityPage->expectHistory();
    const auto ask = [this] {
        if (std::exchange(m_historyAsked, true))
            return;
        whenFinished(this, m_core.recentActivity(historyRequests),
            [this](const Result<QList<RequestRecord>>& requests) {
                // On a failure too: live requests are not held back for ever.
                m_activityPage->showHistory(requests ? *requests : QList<RequestRecord>());
            });
    };
    connect(&m_core, &AppCore::routerListening, this, ask);
    connect(&m_core, &AppCore::routerFailed, this, ask);
}

void MainWindow::addKey()
{
    auto* dialog = new KeyEditorDialog(m_core, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::editKey(qint64 id)
{
    const std::optional<ProviderKey> key = m_board->key(id);
    if (!key)
        return;
    auto* dialog = new KeyEditorDialog(m_core, *key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::editFilters(qint64 id)
{
    const std::optional<ProviderKey> key = m_board->key(id);
    if (!key)
        return;
    auto* dialog = new KeyFilterDialog(m_core, *key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::removeKey(qint64 id)
{
    const std::optional<ProviderKey> key = m_board->key(id);
    if (!key)
        return;
    auto* question = new QMessageBox(QMessageBox::Question, tr("Remove key"),
        tr("Remove “%1” and delete its secret from the keychain?").arg(key->label),
        QMessageBox::Cancel, this);
    question->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        question, &QMessageBox::buttonClicked, this, [this, question, id](QAbstractButton* button) {
            if (question->buttonRole(button) != QMessageBox::DestructiveRole)
                return;
            whenFinished(this, m_core.removeKey(id), [this](const Result<void>& removed) {
                m_keysPage->showMessage(removed ? tr("The key and its secret were removed.")
                                                : removed.failure().message);
            });
        });
    question->open();
}
