#include "ui/widgets/SemanticColours.h"

#include <algorithm>
#include <cmath>

namespace {

// The luminance at which black and white text contrast equally with a background.
constexpr double middleLuminance = 0.179;
constexpr double badgeTint = 0.14;

} // namespace

QColor SemanticColours::text(Role role, const QPalette& palette)
{
    const bool dark = isDark(palette);
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    // The designed colours fit the usual palettes; an unusual one (a grey window, a high
    // contrast theme) moves them towards white or black, keeping their hue, until they are read.
    const QColor away = dark ? QColor(Qt::white) : QColor(Qt::black);
    QColor colour = designed(role, dark);
    for (int step = 0; step < 20; ++step) {
        if (std::min(contrast(colour, window), contrast(colour, base)) >= minimumTextContrast)
            break;
        colour = blend(colour, away, 0.15);
    }
    return colour;
}

QColor SemanticColours::badgeFill(Role role, const QPalette& palette)
{
    return blend(palette.color(QPalette::Active, QPalette::Base), text(role, palette), badgeTint);
}

bool SemanticColours::isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Active, QPalette::Window)) < middleLuminance;
}

double SemanticColours::contrast(const QColor& a, const QColor& b)
{
    // std::minmax of two values returns references to them: to temporaries here, gone at the
    // end of the line (AddressSanitizer's stack-use-after-scope). The list form returns copies.
    const auto [darker, lighter] = std::minmax({ luminance(a), luminance(b) });
    return (lighter + 0.05) / (darker + 0.05);
}

QColor SemanticColours::designed(Role role, bool dark)
{
    switch (role) {
    case Role::Good:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x16, 0x80, 0x3c);
    case Role::Waiting:
        return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xb4, 0x53, 0x09);
    case Role::Bad:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x26, 0x1d);
    }
    return {};
}

double SemanticColours::luminance(const QColor& colour)
{
    const auto linear = [](double channel) {
        return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF());
}

QColor SemanticColours::blend(const QColor& under, const QColor& over, double amount)
{
    const auto mix = [amount](double a, double b) {
        return float(a + (b - a) * amount);
    };
    return QColor::fromRgbF(mix(under.redF(), over.redF()), mix(under.greenF(), over.greenF()),
        mix(under.blueF(), over.blueF()));
}
