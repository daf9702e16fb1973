#pragma once

#include <QColor>
#include <QPalette>

// Palettes the window is checked and pictured under. Header-only: the test support library
// links no QtGui.
class TestPalettes
{
public:
    // The usual dark Fusion palette, as dark themes and `-platformtheme` users see the window.
    static QPalette dark()
    {
        QPalette palette;
        const QColor window(0x35, 0x35, 0x35);
        const QColor text(0xee, 0xee, 0xee);
        const QColor quiet(0x8c, 0x8c, 0x8c);
        const QColor highlight(0x2a, 0x82, 0xda);
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
        palette.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
        palette.setColor(QPalette::ToolTipBase, window);
        palette.setColor(QPalette::ToolTipText, text);
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::PlaceholderText, quiet);
        palette.setColor(QPalette::Button, window);
        palette.setColor(QPalette::ButtonText, text);
        palette.setColor(QPalette::BrightText, Qt::white);
        palette.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
        palette.setColor(QPalette::Midlight, QColor(0x42, 0x42, 0x42));
        palette.setColor(QPalette::Mid, QColor(0x5a, 0x5a, 0x5a));
        palette.setColor(QPalette::Dark, QColor(0x23, 0x23, 0x23));
        palette.setColor(QPalette::Shadow, QColor(0x14, 0x14, 0x14));
        palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf5));
        palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf3));
        palette.setColor(QPalette::Highlight, highlight);
        palette.setColor(QPalette::HighlightedText, Qt::white);
        for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
            palette.setColor(QPalette::Disabled, role, quiet);
        palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
        return palette;
    }

    // Breeze Dark's window and views, a little darker and bluer than Fusion's.
    static QPalette breezeDark()
    {
        QPalette palette = dark();
        palette.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
        palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
        return palette;
    }

    // One colour for window and views, as high-contrast and some grey themes have.
    static QPalette plain(const QColor& background, const QColor& text)
    {
        QPalette palette(text, background);
        palette.setColor(QPalette::Base, background);
        palette.setColor(QPalette::Text, text);
        return palette;
    }
};
