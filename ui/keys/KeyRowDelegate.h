#pragma once

#include <QStyledItemDelegate>

// A board row: the provider's icon, the label, and below it the masked secret and what the key
// is used for.
class KeyRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static constexpr int margin = 6;
    static constexpr int iconSize = 28;
};
