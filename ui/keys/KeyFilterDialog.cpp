#include "ui/keys/KeyFilterDialog.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "app/keys/KeyModelPreview.h"
#include "router/catalog/ModelPattern.h"
#include "ui/widgets/StatusLabel.h"
#include "ui/widgets/TagEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace {

// How a local API key appears as a tag: its name and masked token, which tell apart two keys
// of the same name.
QString localKeyTag(const LocalApiKey& localKey)
{
    return QStringLiteral("%1 (%2)").arg(localKey.name, localKey.tokenHint);
}

} // namespace

KeyFilterDialog::KeyFilterDialog(AppCore& core, const ProviderKey& key, QWidget* parent)
    : QDialog(parent)
    , m_core(core)
    , m_key(key)
{
    setWindowTitle(tr("Filters of “%1”").arg(key.label));
    buildForm();
    fillChoices();
    m_models->setTags(key.filters.modelPatterns);
    QStringList memberNames;
    for (const Member& member : m_core.members()) {
        if (key.filters.memberIds.contains(member.id))
            memberNames.append(member.name);
    }
    m_members->setTags(memberNames);
    QStringList localKeyTags;
    for (auto it = m_localKeyIds.cbegin(); it != m_localKeyIds.cend(); ++it) {
        if (key.filters.localKeyIds.contains(it.value()))
            localKeyTags.append(it.key());
    }
    m_localKeys->setTags(localKeyTags);
    connect(m_models, &TagEdit::tagsChanged, this, &KeyFilterDialog::updatePreview);
    updatePreview();
}

void KeyFilterDialog::buildForm()
{
    auto* form = new QFormLayout;
    m_models = new TagEdit(this);
    m_models->setObjectName(QStringLiteral("models"));
    m_models->setPlaceholderText(tr("Any model; type an id or a pattern like anthropic/*"));
    m_models->setToolTip(tr("The key serves only these models. Use * for any run of characters, "
                            "e.g. openai/gpt-4.1* or *sonnet*. Empty: every model it can reach."));
    m_models->setCheck([](const QString& text) -> std::optional<QString> {
        if (const Result<ModelPattern> pattern = ModelPattern::parse(text); !pattern)
            return pattern.failure().message;
        return std::nullopt;
    });
    form->addRow(tr("&Models:"), m_models);

    m_members = new TagEdit(this);
    m_members->setObjectName(QStringLiteral("members"));
    m_members->setPlaceholderText(tr("Every member"));
    m_members->setToolTip(tr("Only requests of these members may use the key."));
    form->addRow(tr("M&embers:"), m_members);

    m_localKeys = new TagEdit(this);
    m_localKeys->setObjectName(QStringLiteral("local-keys"));
    m_localKeys->setPlaceholderText(tr("Every local API key"));
    m_localKeys->setToolTip(tr("Only requests made with these local API keys may use the key."));
    form->addRow(tr("&Local API keys:"), m_localKeys);

    m_workspace = new QComboBox(this);
    m_workspace->setObjectName(QStringLiteral("workspace"));
    form->addRow(tr("&Workspace:"), m_workspace);

    m_sharedCapacity = new QComboBox(this);
    m_sharedCapacity->setObjectName(QStringLiteral("shared-capacity"));
    m_sharedCapacity->addItem(tr("May stand in for this key"), int(SharedCapacityPolicy::Allow));
    m_sharedCapacity->addItem(tr("Never for the models this key serves"),
        int(SharedCapacityPolicy::NeverForMatchingModels));
    m_sharedCapacity->addItem(
        tr("Never for any model of this provider"), int(SharedCapacityPolicy::NeverForProvider));
    m_sharedCapacity->setCurrentIndex(m_sharedCapacity->findData(int(m_key.sharedCapacity)));
    const bool prioritized = m_key.tier == Tier::Prioritized;
    m_sharedCapacity->setEnabled(prioritized);
    m_sharedCapacity->setToolTip(prioritized
            ? tr("When this key cannot answer, may keys of the Shared capacity tier answer "
                 "instead?")
            : tr("Only a prioritized key decides whether shared capacity may stand in for it."));
    form->addRow(tr("&Shared capacity:"), m_sharedCapacity);

    m_previewTitle = new QLabel(this);
    m_preview = new QListWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setMinimumHeight(140);
    m_problem = new StatusLabel(SemanticColours::Role::Bad, this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &KeyFilterDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &KeyFilterDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_previewTitle);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(560, 520);
}

