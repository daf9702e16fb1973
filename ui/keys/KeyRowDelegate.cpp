#include "ui/keys/KeyRowDelegate.h"

#include "ui/keys/TierListModel.h"
#include "ui/widgets/SemanticColours.h"

#include <QApplication>
#include <QPainter>

namespace {

SemanticColours::Role badgeTone(TierListModel::HealthLevel level)
{
    switch (level) {
    case TierListModel::HealthLevel::Ready:
        return SemanticColours::Role::Good;
    case TierListModel::HealthLevel::Waiting:
        return SemanticColours::Role::Waiting;
    case TierListModel::HealthLevel::Broken:
        return SemanticColours::Role::Bad;
    }
    return SemanticColours::Role::Bad;
}

} // namespace

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

    // The health badge: a pill at the right of the first line.
    const QString badge = index.data(TierListModel::HealthTextRole).toString();
    const QFontMetrics small(option.font);
    const int badgeWidth = small.horizontalAdvance(badge) + 12;
    const QRect pill(area.right() - badgeWidth, area.top(), badgeWidth, small.height() + 2);
    const auto level = static_cast<TierListModel::HealthLevel>(
        index.data(TierListModel::HealthLevelRole).toInt());
    const SemanticColours::Role tone = badgeTone(level);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    // An opaque fill, so the badge reads the same on a selected (highlighted) row.
    painter->setBrush(SemanticColours::badgeFill(tone, option.palette));
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setPen(SemanticColours::text(tone, option.palette));
    painter->drawText(pill, Qt::AlignCenter, badge);
    painter->restore();

    const QRect text = area.adjusted(iconSize + margin, 0, -(badgeWidth + margin), 0);
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
    // The second line runs under the badge too: the usage at its right end, what the key is
    // and serves before it, shortened if need be.
    QRect second(text.left(), first.bottom() + 1, area.right() - text.left(), lineHeight);
    if (const QString usage = index.data(TierListModel::UsageRole).toString(); !usage.isEmpty()) {
        const int usageWidth = option.fontMetrics.horizontalAdvance(usage);
        painter->drawText(second, Qt::AlignRight | Qt::AlignVCenter, usage);
        second.setRight(second.right() - usageWidth - 2 * margin);
    }
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
