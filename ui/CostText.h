#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// An estimated cost as people read it: in US dollars, in the locale's number format, with as
// many decimals as a small amount needs.
class CostText
{
    Q_DECLARE_TR_FUNCTIONS(CostText)

public:
    // "—" when no price was known, which is not the same as free.
    static QString format(const std::optional<double>& dollars);
};
