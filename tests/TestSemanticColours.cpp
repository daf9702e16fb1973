#include "tests/support/TestPalettes.h"
#include "ui/widgets/SemanticColours.h"
#include "ui/widgets/StatusLabel.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <cmath>

using Role = SemanticColours::Role;

// The colours the palette has no role for stay readable on light and dark palettes: text at
// least 4.5:1 against the window and the views (WCAG AA), a badge's text 3:1 against its fill;
// they keep their meaning (green, amber, red); labels follow a change of palette.
class TestSemanticColours : public QObject
{
    Q_OBJECT

private:
    // WCAG 2's relative luminance and contrast ratio, written out here again so that a mistake
    // in the class's own does not check itself.
    static double luminance(const QColor& colour)
    {
        const auto linear = [](double c) {
            return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF());
    }
    static double contrast(const QColor& a, const QColor& b)
    {
        const double la = luminance(a);
        const double lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    }
    static QPalette fusionLight()
    {
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        return fusion->standardPalette();
    }
    static QString describe(Role role, const QColor& colour, const QColor& against, double ratio)
    {
        return QStringLiteral("role %1: %2 on %3 is %4:1")
            .arg(int(role))
            .arg(colour.name(), against.name())
            .arg(ratio, 0, 'f', 2);
    }

private slots:
    // The class's ratio is the one WCAG 2 defines, whichever colour comes first (it once read
    // two temporaries after their end; the sanitized suite, scripts/test-sanitized.sh, saw it).
    void contrastIsWcags()
    {
        QCOMPARE(SemanticColours::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(SemanticColours::contrast(Qt::white, Qt::black), 21.0);
        QCOMPARE(
            SemanticColours::contrast(QColor(0x80, 0x80, 0x80), QColor(0x80, 0x80, 0x80)), 1.0);
        const QColor green(0x16, 0x80, 0x3c);
        const QColor base(0xfa, 0xf9, 0xf8);
        QVERIFY(qFuzzyCompare(SemanticColours::contrast(green, base), contrast(green, base)));
        QVERIFY(qFuzzyCompare(SemanticColours::contrast(base, green), contrast(green, base)));
    }

    void readable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("Fusion light") << fusionLight();
        QTest::newRow("application default") << QApplication::palette();
        QTest::newRow("Fusion dark") << TestPalettes::dark();
        QTest::newRow("Breeze dark") << TestPalettes::breezeDark();
        QTest::newRow("white") << TestPalettes::plain(Qt::white, Qt::black);
        QTest::newRow("black") << TestPalettes::plain(Qt::black, Qt::white);
        QTest::newRow("grey") << TestPalettes::plain(QColor(0x80, 0x80, 0x80), Qt::black);
        QTest::newRow("dark grey") << TestPalettes::plain(QColor(0x5a, 0x5a, 0x5a), Qt::white);
    }
    void readable()
    {
        QFETCH(QPalette, palette);
        const QColor window = palette.color(QPalette::Window);
        const QColor base = palette.color(QPalette::Base);
        for (Role role : { Role::Good, Role::Waiting, Role::Bad }) {
            const QColor text = SemanticColours::text(role, palette);
            for (const QColor& background : { window, base }) {
                const double ratio = contrast(text, background);
                QVERIFY2(ratio >= 4.5, qPrintable(describe(role, text, background, ratio)));
            }
            const QColor fill = SemanticColours::badgeFill(role, palette);
            const double badge = contrast(text, fill);
            QVERIFY2(badge >= 3.0, qPrintable(describe(role, text, fill, badge)));
        }
    }

    void keepTheirMeaning_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << fusionLight();
        QTest::newRow("dark") << TestPalettes::dark();
    }
    void keepTheirMeaning()
    {
        QFETCH(QPalette, palette);
        const auto hue = [&](Role role) {
            return SemanticColours::text(role, palette).hslHue();
        };
        const auto saturated = [&](Role role) {
            return SemanticColours::text(role, palette).hslSaturationF() > 0.4;
        };
        QVERIFY(hue(Role::Good) >= 90 && hue(Role::Good) <= 160);
        QVERIFY(hue(Role::Waiting) >= 20 && hue(Role::Waiting) <= 50);
        QVERIFY(hue(Role::Bad) <= 10 || hue(Role::Bad) >= 345);
        for (Role role : { Role::Good, Role::Waiting, Role::Bad })
            QVERIFY2(saturated(role), qPrintable(QString::number(int(role))));
        // And a badge is tinted, not plain base.
        QVERIFY(SemanticColours::badgeFill(Role::Bad, palette) != palette.color(QPalette::Base));
    }

    void tellsDarkFromLight()
    {
        QVERIFY(!SemanticColours::isDark(fusionLight()));
        QVERIFY(SemanticColours::isDark(TestPalettes::dark()));
        QVERIFY(SemanticColours::isDark(TestPalettes::breezeDark()));
        QVERIFY(SemanticColours::text(Role::Bad, fusionLight())
            != SemanticColours::text(Role::Bad, TestPalettes::dark()));
    }

    void labelFollowsAChangeOfPalette()
    {
        QWidget window;
        window.setPalette(fusionLight());
        auto* label = new StatusLabel(Role::Bad, &window);
        const auto shown = [label] {
            return label->palette().color(QPalette::WindowText);
        };
        QCOMPARE(shown(), SemanticColours::text(Role::Bad, fusionLight()));

        window.setPalette(TestPalettes::dark());
        QCOMPARE(
            label->palette().color(QPalette::Window), TestPalettes::dark().color(QPalette::Window));
        QCOMPARE(shown(), SemanticColours::text(Role::Bad, TestPalettes::dark()));

        label->setTone(Role::Good);
        QCOMPARE(shown(), SemanticColours::text(Role::Good, TestPalettes::dark()));
        // Without a tone: the palette's own text colour, which follows the window's again.
        label->setTone(std::nullopt);
        QCOMPARE(shown(), TestPalettes::dark().color(QPalette::WindowText));
        window.setPalette(fusionLight());
        QCOMPARE(shown(), fusionLight().color(QPalette::WindowText));
    }

    void labelFollowsTheApplicationPalette()
    {
        const QPalette before = QApplication::palette();
        QWidget window;
        auto* label = new StatusLabel(Role::Waiting, &window);
        // The widgets hear of it through posted events.
        QApplication::setPalette(TestPalettes::dark());
        QTRY_COMPARE(label->palette().color(QPalette::WindowText),
            SemanticColours::text(Role::Waiting, TestPalettes::dark()));
        QApplication::setPalette(before);
        QTRY_COMPARE(label->palette().color(QPalette::WindowText),
            SemanticColours::text(Role::Waiting, before));
    }
};

QTEST_MAIN(TestSemanticColours)
#include "TestSemanticColours.moc"
