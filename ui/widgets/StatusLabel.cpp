#include "ui/widgets/StatusLabel.h"

#include <QEvent>

StatusLabel::StatusLabel(std::optional<SemanticColours::Role> tone, QWidget* parent)
    : QLabel(parent)
    , m_tone(tone)
{
    applyTone();
}

void StatusLabel::setTone(std::optional<SemanticColours::Role> tone)
{
    m_tone = tone;
    applyTone();
}

void StatusLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTone();
}

void StatusLabel::applyTone()
{
    // Only the text colour is the label's own, so the window and base it is picked for still
    // come from the parent and a change there reaches changeEvent. Setting the same colour again
    // changes nothing and sends no further event.
    QPalette own; // no role set
    if (m_tone)
        own.setColor(QPalette::WindowText, SemanticColours::text(*m_tone, palette()));
    setPalette(own);
}
