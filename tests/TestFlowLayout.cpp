#include "ui/widgets/FlowLayout.h"

#include <QTest>
#include <QWidget>

#include <memory>

// Items laid out left to right, wrapping like words: the geometry each item gets, and the height
// the layout asks for at a width.
class TestFlowLayout : public QObject
{
    Q_OBJECT

private:
    // A host with fixed-size children (width × height each) in a flow with `spacing`.
    struct Host
    {
        QWidget widget;
        FlowLayout* layout = nullptr;
        QList<QWidget*> items;

        Host(const QList<QSize>& sizes, int spacing)
            : layout(new FlowLayout(&widget, spacing))
        {
            for (const QSize& size : sizes) {
                auto* item = new QWidget(&widget);
                item->setFixedSize(size);
                layout->addWidget(item);
                items.append(item);
            }
        }

        QRect at(int index) const { return items.at(index)->geometry(); }
    };

private slots:
    void itemsThatFitShareOneLine()
    {
        Host host({ { 30, 10 }, { 40, 20 }, { 50, 15 } }, 5);
        QCOMPARE(host.layout->count(), 3);
        host.layout->setGeometry(QRect(0, 0, 200, 100));
        QCOMPARE(host.at(0), QRect(0, 0, 30, 10));
        QCOMPARE(host.at(1), QRect(35, 0, 40, 20));
        QCOMPARE(host.at(2), QRect(80, 0, 50, 15));
        QCOMPARE(host.layout->heightForWidth(200), 20); // the tallest item of the line
    }

    void itemsWrapWhenTheWidthRunsOut()
    {
        Host host({ { 30, 10 }, { 40, 20 }, { 50, 15 } }, 5);
        // 30 + 5 + 40 = 75 fits in 100; the third would end at 130.
        host.layout->setGeometry(QRect(0, 0, 100, 100));
        QCOMPARE(host.at(0), QRect(0, 0, 30, 10));
        QCOMPARE(host.at(1), QRect(35, 0, 40, 20));
        QCOMPARE(host.at(2), QRect(0, 25, 50, 15)); // below the first line's tallest, plus spacing
        QCOMPARE(host.layout->heightForWidth(100), 40);
    }

    void anItemThatEndsExactlyAtTheEdgeStays()
    {
        Host host({ { 30, 10 }, { 40, 10 } }, 5);
        host.layout->setGeometry(QRect(0, 0, 75, 50));
        QCOMPARE(host.at(1), QRect(35, 0, 40, 10));
        QCOMPARE(host.layout->heightForWidth(75), 10);
        host.layout->setGeometry(QRect(0, 0, 74, 50));
        QCOMPARE(host.at(1), QRect(0, 15, 40, 10));
        QCOMPARE(host.layout->heightForWidth(74), 25);
    }

    void eachItemGetsItsOwnLineWhenNarrow()
    {
        Host host({ { 30, 10 }, { 40, 20 }, { 50, 15 } }, 4);
        host.layout->setGeometry(QRect(0, 0, 20, 100)); // narrower than any item
        QCOMPARE(host.at(0), QRect(0, 0, 30, 10)); // too wide, but never pushed to an empty line
        QCOMPARE(host.at(1), QRect(0, 14, 40, 20));
        QCOMPARE(host.at(2), QRect(0, 38, 50, 15));
        QCOMPARE(host.layout->heightForWidth(20), 53);
    }

    void theHeightGrowsAsTheWidthShrinks()
    {
        Host host({ { 20, 10 }, { 20, 10 }, { 20, 10 }, { 20, 10 } }, 2);
        QVERIFY(host.layout->hasHeightForWidth());
        QCOMPARE(host.layout->heightForWidth(1000), 10);
        QCOMPARE(host.layout->heightForWidth(86), 10);
        QCOMPARE(host.layout->heightForWidth(85), 22);
        QCOMPARE(host.layout->heightForWidth(64), 22);
        QCOMPARE(host.layout->heightForWidth(63), 22); // two lines of two
        QCOMPARE(host.layout->heightForWidth(42), 22);
        QCOMPARE(host.layout->heightForWidth(41), 46); // one item a line
        QCOMPARE(host.layout->heightForWidth(5), 46);
    }

