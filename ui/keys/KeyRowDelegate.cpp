#include "KeyRowDelegate.h"

#include "TierListModel.h"

#include <QApplication>
#include <QPainter>

void KeyRowDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = QIcon();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QRect area = option.rect.adjusted(margin, margin, -margin, -margin);
    const QRect iconRect(
        area.left(), area.top() + (area.height() - iconSize) / 2, iconSize, iconSize);
    index.data(Qt::DecorationRole).value<QIcon>().paint(painter, iconRect);

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group
        = option.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QColor primary
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor secondary = primary;
    secondary.setAlphaF(0.7f);

    const QRect text = area.adjusted(iconSize + margin, 0, 0, 0);
    QFont bold = option.font;
    bold.setBold(true);
    const int lineHeight = QFontMetrics(option.font).height();
    painter->save();
    painter->setFont(bold);
    painter->setPen(primary);
    const QRect first(text.left(), text.top(), text.width(), lineHeight);
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, first.width()));
    painter->setFont(option.font);
    painter->setPen(secondary);
    const QRect second(text.left(), first.bottom() + 1, text.width(), lineHeight);
    const QString details = index.data(TierListModel::SecretHintRole).toString()
        + QStringLiteral("  ·  ") + index.data(TierListModel::FilterSummaryRole).toString();
    painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(details, Qt::ElideRight, second.width()));
    painter->restore();
}

QSize KeyRowDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const int lines = 2 * QFontMetrics(option.font).height() + 1;
    return { 240, std::max(lines, iconSize) + 2 * margin };
}
