#pragma once

#include "app/domain/ProviderKey.h"
#include "app/keys/KeyFields.h"
#include "app/keys/KeyTestResult.h"
#include "router/core/Result.h"
#include "ui/widgets/SemanticColours.h"

#include <QDialog>
#include <QHash>

#include <optional>

class AppCore;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QProgressBar;
class QPushButton;
class StatusLabel;
struct ProviderDescriptor;

// Adds or edits a provider key: a form per provider built from its descriptor (the secret's
// parts, its settings, the endpoint), checked as the person saves with the problem beside the
// field it concerns. The secret goes to the keychain through the app layer and is never shown
// again: editing leaves it unchanged unless a new one is typed.
class KeyEditorDialog : public QDialog
{
    Q_OBJECT

public:
    // Adding a key.
    explicit KeyEditorDialog(AppCore& core, QWidget* parent = nullptr);
    // Editing `key`.
    KeyEditorDialog(AppCore& core, const ProviderKey& key, QWidget* parent = nullptr);

    // The input of a field by name ("label", "base_url", "api_key", "region"...), for tests.
    QLineEdit* input(const QString& name) const { return m_inputs.value(name); }
    // The problem shown beside a field, or an empty string.
    QString problem(const QString& name) const;
    void selectProvider(const QString& providerId);
    // Loads a Google service-account key from a file (what "Choose file…" does).
    bool importServiceAccount(const QString& path);

    void accept() override; // checks, then saves; closes when the key is stored
    // Checks the key as the form has it with its provider; the verdict shows beside the button.
    void testKey();
    QString testResult() const;

private:
    void buildCommonFields();
    void buildProviderFields();
    QLayout* buildTestRow();
    KeyFields formFields() const;
    void onTested(const Result<KeyTestResult>& tested);
    void showTestResult(const QString& text, std::optional<SemanticColours::Role> tone);
    const ProviderDescriptor& provider() const;
    // A field with its problem label below it, at `row` of the form (the end when -1).
    QLineEdit* addInput(const QString& name, const QString& label, int row = -1);
    void setProblem(const QString& name, const QString& message);
    void clearProblems();
    bool check();
    // The secret as typed (in the form ProviderCredential reads), or nothing when none was.
    std::optional<QString> secretInput() const;
    QString secretProblemField() const;
    void save();
    void onSaved(const Result<ProviderKey>& saved);

    AppCore& m_core;
    std::optional<ProviderKey> m_editing;
    QString m_providerId;
    QComboBox* m_providers = nullptr;
    QComboBox* m_tier = nullptr;
    QCheckBox* m_enabled = nullptr;
    QFormLayout* m_form = nullptr;
    int m_firstProviderRow = 0;
    int m_providerRows = 0;
    QLabel* m_generalProblem = nullptr;
    QHash<QString, QLineEdit*> m_inputs;
    QHash<QString, QLabel*> m_problems;
    QString m_serviceAccountJson;
    bool m_saving = false;
    QPushButton* m_testButton = nullptr;
    QProgressBar* m_testProgress = nullptr;
    StatusLabel* m_testResult = nullptr;
    bool m_testing = false;
};
