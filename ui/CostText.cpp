#include "ui/CostText.h"

#include <QLocale>

QString CostText::format(const std::optional<double>& dollars)
{
    if (!dollars)
        return QStringLiteral("—");
    const QLocale locale;
    const QString symbol = QStringLiteral("$");
    if (*dollars > 0 && *dollars < 0.0001)
        return tr("< %1").arg(locale.toCurrencyString(0.0001, symbol, 4));
    // A single answer often costs a fraction of a cent; a month's use, dollars.
    const int decimals = *dollars < 1 ? 4 : 2;
    return locale.toCurrencyString(*dollars, symbol, decimals);
}
