#pragma once

#include "ui/widgets/SemanticColours.h"

#include <QLabel>

#include <optional>

// A label whose text says how something went (a problem in a form, a key test's answer), in
// the semantic colour for that, or in the palette's own text colour when it has no tone. The
// colour follows palette changes: a switch to a dark palette picks the dark variant.
class StatusLabel : public QLabel
{
    Q_OBJECT

public:
    explicit StatusLabel(std::optional<SemanticColours::Role> tone, QWidget* parent = nullptr);

    std::optional<SemanticColours::Role> tone() const { return m_tone; }
    void setTone(std::optional<SemanticColours::Role> tone);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTone();

    std::optional<SemanticColours::Role> m_tone;
};
