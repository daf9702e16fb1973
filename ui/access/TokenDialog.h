#pragma once

#include <QDialog>

class AppCore;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;

// Creates a local API key, or shows one again: the token once, with a Copy button and snippets
// ready to paste for the OpenAI SDK, the Anthropic SDK and Claude Code. The token lives only in
// this dialog, which is deleted when it closes.
class TokenDialog : public QDialog
{
    Q_OBJECT

public:
    // Creating a token; `members` and `workspaces` are names for the choices.
    TokenDialog(AppCore& core, const QString& routerAddress, const QStringList& members,
        const QStringList& workspaces, QWidget* parent = nullptr);
    // Showing an existing token again (after the person confirmed it).
    TokenDialog(
        AppCore& core, const QString& routerAddress, qint64 localKeyId, QWidget* parent = nullptr);

    QString shownToken() const; // empty until the token is shown
    QString snippet(int index) const;
    QString problem() const;

private:
    void buildForm(const QStringList& members, const QStringList& workspaces);
    void buildTokenView();
    void create();
    void showToken(const QString& token);
    void showFailure(const QString& message);

    AppCore& m_core;
    QString m_address;
    QStackedWidget* m_pages;
    QLineEdit* m_name = nullptr;
    QComboBox* m_member = nullptr;
    QComboBox* m_workspace = nullptr;
    QLabel* m_problem;
    QLineEdit* m_token = nullptr;
    QTabWidget* m_snippets = nullptr;
    bool m_creating = false;
};
