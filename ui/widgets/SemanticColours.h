#pragma once

#include <QColor>
#include <QPalette>

// The colours the palette has no role for: what went well, what waits, what is broken (health
// badges, key tests, problems in forms, request outcomes). Every widget asks here, with the
// palette it paints with, so one place decides them and they stay readable on light and on dark
// palettes alike.
class SemanticColours
{
public:
    enum class Role { Good, Waiting, Bad };

    // Text in `role` on the palette's window or base: at least minimumTextContrast against both.
    static QColor text(Role role, const QPalette& palette);
    // A health badge: `text(role)` on this fill, a tint of the base under it.
    static QColor badgeFill(Role role, const QPalette& palette);

    // Dark palettes get light colours: decided by the window's luminance.
    static bool isDark(const QPalette& palette);
    // WCAG 2 contrast ratio, 1 to 21.
    static double contrast(const QColor& a, const QColor& b);

    static constexpr double minimumTextContrast = 4.5;

private:
    static QColor designed(Role role, bool dark);
    static double luminance(const QColor& colour);
    static QColor blend(const QColor& under, const QColor& over, double amount);
};
