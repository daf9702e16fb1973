#pragma once

#include "router/catalog/ProviderDescriptor.h"

#include <QList>

// The providers Keyway knows, in the order forms and help list them.
class ProviderRegistry
{
public:
    static const QList<ProviderDescriptor>& all();
    static const ProviderDescriptor* find(QStringView id);
    static QStringList ids();
    // The names of every provider-specific setting, for the CLI's options.
    static QStringList settingNames();
};
