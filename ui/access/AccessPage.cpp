#include "ui/access/AccessPage.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "ui/access/LocalKeyModel.h"
#include "ui/access/TokenDialog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

AccessPage::AccessPage(AppCore& core, QWidget* parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new LocalKeyModel(this))
    , m_table(new QTableView(this))
    , m_message(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createTokenSection(), 3);
    auto* directories = new QHBoxLayout;
    directories->addWidget(createNameList(
        tr("Members"), QStringLiteral("members"), &m_members,
        [this](const QString& name) { return m_core.addMember(name); },
        [this](qint64 id) { return m_core.removeMember(id); }));
    directories->addWidget(createNameList(
        tr("Workspaces"), QStringLiteral("workspaces"), &m_workspaces,
        [this](const QString& name) { return m_core.addWorkspace(name); },
        [this](qint64 id) { return m_core.removeWorkspace(id); }));
    layout->addLayout(directories, 2);
    m_message->setObjectName(QStringLiteral("accessMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    m_model->setLocalKeys(m_core.localKeys());
    setMembers(m_core.members());
    setWorkspaces(m_core.workspaces());
    connect(&m_core, &AppCore::localKeysChanged, m_model, &LocalKeyModel::setLocalKeys);
    connect(&m_core, &AppCore::membersChanged, this, &AccessPage::setMembers);
    connect(&m_core, &AppCore::workspacesChanged, this, &AccessPage::setWorkspaces);
}

QWidget* AccessPage::createTokenSection()
{
    auto* box = new QGroupBox(tr("Local API keys"), this);
    auto* layout = new QVBoxLayout(box);
    auto* intro = new QLabel(tr("Tools present one of these to the router instead of a provider "
                                "key. Each belongs to a member and a workspace."),
        box);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table->setObjectName(QStringLiteral("localKeys"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    const auto button = [&](const QString& text, const QString& tip, auto slot) {
        auto* push = new QPushButton(text, box);
        push->setToolTip(tip);
        connect(push, &QPushButton::clicked, this, slot);
        buttons->addWidget(push);
    };
    button(tr("Cr&eate…"), tr("Create a local API key and show it once"), &AccessPage::createToken);
    button(tr("&Show token…"), tr("Read the selected token from the keychain and show it"),
        &AccessPage::revealSelected);
    button(tr("Re&voke…"), tr("The selected token stops working at once"),
        &AccessPage::revokeSelected);
    buttons->addStretch();
    layout->addLayout(buttons);
    return box;
}

QWidget* AccessPage::createNameList(const QString& title, const QString& objectName,
    QListWidget** list, std::function<QCoro::Task<Result<QString>>(const QString&)> add,
    std::function<QCoro::Task<Result<QString>>(qint64)> remove)
{
    auto* box = new QGroupBox(title, this);
    auto* layout = new QVBoxLayout(box);
    *list = new QListWidget(box);
    (*list)->setObjectName(objectName);
    layout->addWidget(*list, 1);
    auto* row = new QHBoxLayout;
    auto* name = new QLineEdit(box);
    name->setObjectName(objectName + QStringLiteral("-name"));
    name->setPlaceholderText(tr("New name"));
    auto* addButton = new QPushButton(tr("Add"), box);
    auto* removeButton = new QPushButton(tr("Remove"), box);
    row->addWidget(name, 1);
    row->addWidget(addButton);
    row->addWidget(removeButton);
    layout->addLayout(row);
    const auto addName = [this, name, add] {
        if (!name->text().trimmed().isEmpty()) {
            showOutcome(add(name->text().trimmed()));
            name->clear();
        }
    };
    connect(addButton, &QPushButton::clicked, this, addName);
    connect(name, &QLineEdit::returnPressed, this, addName);
    connect(removeButton, &QPushButton::clicked, this, [this, list, remove] {
        if (const QListWidgetItem* item = (*list)->currentItem())
            showOutcome(remove(item->data(Qt::UserRole).toLongLong()));
    });
    return box;
}

void AccessPage::setMembers(const QList<Member>& members)
{
    m_memberList = members;
    m_members->clear();
    for (const Member& member : members) {
        auto* item = new QListWidgetItem(member.name, m_members);
        item->setData(Qt::UserRole, member.id);
    }
    updateNames();
}

void AccessPage::setWorkspaces(const QList<Workspace>& workspaces)
{
    m_workspaceList = workspaces;
    m_workspaces->clear();
    for (const Workspace& workspace : workspaces) {
        auto* item = new QListWidgetItem(workspace.name, m_workspaces);
        item->setData(Qt::UserRole, workspace.id);
    }
    updateNames();
}

void AccessPage::updateNames()
{
    QHash<qint64, QString> members;
    for (const Member& member : std::as_const(m_memberList))
        members.insert(member.id, member.name);
    QHash<qint64, QString> workspaces;
    for (const Workspace& workspace : std::as_const(m_workspaceList))
        workspaces.insert(workspace.id, workspace.name);
    m_model->setNames(members, workspaces);
}

std::optional<qint64> AccessPage::selectedToken() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return current.siblingAtColumn(0).data(LocalKeyModel::IdRole).toLongLong();
}

void AccessPage::createToken()
{
    QStringList members;
    for (const Member& member : std::as_const(m_memberList))
        members.append(member.name);
    QStringList workspaces;
    for (const Workspace& workspace : std::as_const(m_workspaceList))
        workspaces.append(workspace.name);
    auto* dialog = new TokenDialog(m_core, m_address, members, workspaces, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccessPage::revealSelected()
{
    const std::optional<qint64> id = selectedToken();
    if (!id)
        return;
    const auto answer = QMessageBox::question(this, tr("Show token"),
        tr("Show this token in full? Anyone who sees it can use your provider keys through the "
           "router."));
    if (answer == QMessageBox::Yes)
        showToken(*id);
}

void AccessPage::showToken(qint64 localKeyId)
{
    auto* dialog = new TokenDialog(m_core, m_address, localKeyId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AccessPage::revokeSelected()
{
    const std::optional<qint64> id = selectedToken();
    if (!id)
        return;
    const auto answer = QMessageBox::question(this, tr("Revoke token"),
        tr("Revoke this token? Tools that use it are refused from now on."));
    if (answer == QMessageBox::Yes)
        showOutcome(m_core.revokeToken(*id));
}

void AccessPage::showOutcome(QCoro::Task<Result<QString>>&& change)
{
    whenFinished(this, std::move(change), [this](const Result<QString>& done) {
        showMessage(done ? *done : done.failure().message);
    });
}

void AccessPage::showMessage(const QString& message)
{
    m_message->setText(message);
}

QString AccessPage::message() const
{
    return m_message->text();
}
