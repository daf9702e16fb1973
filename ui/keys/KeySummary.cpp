#include "ui/keys/KeySummary.h"

#include "app/keys/KeyService.h"
#include "router/catalog/ProviderRegistry.h"

#include <QFile>
#include <QHash>

QIcon KeySummary::providerIcon(const QString& providerId)
{
    // Asked for at every paint of a row: one icon per provider, so its SVG is read and rendered
    // once. Icons belong to the GUI thread, as does this cache.
    static QHash<QString, QIcon> icons;
    auto it = icons.find(providerId);
    if (it == icons.end()) {
        const QString path = QStringLiteral(":/icons/providers/%1.svg").arg(providerId);
        it = icons.insert(providerId,
            QIcon(QFile::exists(path) ? path : QStringLiteral(":/icons/providers/generic.svg")));
    }
    return *it;
}

QString KeySummary::providerName(const QString& providerId)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    return provider ? provider->displayName : providerId;
}

QString KeySummary::filters(const ProviderKey& key)
{
    QStringList parts;
    const QStringList& models = key.filters.modelPatterns;
    if (models.isEmpty())
        parts.append(tr("all models"));
    else if (models.size() <= 2)
        parts.append(models.join(QStringLiteral(", ")));
    else
        parts.append(tr("%1 and %n more", nullptr, int(models.size() - 1)).arg(models.first()));
    if (!key.filters.memberIds.isEmpty())
        parts.append(tr("%n member(s)", nullptr, int(key.filters.memberIds.size())));
    if (!key.filters.localKeyIds.isEmpty())
        parts.append(tr("%n local key(s)", nullptr, int(key.filters.localKeyIds.size())));
    if (!key.enabled)
        parts.prepend(tr("disabled"));
    return parts.join(QStringLiteral(" · "));
}

QString KeySummary::tooltip(const ProviderKey& key)
{
    QStringList lines { QStringLiteral("<b>%1</b>").arg(key.label.toHtmlEscaped()),
        tr("%1 key %2").arg(providerName(key.providerId), key.secretHint.toHtmlEscaped()),
        tr("Used for: %1").arg(filters(key).toHtmlEscaped()) };
    if (!key.baseUrl.isEmpty())
        lines.append(tr("Endpoint: %1").arg(key.baseUrl.toHtmlEscaped()));
    if (key.sharedCapacity != SharedCapacityPolicy::Allow)
        lines.append(tr("Forbids shared capacity: stays in Prioritized"));
    if (key.secretMissing)
        lines.append(tr("The keychain no longer has this key's secret"));
    if (const auto refusal = KeyService::endpointRefusal(key))
        lines.append(tr("Not used until its endpoint is edited: %1").arg(refusal->toHtmlEscaped()));
    return lines.join(QStringLiteral("<br>"));
}
