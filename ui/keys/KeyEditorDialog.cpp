#include "ui/keys/KeyEditorDialog.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "app/domain/NameRules.h"
#include "app/domain/ProviderCredential.h"
#include "app/keys/KeyService.h"
#include "router/catalog/ProviderRegistry.h"
#include "ui/keys/KeySummary.h"
#include "ui/widgets/StatusLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

const QString labelField = QStringLiteral("label");
const QString baseUrlField = QStringLiteral("base_url");
const QString serviceAccountField = QStringLiteral("service_account_json");

QString settingText(const QJsonValue& value)
{
    if (!value.isArray())
        return value.toString();
    QStringList items;
    for (const QJsonValue& item : value.toArray())
        items.append(item.toString());
    return items.join(QStringLiteral(", "));
}

} // namespace

KeyEditorDialog::KeyEditorDialog(AppCore& core, QWidget* parent)
    : QDialog(parent)
    , m_core(core)
    , m_providerId(QStringLiteral("openai"))
{
    setWindowTitle(tr("Add a provider key"));
    buildCommonFields();
    buildProviderFields();
}

KeyEditorDialog::KeyEditorDialog(AppCore& core, const ProviderKey& key, QWidget* parent)
    : QDialog(parent)
    , m_core(core)
    , m_editing(key)
    , m_providerId(key.providerId)
{
    setWindowTitle(tr("Edit “%1”").arg(key.label));
    buildCommonFields();
    buildProviderFields();
    m_inputs.value(labelField)->setText(key.label);
    m_inputs.value(baseUrlField)->setText(key.baseUrl);
    m_enabled->setChecked(key.enabled);
    for (auto it = key.settings.begin(); it != key.settings.end(); ++it) {
        if (QLineEdit* input = m_inputs.value(it.key()))
            input->setText(settingText(it.value()));
    }
}

void KeyEditorDialog::buildCommonFields()
{
    setMinimumWidth(520); // room for endpoints, JSON file names and the test's verdict
    auto* layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    if (m_editing) {
        auto* provider = new QLabel(KeySummary::providerName(m_providerId), this);
        m_form->addRow(tr("Provider:"), provider);
    } else {
        m_providers = new QComboBox(this);
        m_providers->setObjectName(QStringLiteral("provider"));
        for (const ProviderDescriptor& descriptor : ProviderRegistry::all())
            m_providers->addItem(
                KeySummary::providerIcon(descriptor.id), descriptor.displayName, descriptor.id);
        m_form->addRow(tr("&Provider:"), m_providers);
        connect(m_providers, &QComboBox::currentIndexChanged, this, [this] {
            m_providerId = m_providers->currentData().toString();
            buildProviderFields();
        });
    }
    addInput(labelField, tr("&Label:"))
        ->setPlaceholderText(tr("How you will recognise it, e.g. Work OpenAI"));
    m_firstProviderRow = m_form->rowCount(); // the provider's own fields go here
    QLineEdit* endpoint = addInput(baseUrlField, tr("&Endpoint:"));
    endpoint->setToolTip(tr("Leave empty for the provider's own endpoint; a gateway or local "
                            "service needs its base URL, e.g. http://localhost:11434/v1"));
    if (!m_editing) {
        m_tier = new QComboBox(this);
        m_tier->setObjectName(QStringLiteral("tier"));
        for (Tier tier : allTiers)
            m_tier->addItem(tierDisplayName(tier), int(tier));
        m_form->addRow(tr("&Tier:"), m_tier);
    }
    m_enabled = new QCheckBox(tr("&Use this key"), this);
    m_enabled->setChecked(true);
    m_form->addRow(QString(), m_enabled);

    m_generalProblem = new StatusLabel(SemanticColours::Role::Bad, this);
    m_generalProblem->setObjectName(QStringLiteral("problem"));
    m_generalProblem->setWordWrap(true);
    m_generalProblem->hide();
    layout->addWidget(m_generalProblem);
    layout->addLayout(buildTestRow());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &KeyEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &KeyEditorDialog::reject);
    layout->addWidget(buttons);
}

