#pragma once

#include "app/domain/ProviderKey.h"

#include <QCoreApplication>
#include <QIcon>

// How a provider key is described on the board: its provider's icon, a one-line summary of its
// filters and a tooltip with the rest.
class KeySummary
{
    Q_DECLARE_TR_FUNCTIONS(KeySummary)

public:
    static QIcon providerIcon(const QString& providerId);
    static QString providerName(const QString& providerId);
    static QString filters(const ProviderKey& key);
    static QString tooltip(const ProviderKey& key);
};
