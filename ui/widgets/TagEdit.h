#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class FlowLayout;
class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

// A list of short texts shown as removable chips, with a line to type a new one (completed
// from a list) — a key's model patterns, members or local API keys. Return or a comma adds
// what was typed, Backspace in the empty line removes the last chip, and each chip's × button
// removes it. A check may refuse a text; its reason is shown below.
class TagEdit : public QWidget
{
    Q_OBJECT

public:
    // The reason a text cannot be a tag, or nothing when it can.
    using Check = std::function<std::optional<QString>(const QString& text)>;

    explicit TagEdit(QWidget* parent = nullptr);

    QStringList tags() const { return m_tags; }
    void setTags(const QStringList& tags);
    void setCompletions(const QStringList& completions);
    void setCheck(Check check) { m_check = std::move(check); }
    void setPlaceholderText(const QString& text);

    // Adds `text` (trimmed) unless it is empty, already there or refused by the check; false
    // with the reason shown when it was refused.
    bool addTag(const QString& text);
    void removeTag(const QString& text);
    // Adds what is typed and not yet a chip; false when that was refused.
    bool commitInput();

    QLineEdit* input() const { return m_input; }
    QString problem() const;

signals:
    void tagsChanged(const QStringList& tags);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* createChip(const QString& text);
    void showProblem(const QString& problem);

    FlowLayout* m_flow = nullptr;
    QLineEdit* m_input = nullptr;
    QLabel* m_problem = nullptr;
    QStringListModel* m_completions = nullptr;
    QCompleter* m_completer = nullptr;
    QStringList m_tags;
    QList<QWidget*> m_chips;
    Check m_check;
};
