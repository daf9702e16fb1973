#pragma once

#include "app/domain/LocalApiKey.h"
#include "app/domain/Member.h"
#include "app/domain/Workspace.h"
#include "router/core/Result.h"

#include <QCoro/QCoroTask>
#include <QWidget>

#include <functional>
#include <optional>

class AppCore;
class LocalKeyModel;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;

// The Access page: the local API keys tools present to the router (create, show again after
// confirming, revoke, last used), and the members and workspaces they belong to.
class AccessPage : public QWidget
{
    Q_OBJECT

public:
    explicit AccessPage(AppCore& core, QWidget* parent = nullptr);

    void setRouterAddress(const QString& address) { m_address = address; }
    LocalKeyModel& model() { return *m_model; }

    // What the buttons do; the second two ask first.
    void createToken();
    void revealSelected();
    void revokeSelected();
    // Without asking.
    void showToken(qint64 localKeyId);
    QString message() const;

private:
    QWidget* createTokenSection();
    QWidget* createNameList(const QString& title, const QString& objectName, QListWidget** list,
        std::function<QCoro::Task<Result<QString>>(const QString&)> add,
        std::function<QCoro::Task<Result<QString>>(qint64)> remove);
    std::optional<qint64> selectedToken() const;
    void setMembers(const QList<Member>& members);
    void setWorkspaces(const QList<Workspace>& workspaces);
    void updateNames();
    void showMessage(const QString& message);
    // Shows the note or the failure of one of this page's own changes.
    void showOutcome(QCoro::Task<Result<QString>>&& change);

    AppCore& m_core;
    QString m_address;
    LocalKeyModel* m_model;
    QTableView* m_table;
    QListWidget* m_members = nullptr;
    QListWidget* m_workspaces = nullptr;
    QLabel* m_message;
    QList<Member> m_memberList;
    QList<Workspace> m_workspaceList;
};
