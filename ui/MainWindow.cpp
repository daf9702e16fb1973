#include "MainWindow.h"

#include "AppCore.h"

#include <QLabel>
#include <QVBoxLayout>

MainWindow::MainWindow(AppCore& core, QWidget* parent)
    : QMainWindow(parent)
    , m_status(new QLabel(this))
    , m_router(new QLabel(this))
{
    setWindowTitle(tr("Keyway"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/keyway.svg")));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* title = new QLabel(tr("<h2>Keyway</h2><p>Your LLM provider keys, in your keychain, "
                                "routed on 127.0.0.1.</p>"),
        central);
    title->setTextFormat(Qt::RichText);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setText(tr("Opening %1…").arg(core.databasePath()));
    m_status->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(m_status);
    m_router->setObjectName(QStringLiteral("router"));
    m_router->setText(tr("Starting the router…"));
    m_router->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_router);
    layout->addStretch();
    setCentralWidget(central);
    resize(720, 480);

    connect(&core, &AppCore::started, this, &MainWindow::showStarted);
    connect(&core, &AppCore::startFailed, this, &MainWindow::showStartFailed);
    connect(&core, &AppCore::routerListening, this, [this](const QString& address) {
        m_router->setText(tr("The router is listening on %1").arg(address));
    });
    connect(&core, &AppCore::routerFailed, m_router, &QLabel::setText);
}

void MainWindow::showStarted(int keyCount, int keysWithoutSecret, const QString& keychainProblem)
{
    QString text = keyCount == 0
        ? tr("No provider keys yet. Add one from a terminal:\n"
             "keyway key add --provider openai --label \"Work OpenAI\" --secret-stdin")
        : tr("%n provider key(s) stored.", nullptr, keyCount);
    if (keysWithoutSecret > 0) {
        text += u' '
            + tr("%n key(s) have no secret in the keychain any more.", nullptr, keysWithoutSecret);
    }
    if (!keychainProblem.isEmpty())
        text += u'\n' + tr("The secrets could not be checked: %1").arg(keychainProblem);
    m_status->setText(text);
}

void MainWindow::showStartFailed(const QString& message)
{
    m_status->setText(tr("Keyway could not start: %1").arg(message));
}