QLayout* KeyEditorDialog::buildTestRow()
{
    m_testButton = new QPushButton(tr("&Test key"), this);
    m_testButton->setObjectName(QStringLiteral("test"));
    m_testButton->setToolTip(tr("Ask the provider whether it accepts the key as the form has it, "
                                "with a request that costs nothing (a list of models)."));
    connect(m_testButton, &QPushButton::clicked, this, &KeyEditorDialog::testKey);
    m_testProgress = new QProgressBar(this);
    m_testProgress->setRange(0, 0); // busy: the answer's time is unknown
    m_testProgress->setMaximumWidth(80);
    m_testProgress->setTextVisible(false);
    m_testProgress->hide();
    m_testResult = new StatusLabel(std::nullopt, this);
    m_testResult->setObjectName(QStringLiteral("test-result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();
    auto* row = new QHBoxLayout;
    row->addWidget(m_testButton, 0, Qt::AlignTop);
    row->addWidget(m_testProgress, 0, Qt::AlignTop);
    row->addWidget(m_testResult, 1);
    return row;
}

QLineEdit* KeyEditorDialog::addInput(const QString& name, const QString& label, int row)
{
    auto* cell = new QWidget(this);
    auto* column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* input = new QLineEdit(cell);
    input->setObjectName(name);
    auto* problem = new StatusLabel(SemanticColours::Role::Bad, cell);
    problem->setObjectName(QStringLiteral("problem-") + name);
    problem->setWordWrap(true);
    problem->hide();
    column->addWidget(input);
    column->addWidget(problem);
    auto* caption = new QLabel(label, this);
    caption->setBuddy(input);
    m_form->insertRow(row, caption, cell);
    m_inputs.insert(name, input);
    m_problems.insert(name, problem);
    return input;
}

const ProviderDescriptor& KeyEditorDialog::provider() const
{
    return *ProviderRegistry::find(m_providerId);
}

void KeyEditorDialog::buildProviderFields()
{
    // The rows of the provider chosen before go; the new provider's take their place.
    for (const ProviderDescriptor& any : ProviderRegistry::all()) {
        for (const CredentialField& field : any.fields) {
            m_inputs.remove(field.name);
            m_problems.remove(field.name);
        }
    }
    for (; m_providerRows > 0; --m_providerRows)
        m_form->removeRow(m_firstProviderRow);
    m_serviceAccountJson.clear();

    const ProviderDescriptor& descriptor = provider();
    int row = m_firstProviderRow;
    const auto hint = [&](const QString& text) {
        auto* label = new QLabel(text, this);
        label->setWordWrap(true);
        label->setEnabled(false); // the style's quieter colour
        m_form->insertRow(row++, QString(), label);
    };
    if (descriptor.credentialKind == CredentialKind::AwsCredentials)
        hint(tr("Either an access key (ID and secret, with a session token for temporary "
                "credentials) or a Bedrock API key."));
    if (descriptor.credentialKind == CredentialKind::GoogleCredentials)
        hint(tr("Either a service account's JSON key file or an express-mode API key."));
    for (const CredentialField& field : descriptor.fields) {
        QLineEdit* input = addInput(field.name, field.label + u':', row++);
        if (field.name == serviceAccountField) {
            input->setReadOnly(true);
            input->setPlaceholderText(tr("No file chosen"));
            auto* choose = new QPushButton(tr("Choose &file…"), this);
            connect(choose, &QPushButton::clicked, this, [this] {
                const QString path = QFileDialog::getOpenFileName(
                    this, tr("Service account key"), QString(), tr("JSON (*.json)"));
                if (!path.isEmpty())
                    importServiceAccount(path);
            });
            m_form->insertRow(row++, QString(), choose);
        } else if (field.secret) {
            input->setEchoMode(QLineEdit::Password);
            input->setPlaceholderText(
                m_editing ? tr("unchanged (%1)").arg(m_editing->secretHint) : QString());
        } else if (field.isList) {
            input->setPlaceholderText(tr("comma-separated"));
        } else if (descriptor.credentialKind == CredentialKind::GoogleCredentials) {
            // What Vertex keys use when these are left empty.
            if (field.name == u"region")
                input->setPlaceholderText(QStringLiteral("global"));
            else if (field.name == u"project")
                input->setPlaceholderText(tr("the service account's project"));
        }
    }
    m_providerRows = row - m_firstProviderRow;
    m_inputs.value(baseUrlField)
        ->setPlaceholderText(
            descriptor.requiresBaseUrl ? tr("required") : descriptor.defaultBaseUrl);
    if (m_tier)
        m_tier->setCurrentIndex(m_tier->findData(int(descriptor.defaultTier)));
    clearProblems();
}

void KeyEditorDialog::selectProvider(const QString& providerId)
{
    if (m_providers)
        m_providers->setCurrentIndex(m_providers->findData(providerId));
}

bool KeyEditorDialog::importServiceAccount(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024) {
        setProblem(serviceAccountField, tr("Cannot read %1").arg(path));
        return false;
    }
    m_serviceAccountJson = QString::fromUtf8(file.readAll());
    const QJsonObject account = QJsonDocument::fromJson(m_serviceAccountJson.toUtf8()).object();
    m_inputs.value(serviceAccountField)
        ->setText(account.value(QStringLiteral("client_email")).toString(path));
    if (QLineEdit* project = m_inputs.value(QStringLiteral("project"));
        project && project->text().isEmpty())
        project->setText(account.value(QStringLiteral("project_id")).toString());
    setProblem(serviceAccountField, {});
    return true;
}

QString KeyEditorDialog::testResult() const
{
    return m_testResult->isHidden() ? QString() : m_testResult->text();
}

QString KeyEditorDialog::problem(const QString& name) const
{
    const QLabel* label = name.isEmpty() ? m_generalProblem : m_problems.value(name);
    return label && !label->isHidden() ? label->text() : QString();
}

void KeyEditorDialog::setProblem(const QString& name, const QString& message)
{
    QLabel* label = name.isEmpty() ? m_generalProblem : m_problems.value(name);
    if (!label)
        label = m_generalProblem;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void KeyEditorDialog::clearProblems()
{
    for (QLabel* label : std::as_const(m_problems))
        label->hide();
    m_generalProblem->hide();
}

std::optional<QString> KeyEditorDialog::secretInput() const
{
    const auto text = [this](const char* name) {
        const QLineEdit* input = m_inputs.value(QLatin1StringView(name));
        return input ? input->text().trimmed() : QString();
    };
    switch (provider().credentialKind) {
    case CredentialKind::ApiKey:
    case CredentialKind::OptionalApiKey:
        if (text("api_key").isEmpty() && m_editing)
            return std::nullopt; // unchanged
        return text("api_key"); // when adding, an empty one is for parse() to judge
    case CredentialKind::AwsCredentials: {
        if (!text("api_key").isEmpty())
            return text("api_key");
        if (text("access_key_id").isEmpty() && text("secret_access_key").isEmpty())
            return m_editing ? std::nullopt : std::optional(QString());
        QJsonObject credentials { { QStringLiteral("access_key_id"), text("access_key_id") },
            { QStringLiteral("secret_access_key"), text("secret_access_key") } };
        if (!text("session_token").isEmpty())
            credentials.insert(QStringLiteral("session_token"), text("session_token"));
        return QString::fromUtf8(QJsonDocument(credentials).toJson(QJsonDocument::Compact));
    }
    case CredentialKind::GoogleCredentials:
        if (!m_serviceAccountJson.isEmpty())
            return m_serviceAccountJson;
        if (text("api_key").isEmpty())
            return m_editing ? std::nullopt : std::optional(QString());
        return text("api_key");
    }
    return std::nullopt;
}

QString KeyEditorDialog::secretProblemField() const
{
    // Beside the secret field that was filled in, or the first one.
    QString first;
    for (const CredentialField& field : provider().fields) {
        if (!field.secret)
            continue;
        if (first.isEmpty())
            first = field.name;
        if (const QLineEdit* input = m_inputs.value(field.name); input && !input->text().isEmpty())
            return field.name;
    }
    return first;
}

bool KeyEditorDialog::check()
{
    clearProblems();
    bool fine = true;
    const auto complain = [&](const QString& field, const QString& message) {
        setProblem(field, message);
        fine = false;
    };
    if (auto problem = NameRules::checkKeyLabel(m_inputs.value(labelField)->text()))
        complain(labelField, *problem);
    const QString baseUrl = m_inputs.value(baseUrlField)->text().trimmed();
    if (baseUrl.isEmpty() && provider().requiresBaseUrl)
        complain(
            baseUrlField, tr("%1 keys need the service's base URL.").arg(provider().displayName));
    if (auto problem = baseUrl.isEmpty() ? std::nullopt : KeyService::checkEndpoint(baseUrl))
        complain(baseUrlField, *problem);
    for (const CredentialField& field : provider().settingFields()) {
        if (field.required && m_inputs.value(field.name)->text().trimmed().isEmpty())
            complain(field.name, tr("%1 is needed.").arg(field.label));
    }
    if (const std::optional<QString> secret = secretInput()) {
        if (auto parsed = ProviderCredential::parse(provider(), *secret); !parsed)
            complain(secretProblemField(), parsed.failure().message);
    }
    return fine;
}

KeyFields KeyEditorDialog::formFields() const
{
    KeyFields fields;
    fields.label = m_inputs.value(labelField)->text();
    fields.baseUrl = m_inputs.value(baseUrlField)->text().trimmed();
    fields.enabled = m_enabled->isChecked();
    for (const CredentialField& field : provider().settingFields()) {
        const QString value = m_inputs.value(field.name)->text().trimmed();
        if (m_editing || !value.isEmpty())
            fields.settings.insert(field.name, value);
    }
    return fields;
}

void KeyEditorDialog::testKey()
{
    if (m_testing)
        return;
    check();
    // A test does not need a label; any other problem would make it meaningless.
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it) {
        if (it.key() != labelField && !it.value()->isHidden())
            return;
    }
    setProblem(labelField, {});
    m_testing = true;
    whenFinished(this,
        m_core.testKey(m_editing ? std::optional(m_editing->id) : std::nullopt, m_providerId,
            formFields(), secretInput()),
        [this](const Result<KeyTestResult>& tested) { onTested(tested); });
    m_testButton->setEnabled(false);
    m_testProgress->show();
    showTestResult(tr("Asking %1…").arg(provider().displayName), std::nullopt);
}

void KeyEditorDialog::onTested(const Result<KeyTestResult>& tested)
{
    m_testing = false;
    m_testButton->setEnabled(true);
    m_testProgress->hide();
    if (!tested) {
        // The input could not make a key: said beside the field it is about.
        m_testResult->hide();
        setProblem(tested.failure().field, tested.failure().message);
        return;
    }
    showTestResult(tested->summary(),
        tested->works() ? SemanticColours::Role::Good : SemanticColours::Role::Bad);
}

void KeyEditorDialog::showTestResult(const QString& text, std::optional<SemanticColours::Role> tone)
{
    m_testResult->setText(text);
    m_testResult->setTone(tone);
    m_testResult->show();
}

void KeyEditorDialog::accept()
{
    if (m_saving || !check())
        return;
    KeyFields fields = formFields();
    QCoro::Task<Result<ProviderKey>> saving = [&] {
        if (m_editing)
            return m_core.editKey(m_editing->id, fields, secretInput());
        fields.tier = static_cast<Tier>(m_tier->currentData().toInt());
        return m_core.addKey(m_providerId, fields, secretInput().value_or(QString()));
    }();
    m_saving = true;
    setEnabled(false); // until the keychain and the database have answered
    whenFinished(
        this, std::move(saving), [this](const Result<ProviderKey>& saved) { onSaved(saved); });
}

void KeyEditorDialog::onSaved(const Result<ProviderKey>& saved)
{
    m_saving = false;
    setEnabled(true);
    if (saved)
        QDialog::accept();
    else // beside the field it is about, or below the form
        setProblem(saved.failure().field, saved.failure().message);
}