void KeyFilterDialog::fillChoices()
{
    QStringList modelCompletions;
    QStringList vendors;
    for (const ModelCatalog::Entry& entry : m_core.catalog().entries()) {
        modelCompletions.append(entry.canonicalId);
        const QString vendor = entry.canonicalId.section(u'/', 0, 0) + QStringLiteral("/*");
        if (!vendors.contains(vendor))
            vendors.append(vendor);
    }
    m_models->setCompletions(vendors + modelCompletions);

    QStringList memberNames;
    for (const Member& member : m_core.members())
        memberNames.append(member.name);
    m_members->setCompletions(memberNames);
    m_members->setCheck([memberNames](const QString& name) -> std::optional<QString> {
        if (memberNames.contains(name))
            return std::nullopt;
        return tr("There is no member “%1”; add members on the Access page.").arg(name);
    });

    for (const LocalApiKey& localKey : m_core.localKeys()) {
        if (!localKey.isRevoked() || m_key.filters.localKeyIds.contains(localKey.id))
            m_localKeyIds.insert(localKeyTag(localKey), localKey.id);
    }
    m_localKeys->setCompletions(m_localKeyIds.keys());
    m_localKeys->setCheck([this](const QString& tag) -> std::optional<QString> {
        if (m_localKeyIds.contains(tag))
            return std::nullopt;
        return tr("Choose one of the local API keys from the list.");
    });

    m_workspace->addItem(tr("All workspaces"), -1);
    for (const Workspace& workspace : m_core.workspaces())
        m_workspace->addItem(workspace.name, workspace.id);
    m_workspace->setCurrentIndex(
        m_key.workspaceId ? std::max(0, m_workspace->findData(*m_key.workspaceId)) : 0);
}

ProviderKey KeyFilterDialog::draft() const
{
    ProviderKey key = m_key;
    key.filters.modelPatterns = m_models->tags();
    return key;
}

void KeyFilterDialog::updatePreview()
{
    const QStringList models = KeyModelPreview::servedModels(draft(), m_core.catalog());
    m_preview->clear();
    m_preview->addItems(models);
    if (models.isEmpty()) {
        m_previewTitle->setText(tr("<b>Serves no model</b> the catalog knows — check the "
                                   "patterns, or the provider's own model ids."));
        return;
    }
    m_previewTitle->setText(
        tr("<b>Serves %n model(s)</b> of the catalog:", nullptr, int(models.size())));
}

QStringList KeyFilterDialog::previewedModels() const
{
    QStringList models;
    for (int row = 0; row < m_preview->count(); ++row)
        models.append(m_preview->item(row)->text());
    return models;
}

QString KeyFilterDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void KeyFilterDialog::accept()
{
    if (m_saving)
        return;
    // What is typed but not yet a tag counts, as a person would expect of "Save".
    for (TagEdit* tags : { m_models, m_members, m_localKeys }) {
        if (!tags->commitInput()) {
            tags->setFocus();
            return;
        }
    }
    KeyFields fields;
    fields.modelPatterns = m_models->tags();
    fields.memberNames = m_members->tags();
    QList<qint64> localKeyIds;
    for (const QString& tag : m_localKeys->tags())
        localKeyIds.append(m_localKeyIds.value(tag));
    fields.localKeyIds = localKeyIds;
    const int workspace = m_workspace->currentData().toInt();
    fields.workspace = workspace < 0 ? QStringLiteral("*") : m_workspace->currentText();
    if (m_sharedCapacity->isEnabled())
        fields.sharedCapacity = SharedCapacityPolicy(m_sharedCapacity->currentData().toInt());
    m_problem->hide();
    setEnabled(false);
    m_saving = true;
    whenFinished(this, m_core.editKey(m_key.id, fields, std::nullopt),
        [this](const Result<ProviderKey>& saved) { onSaved(saved); });
}

void KeyFilterDialog::onSaved(const Result<ProviderKey>& saved)
{
    m_saving = false;
    setEnabled(true);
    if (saved) {
        QDialog::accept();
        return;
    }
    m_problem->setText(saved.failure().message);
    m_problem->show();
}
