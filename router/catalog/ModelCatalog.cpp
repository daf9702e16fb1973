#include "router/catalog/ModelCatalog.h"

#include "router/catalog/ModelPattern.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ModelCatalog)
};

// A model id: the characters a model pattern allows, and no wildcard.
Result<void> checkModelId(const QString& text)
{
    if (const Result<ModelPattern> pattern = ModelPattern::parse(text); !pattern)
        return pattern.failure();
    if (text.contains(u'*') || text.contains(u'?'))
        return invalidInput(
            Text::tr("A model id cannot contain \"*\" or \"?\": \"%1\".").arg(text));
    return {};
}

Result<ModelPrice> priceFromJson(const QJsonObject& pricing)
{
    ModelPrice price;
    const std::pair<const char*, double*> parts[] = { { "input", &price.input },
        { "output", &price.output }, { "cached_input", &price.cachedInput } };
    for (const auto& [name, target] : parts) {
        const QJsonValue value = pricing.value(QLatin1StringView(name));
        if (value.isUndefined())
            continue;
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0)
            return invalidInput(
                Text::tr("The price \"%1\" must be a number of dollars per million tokens, "
                         "0 or more.")
                    .arg(QLatin1StringView(name)));
        *target = value.toDouble();
    }
    // Without its own cached price, a cached token costs what any prompt token does.
    if (!pricing.contains(QStringLiteral("cached_input")))
        price.cachedInput = price.input;
    return price;
}

} // namespace

Result<ModelCatalog::Entry> ModelCatalog::entryFromJson(const QJsonObject& object)
{
    Entry entry;
    entry.canonicalId = object.value(QStringLiteral("id")).toString();
    if (const Result<void> id = checkModelId(entry.canonicalId); !id)
        return id.failure();
    entry.displayName = object.value(QStringLiteral("name")).toString(entry.canonicalId);
    for (const QJsonValue& alias : object.value(QStringLiteral("aliases")).toArray()) {
        if (const Result<void> id = checkModelId(alias.toString()); !id)
            return id.failure();
        entry.aliases.append(alias.toString());
    }
    const QJsonObject natives = object.value(QStringLiteral("native_ids")).toObject();
    for (auto it = natives.begin(); it != natives.end(); ++it) {
        if (const Result<void> id = checkModelId(it.value().toString()); !id)
            return id.failure();
        entry.nativeIds.insert(it.key(), it.value().toString());
    }
    const QJsonValue context = object.value(QStringLiteral("context_length"));
    if (!context.isUndefined() && (!context.isDouble() || context.toInteger(-1) < 0))
        return invalidInput(Text::tr("The context length must be a number of tokens."));
    entry.contextLength = context.toInteger();
    if (const QJsonValue pricing = object.value(QStringLiteral("pricing")); pricing.isObject()) {
        const Result<ModelPrice> price = priceFromJson(pricing.toObject());
        if (!price)
            return price.failure();
        entry.price = *price;
    }
    return entry;
}

QJsonObject ModelCatalog::entryToJson(const Entry& entry)
{
    QJsonObject object { { QStringLiteral("id"), entry.canonicalId },
        { QStringLiteral("name"), entry.displayName } };
    if (!entry.aliases.isEmpty())
        object.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(entry.aliases));
    if (entry.contextLength > 0)
        object.insert(QStringLiteral("context_length"), entry.contextLength);
    if (entry.price) {
        object.insert(QStringLiteral("pricing"),
            QJsonObject { { QStringLiteral("input"), entry.price->input },
                { QStringLiteral("output"), entry.price->output },
                { QStringLiteral("cached_input"), entry.price->cachedInput } });
    }
    QJsonObject natives;
    for (auto it = entry.nativeIds.cbegin(); it != entry.nativeIds.cend(); ++it)
        natives.insert(it.key(), it.value());
    object.insert(QStringLiteral("native_ids"), natives);
    return object;
}

Result<ModelCatalog> ModelCatalog::fromJson(const QByteArray& json)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidInput(parseError.errorString());
    const QJsonValue models = document.object().value(QStringLiteral("models"));
    if (!models.isArray())
        return invalidInput(Text::tr("The catalog has no \"models\" list."));
    ModelCatalog catalog;
    for (const QJsonValue& model : models.toArray()) {
        Result<Entry> entry = entryFromJson(model.toObject());
        if (!entry) {
            return invalidInput(Text::tr("Model %1: %2")
                                    .arg(model.toObject().value(QStringLiteral("id")).toString(),
                                        entry.failure().message));
        }
        catalog.add(std::move(*entry));
    }
    return catalog;
}

void ModelCatalog::add(Entry entry)
{
    const auto same = std::find_if(m_entries.begin(), m_entries.end(), [&entry](const Entry& e) {
        return e.canonicalId.compare(entry.canonicalId, Qt::CaseInsensitive) == 0;
    });
    if (same != m_entries.end())
        *same = std::move(entry);
    else
        m_entries.append(std::move(entry));
    reindex();
}

bool ModelCatalog::addAlias(const QString& alias, QStringView modelId)
{
    Entry* entry = findMutable(modelId);
    if (!entry)
        return false;
    if (!entry->aliases.contains(alias, Qt::CaseInsensitive)) {
        entry->aliases.append(alias);
        reindex();
    }
    return true;
}

const ModelCatalog::Entry* ModelCatalog::find(QStringView requestedId) const
{
    const auto it = m_byName.constFind(requestedId.toString().toLower());
    return it == m_byName.cend() ? nullptr : &m_entries.at(*it);
}

std::optional<ModelPrice> ModelCatalog::priceOf(const QStringList& names) const
{
    for (const QString& name : names) {
        if (const Entry* entry = find(name); entry && entry->price)
            return entry->price;
    }
    return std::nullopt;
}

ModelCatalog::Entry* ModelCatalog::findMutable(QStringView requestedId)
{
    const auto it = m_byName.constFind(requestedId.toString().toLower());
    return it == m_byName.cend() ? nullptr : &m_entries[*it];
}

void ModelCatalog::reindex()
{
    // Every request looks models up, several times: by name, not by a walk through the list.
    // Canonical ids and aliases first, so a user's alias is not shadowed by a native id another
    // entry happens to share; within each, the first entry keeps a name.
    m_byName.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        for (const QString& name :
            QStringList { m_entries.at(i).canonicalId } + m_entries.at(i).aliases) {
            if (!m_byName.contains(name.toLower()))
                m_byName.insert(name.toLower(), i);
        }
    }
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        for (const QString& native : m_entries.at(i).nativeIds) {
            if (!m_byName.contains(native.toLower()))
                m_byName.insert(native.toLower(), i);
        }
    }
}
