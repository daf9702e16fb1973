#include "MainWindow.h"

#include "AppCore.h"
#include "access/AccessPage.h"
#include "activity/ActivityPage.h"
#include "keys/KeyBoard.h"
#include "keys/KeyEditorDialog.h"
#include "keys/KeysPage.h"
#include "route/RoutePreviewPage.h"

#include <QAbstractButton>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

MainWindow::MainWindow(AppCore& core, QWidget* parent)
    : QMainWindow(parent)
    , m_board(new KeyBoard(this))
    , m_pages(new QTabWidget(this))
    , m_keysPage(new KeysPage(*m_board, m_pages))
    , m_activityPage(new ActivityPage(m_pages))
    , m_accessPage(new AccessPage(core, m_pages))
    , m_routePage(new RoutePreviewPage(core, m_pages))
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
    m_pages->addTab(m_accessPage, tr("A&ccess"));
    setCentralWidget(m_pages);

    m_status->setObjectName(QStringLiteral("status"));
    m_status->setText(tr("Opening %1…").arg(core.databasePath()));
    m_router->setObjectName(QStringLiteral("router"));
    m_router->setText(tr("Starting the router…"));
    m_router->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_router);
    resize(960, 600);

    connect(&core, &AppCore::started, this, &MainWindow::showStarted);
    connect(&core, &AppCore::startFailed, this, &MainWindow::showStartFailed);
    connect(&core, &AppCore::routerListening, this, [this](const QString& address) {
        m_accessPage->setRouterAddress(address);
        m_router->setText(tr("The router is listening on %1").arg(address));
    });
    connect(&core, &AppCore::routerFailed, m_router, &QLabel::setText);
    connect(&core, &AppCore::keysChanged, m_board, &KeyBoard::setKeys);
    connect(&core, &AppCore::keyStatusesChanged, m_board, &KeyBoard::setStatuses);
    connect(&core, &AppCore::keyActionFailed, m_keysPage, &KeysPage::showMessage);
    connect(m_board, &KeyBoard::moveRequested, &core, &AppCore::moveKey);
    connect(m_keysPage, &KeysPage::addKeyRequested, this, &MainWindow::addKey);
    connect(m_keysPage, &KeysPage::editKeyRequested, this, &MainWindow::editKey);
    connect(m_keysPage, &KeysPage::removeKeyRequested, this, &MainWindow::removeKey);
    connect(&core, &AppCore::keyRemoved, this,
        [this] { m_keysPage->showMessage(tr("The key and its secret were removed.")); });
    connect(&core, &AppCore::keyMoveFinished, m_board, &KeyBoard::moveFinished);
    connect(&core.activityFeed(), &ActivityFeed::updated, m_activityPage, &ActivityPage::apply);
    connect(&core, &AppCore::membersChanged, this, [this](const QList<Member>& members) {
        QHash<qint64, QString> names;
        for (const Member& member : members)
            names.insert(member.id, member.name);
        m_activityPage->setMemberNames(names);
    });
}

void MainWindow::showStarted(int keyCount, int keysWithoutSecret, const QString& keychainProblem)
{
    QString text = keyCount == 0 ? tr("No provider keys yet.")
                                 : tr("%n provider key(s) stored.", nullptr, keyCount);
    if (keysWithoutSecret > 0) {
        text += u' '
            + tr("%n key(s) have no secret in the keychain any more.", nullptr, keysWithoutSecret);
    }
    if (!keychainProblem.isEmpty())
        text += u' ' + tr("The secrets could not be checked: %1").arg(keychainProblem);
    m_status->setText(text);
}

void MainWindow::showStartFailed(const QString& message)
{
    m_status->setText(tr("Keyway could not start: %1").arg(message));
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
            if (question->buttonRole(button) == QMessageBox::DestructiveRole)
                m_core.removeKey(id);
        });
    question->open();
}
