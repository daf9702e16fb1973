#pragma once

#include "app/domain/ProviderKey.h"
#include "router/core/Result.h"

#include <QDialog>
#include <QHash>

class AppCore;
class QComboBox;
class QLabel;
class QListWidget;
class TagEdit;

// Edits what a provider key serves and for whom: its model patterns (completed from the
// catalog, globs allowed), the members and local API keys it is kept for, its workspace and,
// for a prioritized key, whether shared capacity may stand in for it. A live preview lists the
// catalog models the key would serve as the filters stand.
class KeyFilterDialog : public QDialog
{
    Q_OBJECT

public:
    KeyFilterDialog(AppCore& core, const ProviderKey& key, QWidget* parent = nullptr);

    TagEdit* models() const { return m_models; }
    TagEdit* members() const { return m_members; }
    TagEdit* localKeys() const { return m_localKeys; }
    // The models the preview shows, in order.
    QStringList previewedModels() const;
    QString problem() const;

    void accept() override; // saves; closes when the key is stored

private:
    void buildForm();
    void fillChoices();
    void updatePreview();
    ProviderKey draft() const;
    void onSaved(const Result<ProviderKey>& saved);

    AppCore& m_core;
    const ProviderKey m_key;
    TagEdit* m_models = nullptr;
    TagEdit* m_members = nullptr;
    TagEdit* m_localKeys = nullptr;
    QComboBox* m_workspace = nullptr;
    QComboBox* m_sharedCapacity = nullptr;
    QLabel* m_previewTitle = nullptr;
    QListWidget* m_preview = nullptr;
    QLabel* m_problem = nullptr;
    QHash<QString, qint64> m_localKeyIds; // by the text of its tag
    bool m_saving = false;
};
