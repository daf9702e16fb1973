#include "ui/access/TokenDialog.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "ui/widgets/StatusLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

struct Snippet
{
    QString title;
    QString text;
};

QList<Snippet> snippetsFor(const QString& address, const QString& token)
{
    return {
        { QStringLiteral("OpenAI SDK (Python)"),
            QStringLiteral(
                "from openai import OpenAI\n\nclient = OpenAI(\n    base_url=\"%1/v1\",\n"
                "    api_key=\"%2\",\n)\n")
                .arg(address, token) },
        { QStringLiteral("OpenAI SDK (JavaScript)"),
            QStringLiteral("import OpenAI from \"openai\";\n\nconst client = new OpenAI({\n"
                           "  baseURL: \"%1/v1\",\n  apiKey: \"%2\",\n});\n")
                .arg(address, token) },
        { QStringLiteral("Anthropic SDK (Python)"),
            QStringLiteral("from anthropic import Anthropic\n\nclient = Anthropic(\n"
                           "    base_url=\"%1\",\n    api_key=\"%2\",\n)\n")
                .arg(address, token) },
        { QStringLiteral("Claude Code"),
            QStringLiteral("export ANTHROPIC_BASE_URL=%1\nexport ANTHROPIC_API_KEY=%2\nclaude\n")
                .arg(address, token) },
        { QStringLiteral("curl"),
            QStringLiteral("curl %1/v1/chat/completions \\\n  -H \"Authorization: Bearer %2\" \\\n"
                           "  -H \"Content-Type: application/json\" \\\n"
                           "  -d '{\"model\": \"gpt-4.1\", \"messages\": [{\"role\": \"user\", "
                           "\"content\": \"Hello\"}]}'\n")
                .arg(address, token) },
    };
}

} // namespace

TokenDialog::TokenDialog(AppCore& core, const QString& routerAddress, const QStringList& members,
    const QStringList& workspaces, QWidget* parent)
    : QDialog(parent)
    , m_core(core)
    , m_address(routerAddress)
    , m_pages(new QStackedWidget(this))
    , m_problem(new StatusLabel(SemanticColours::Role::Bad, this))
{
    setWindowTitle(tr("Create a local API key"));
    buildForm(members, workspaces);
    buildTokenView();
}

TokenDialog::TokenDialog(
    AppCore& core, const QString& routerAddress, qint64 localKeyId, QWidget* parent)
    : QDialog(parent)
    , m_core(core)
    , m_address(routerAddress)
    , m_pages(new QStackedWidget(this))
    , m_problem(new StatusLabel(SemanticColours::Role::Bad, this))
{
    setWindowTitle(tr("Local API key"));
    auto* waiting = new QLabel(tr("Reading the token from the keychain…"), this);
    m_pages->addWidget(waiting);
    buildTokenView();
    whenFinished(this, m_core.revealToken(localKeyId), [this](const Result<QString>& token) {
        if (token)
            showToken(*token);
        else
            showFailure(token.failure().message);
    });
}

void TokenDialog::buildForm(const QStringList& members, const QStringList& workspaces)
{
    auto* form = new QWidget(this);
    auto* layout = new QFormLayout(form);
    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("What uses it, e.g. laptop, ci, Claude Code"));
    m_member = new QComboBox(form);
    m_member->setObjectName(QStringLiteral("member"));
    m_member->addItems(members);
    m_workspace = new QComboBox(form);
    m_workspace->setObjectName(QStringLiteral("workspace"));
    m_workspace->addItems(workspaces);
    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("&Member:"), m_member);
    layout->addRow(tr("&Workspace:"), m_workspace);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, form);
    buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &TokenDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &TokenDialog::reject);
    layout->addRow(buttons);
    m_pages->addWidget(form);
}

void TokenDialog::buildTokenView()
{
    auto* view = new QWidget(this);
    auto* layout = new QVBoxLayout(view);
    auto* intro = new QLabel(
        tr("Copy the token now: it is shown this once. (It stays in your keychain, where "
           "Keyway can show it again after asking.)"),
        view);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* row = new QHBoxLayout;
    m_token = new QLineEdit(view);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setReadOnly(true);
    m_token->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* copy = new QPushButton(tr("&Copy"), view);
    connect(copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_token->text()); });
    row->addWidget(m_token, 1);
    row->addWidget(copy);
    layout->addLayout(row);
    m_snippets = new QTabWidget(view);
    m_snippets->setObjectName(QStringLiteral("snippets"));
    layout->addWidget(m_snippets, 1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, view);
    connect(close, &QDialogButtonBox::rejected, this, &TokenDialog::accept);
    layout->addWidget(close);
    m_pages->addWidget(view);

    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_pages);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    outer->addWidget(m_problem);
}

void TokenDialog::create()
{
    if (m_creating)
        return;
    m_creating = true;
    m_problem->hide();
    m_pages->setEnabled(false);
    whenFinished(this,
        m_core.createToken(
            m_name->text().trimmed(), m_member->currentText(), m_workspace->currentText()),
        [this](const Result<TokenService::Created>& created) {
            m_creating = false;
            if (created)
                showToken(created->token);
            else
                showFailure(created.failure().message);
        });
}

void TokenDialog::showToken(const QString& token)
{
    m_pages->setEnabled(true);
    m_token->setText(token);
    m_snippets->clear();
    for (const Snippet& snippet : snippetsFor(m_address, token)) {
        auto* text = new QPlainTextEdit(snippet.text, m_snippets);
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_snippets->addTab(text, snippet.title);
    }
    m_pages->setCurrentIndex(m_pages->count() - 1);
    resize(std::max(width(), 620), std::max(height(), 380));
}

void TokenDialog::showFailure(const QString& message)
{
    m_pages->setEnabled(true);
    m_problem->setText(message);
    m_problem->show();
}

QString TokenDialog::shownToken() const
{
    return m_token ? m_token->text() : QString();
}

QString TokenDialog::snippet(int index) const
{
    const auto* text = qobject_cast<QPlainTextEdit*>(m_snippets->widget(index));
    return text ? text->toPlainText() : QString();
}

QString TokenDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}
