#include "ui/widgets/TagEdit.h"

#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/StatusLabel.h"

#include <QCompleter>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

TagEdit::TagEdit(QWidget* parent)
    : QWidget(parent)
    , m_input(new QLineEdit(this))
    , m_problem(new StatusLabel(SemanticColours::Role::Bad, this))
    , m_completions(new QStringListModel(this))
    , m_completer(new QCompleter(m_completions, this))
{
    auto* frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::Base);
    m_flow = new FlowLayout(frame);
    m_flow->setContentsMargins(4, 4, 4, 4);
    m_input->setObjectName(QStringLiteral("tag-input"));
    m_input->setFrame(false);
    m_input->setMinimumWidth(160);
    m_input->installEventFilter(this);
    m_flow->addWidget(m_input);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_input->setCompleter(m_completer);
    // Choosing a completion takes it at once; the line is cleared after the completer has
    // written its text.
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
        [this](const QString& text) {
            if (addTag(text))
                QMetaObject::invokeMethod(m_input, &QLineEdit::clear, Qt::QueuedConnection);
        });
    connect(m_input, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text.endsWith(u','))
            commitInput();
        else if (!m_problem->isHidden())
            showProblem({});
    });
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(frame);
    layout->addWidget(m_problem);
    setFocusProxy(m_input);
}

void TagEdit::setTags(const QStringList& tags)
{
    for (QWidget* chip : std::as_const(m_chips))
        chip->deleteLater();
    m_chips.clear();
    m_tags.clear();
    for (const QString& tag : tags) {
        if (tag.isEmpty() || m_tags.contains(tag))
            continue;
        m_tags.append(tag);
        m_chips.append(createChip(tag));
        m_flow->insertWidget(m_flow->count() - 1, m_chips.constLast());
    }
    emit tagsChanged(m_tags);
}

void TagEdit::setCompletions(const QStringList& completions)
{
    m_completions->setStringList(completions);
}

void TagEdit::setPlaceholderText(const QString& text)
{
    m_input->setPlaceholderText(text);
}

bool TagEdit::addTag(const QString& text)
{
    const QString tag = text.trimmed();
    if (tag.isEmpty() || m_tags.contains(tag))
        return true;
    if (m_check) {
        if (const std::optional<QString> problem = m_check(tag)) {
            showProblem(*problem);
            return false;
        }
    }
    showProblem({});
    m_tags.append(tag);
    m_chips.append(createChip(tag));
    m_flow->insertWidget(m_flow->count() - 1, m_chips.constLast());
    emit tagsChanged(m_tags);
    return true;
}

void TagEdit::removeTag(const QString& text)
{
    const qsizetype index = m_tags.indexOf(text);
    if (index < 0)
        return;
    m_tags.removeAt(index);
    QWidget* chip = m_chips.takeAt(index);
    m_flow->removeWidget(chip);
    chip->deleteLater();
    m_input->setFocus();
    emit tagsChanged(m_tags);
}

bool TagEdit::commitInput()
{
    QString text = m_input->text();
    text.remove(u',');
    if (!addTag(text))
        return false;
    m_input->clear();
    return true;
}

QString TagEdit::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool TagEdit::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Return adds the tag and is never taken as the dialog's "Save".
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            commitInput();
            return true;
        }
        if (key->key() == Qt::Key_Backspace && m_input->text().isEmpty() && !m_tags.isEmpty()) {
            removeTag(m_tags.constLast());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QWidget* TagEdit::createChip(const QString& text)
{
    auto* chip = new QFrame(this);
    chip->setObjectName(QStringLiteral("tag"));
    chip->setStyleSheet(QStringLiteral(
        "QFrame#tag { background: palette(alternate-base); border: 1px solid palette(mid); "
        "border-radius: 9px; }"));
    auto* row = new QHBoxLayout(chip);
    row->setContentsMargins(8, 1, 2, 1);
    row->setSpacing(2);
    row->addWidget(new QLabel(text, chip));
    auto* remove = new QToolButton(chip);
    remove->setText(QStringLiteral("×"));
    remove->setAutoRaise(true);
    remove->setFocusPolicy(Qt::TabFocus);
    remove->setToolTip(tr("Remove %1").arg(text));
    remove->setAccessibleName(tr("Remove %1").arg(text));
    connect(remove, &QToolButton::clicked, this, [this, text] { removeTag(text); });
    row->addWidget(remove);
    return chip;
}

void TagEdit::showProblem(const QString& problem)
{
    m_problem->setText(problem);
    m_problem->setHidden(problem.isEmpty());
}