    void marginsAndAnOffsetRectAreRespected()
    {
        Host host({ { 30, 10 }, { 40, 20 } }, 5);
        host.layout->setContentsMargins(3, 7, 11, 13);
        host.layout->setGeometry(QRect(100, 50, 3 + 75 + 11, 200));
        QCOMPARE(host.at(0), QRect(103, 57, 30, 10));
        QCOMPARE(host.at(1), QRect(138, 57, 40, 20));
        QCOMPARE(host.layout->heightForWidth(3 + 75 + 11), 7 + 20 + 13);
        // One pixel less and the second wraps.
        host.layout->setGeometry(QRect(100, 50, 3 + 74 + 11, 200));
        QCOMPARE(host.at(1), QRect(103, 72, 40, 20));
        QCOMPARE(host.layout->heightForWidth(3 + 74 + 11), 7 + 10 + 5 + 20 + 13);
    }

    void hiddenItemsTakeNoPlace()
    {
        Host host({ { 30, 10 }, { 40, 20 }, { 50, 15 } }, 5);
        host.items[1]->hide();
        host.layout->setGeometry(QRect(0, 0, 100, 100));
        QCOMPARE(host.at(2), QRect(35, 0, 50, 15));
        QCOMPARE(host.layout->heightForWidth(100), 15);
    }

    void theMinimumSizeIsTheWidestItem()
    {
        Host host({ { 30, 10 }, { 60, 5 }, { 20, 25 } }, 5);
        QCOMPARE(host.layout->minimumSize(), QSize(60, 25));
        QCOMPARE(host.layout->sizeHint(), QSize(60, 25));
        host.layout->setContentsMargins(2, 3, 4, 5);
        QCOMPARE(host.layout->minimumSize(), QSize(66, 33));
        QCOMPARE(host.layout->expandingDirections(), Qt::Orientations());
    }

    void anEmptyLayoutNeedsOnlyItsMargins()
    {
        Host host({}, 5);
        QCOMPARE(host.layout->heightForWidth(100), 0);
        host.layout->setContentsMargins(5, 5, 5, 5);
        QCOMPARE(host.layout->heightForWidth(100), 10);
        QCOMPARE(host.layout->minimumSize(), QSize(10, 10));
    }

    void insertWidgetPlacesBeforeTheIndex()
    {
        Host host({ { 30, 10 }, { 40, 10 } }, 5);
        auto* first = new QWidget(&host.widget);
        first->setFixedSize(10, 10);
        auto* last = new QWidget(&host.widget);
        last->setFixedSize(20, 10);
        host.layout->insertWidget(0, first);
        host.layout->insertWidget(99, last); // past the end: appended
        QCOMPARE(host.layout->count(), 4);
        QCOMPARE(host.layout->itemAt(0)->widget(), first);
        QCOMPARE(host.layout->itemAt(3)->widget(), last);
        QCOMPARE(first->parentWidget(), &host.widget);
        host.layout->setGeometry(QRect(0, 0, 500, 50));
        QCOMPARE(first->geometry(), QRect(0, 0, 10, 10));
        QCOMPARE(host.at(0), QRect(15, 0, 30, 10));
        QCOMPARE(last->geometry(), QRect(95, 0, 20, 10));
    }

    void takeAtHandsTheItemOver()
    {
        Host host({ { 30, 10 }, { 40, 10 } }, 5);
        QVERIFY(!host.layout->takeAt(-1));
        QVERIFY(!host.layout->takeAt(2));
        QVERIFY(!host.layout->itemAt(2));
        std::unique_ptr<QLayoutItem> taken(host.layout->takeAt(0));
        QVERIFY(taken);
        QCOMPARE(taken->widget(), host.items[0]);
        QCOMPARE(host.layout->count(), 1);
        host.layout->setGeometry(QRect(0, 0, 500, 50));
        QCOMPARE(host.at(1), QRect(0, 0, 40, 10));
    }

    void aShownWidgetIsLaidOutByItsLayout()
    {
        Host host({ { 50, 20 }, { 50, 20 }, { 50, 20 } }, 6);
        host.widget.resize(120, 100);
        host.widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host.widget));
        QCOMPARE(host.at(0), QRect(0, 0, 50, 20));
        QCOMPARE(host.at(1), QRect(56, 0, 50, 20));
        QCOMPARE(host.at(2), QRect(0, 26, 50, 20));
    }
};

QTEST_MAIN(TestFlowLayout)
#include "TestFlowLayout.moc"
