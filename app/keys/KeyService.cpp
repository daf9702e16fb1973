#include "app/keys/KeyService.h"

#include "app/domain/NameRules.h"
#include "app/domain/ProviderCredential.h"
#include "app/store/AccessStore.h"
#include "app/store/KeyStore.h"
#include "app/store/Store.h"
#include "app/vault/Vault.h"
#include "router/catalog/ModelPattern.h"
#include "router/catalog/ProviderRegistry.h"
#include "router/http/CaCertificates.h"
#include "router/http/PlainHttpRule.h"

#include <QCoreApplication>
#include <QCoro/QCoroFuture>
#include <QFileInfo>
#include <QHostInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPromise>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcKeys, "keyway.keys")

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KeyService)
};

QString newSecretRef()
{
    return KeyService::secretRefPrefix() + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A provider setting as a form labels it ("Region").
QString settingLabel(const ProviderDescriptor& provider, const QString& name)
{
    for (const CredentialField& field : provider.settingFields()) {
        if (field.name == name)
            return field.label;
    }
    return name;
}

// The router's rule, so that a file saved here is one the router can load.
std::optional<QString> checkCaFile(const QString& path)
{
    if (const auto loaded = CaCertificates::load(path); !loaded)
        return loaded.failure().message;
    return std::nullopt;
}

// The syntax of each provider setting. Several end up in a URL's host or path, so a value that
// could point a request elsewhere ("evil.example/") is refused here.
struct SettingRule
{
    const char* provider; // nullptr: every provider with this setting
    const char* name;
    const char* pattern;
    const char* example;
};

constexpr SettingRule settingRules[] {
    { "vertex", "region", "^(global|[a-z]+(-[a-z]+)+-?[0-9]+)$", "us-central1 or global" },
    { nullptr, "region", "^[a-z]+(-[a-z]+)+-?[0-9]+$", "us-east-1" },
    { nullptr, "resource", "^[A-Za-z0-9][A-Za-z0-9-]{1,63}$", "my-foundry-resource" },
    { "vertex", "project", "^[a-z][a-z0-9-]{4,28}[a-z0-9]$", "my-gcp-project" },
    { nullptr, "project", "^[A-Za-z0-9_-]{1,100}$", "proj_abc123" },
    { nullptr, "organization", "^[A-Za-z0-9_-]{1,100}$", "org-abc123" },
    { nullptr, "api-version", "^([0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?|v1|latest|preview)$",
        "2024-10-21" },
    { nullptr, "deployments", "^[A-Za-z0-9._-]{1,64}$", "gpt-4o-prod" },
    { nullptr, "served-models", "^[A-Za-z0-9._:/@+-]{1,200}$", "llama-3.3-70b-versatile" },
};

std::optional<QString> checkSettingValue(
    const QString& providerId, const QString& name, const QString& value)
{
    for (const SettingRule& rule : settingRules) {
        if (name != QLatin1StringView(rule.name)
            || (rule.provider && providerId != QLatin1StringView(rule.provider)))
            continue;
        const QRegularExpression pattern(QLatin1StringView(rule.pattern));
        if (pattern.match(value).hasMatch())
            return std::nullopt;
        return Text::tr("\"%1\" is not a valid %2; write it like %3.")
            .arg(value, name, QLatin1StringView(rule.example));
    }
    return std::nullopt;
}

// Settings the secret itself names (a service account's project): the key's own win.
void addImpliedSettings(ProviderKey& key, const ProviderCredential& credential)
{
    const QJsonObject& implied = credential.impliedSettings();
    for (auto it = implied.begin(); it != implied.end(); ++it) {
        if (!key.settings.contains(it.key()))
            key.settings.insert(it.key(), it.value());
    }
}

// A name's addresses, looked up on Qt's resolver threads while this one goes on. No context
// object: one that went away would drop the callback and leave the promise without a result.
QCoro::Task<QHostInfo> lookUp(QString name)
{
    auto promise = std::make_shared<QPromise<QHostInfo>>();
    QFuture<QHostInfo> found = promise->future();
    promise->start();
    QHostInfo::lookupHost(name, [promise](const QHostInfo& info) {
        promise->addResult(info);
        promise->finish();
    });
    co_return co_await found;
}

const QString baseUrlField = QStringLiteral("base_url");

} // namespace

std::optional<QString> KeyService::checkEndpoint(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Text::tr("\"%1\" is not a valid URL; write it like https://api.example.com/v1.")
            .arg(text);
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return Text::tr("The endpoint must start with https:// (or http:// for a local service).");
    if (!url.userInfo().isEmpty())
        return Text::tr(
            "The endpoint must not carry a user name or password; put the secret in the "
            "keychain instead.");
    if (url.hasQuery() || url.hasFragment())
        return Text::tr("The endpoint must not have a query or fragment (\"?…\" or \"#…\").");
    if (auto allowed = PlainHttpRule::check(url); !allowed)
        return allowed.failure().message;
    return std::nullopt;
}

QCoro::Task<Result<void>> KeyService::checkEndpointHost(QString text)
{
    if (text.trimmed().isEmpty())
        co_return Result<void>();
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    auto verdict = PlainHttpRule::check(url);
    if (!verdict)
        co_return aboutField(verdict.failure(), baseUrlField);
    if (*verdict != PlainHttpRule::Verdict::DependsOnAddresses)
        co_return Result<void>();
    const QHostInfo lookup = co_await lookUp(url.host());
    if (auto allowed = PlainHttpRule::checkLookup(url, lookup); !allowed)
        co_return aboutField(allowed.failure(), baseUrlField);
    co_return Result<void>();
}

std::optional<QString> KeyService::endpointRefusal(const ProviderKey& key)
{
    if (key.baseUrl.isEmpty())
        return std::nullopt;
    if (auto allowed = PlainHttpRule::check(QUrl(key.baseUrl)); !allowed)
        return allowed.failure().message;
    return std::nullopt;
}

KeyService::KeyService(Store& store, Vault& vault, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_vault(vault)
{ }

Result<void> KeyService::applySettings(
    ProviderKey& key, const ProviderDescriptor& provider, const QMap<QString, QString>& settings)
{
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        const CredentialField* field = provider.field(it.key());
        if (!field || field->secret) {
            return invalidInput(Text::tr("The setting \"%1\" does not apply to %2 keys.")
                                    .arg(it.key(), provider.displayName));
        }
        const QString value = it.value().trimmed();
        if (value.isEmpty()) {
            key.settings.remove(it.key());
            continue;
        }
        const QStringList items
            = field->isList ? value.split(u',', Qt::SkipEmptyParts) : QStringList { value };
        for (const QString& item : items) {
            if (auto problem = checkSettingValue(provider.id, it.key(), item.trimmed()))
                return invalidInput(*problem);
        }
        if (field->isList) {
            QJsonArray trimmed;
            for (const QString& item : items)
                trimmed.append(item.trimmed());
            key.settings.insert(it.key(), trimmed);
            continue;
        }
        key.settings.insert(it.key(), value);
    }
    return {};
}

Result<void> KeyService::applyFields(ProviderKey& key, const KeyFields& fields)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(key.providerId);
    Q_ASSERT(provider);
    if (fields.label)
        key.label = *fields.label;
    if (fields.baseUrl) {
        const QString url = fields.baseUrl->trimmed();
        if (auto problem = url.isEmpty() ? std::nullopt : checkEndpoint(url))
            return aboutField(invalidInput(*problem), baseUrlField);
        key.baseUrl = url;
    }
    if (fields.caFile) {
        const QString path = fields.caFile->trimmed();
        if (auto problem = path.isEmpty() ? std::nullopt : checkCaFile(path))
            return invalidInput(*problem);
        key.caFile = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    }
    if (fields.workspace) {
        if (*fields.workspace == u"*") {
            key.workspaceId.reset();
        } else {
            auto workspace = m_store.access().workspaceByName(*fields.workspace);
            if (!workspace)
                return asInputFailure(workspace.failure());
            key.workspaceId = workspace->id;
        }
    }
    if (fields.modelPatterns) {
        QStringList patterns;
        for (const QString& text : *fields.modelPatterns) {
            const Result<ModelPattern> pattern = ModelPattern::parse(text);
            if (!pattern)
                return pattern.failure();
            if (!patterns.contains(pattern->text()))
                patterns.append(pattern->text());
        }
        key.filters.modelPatterns = patterns;
    }
    if (fields.memberNames) {
        QList<qint64> ids;
        for (const QString& name : *fields.memberNames) {
            auto member = m_store.access().memberByName(name.trimmed());
            if (!member)
                return asInputFailure(member.failure());
            if (!ids.contains(member->id))
                ids.append(member->id);
        }
        key.filters.memberIds = ids;
    }
    if (fields.localKeyIds) {
        QList<qint64> ids;
        for (qint64 id : *fields.localKeyIds) {
            if (auto localKey = m_store.access().localKey(id); !localKey)
                return asInputFailure(localKey.failure());
            if (!ids.contains(id))
                ids.append(id);
        }
        key.filters.localKeyIds = ids;
    }
    if (fields.sharedCapacity)
        key.sharedCapacity = *fields.sharedCapacity;
    if (fields.enabled)
        key.enabled = *fields.enabled;
    return applySettings(key, *provider, fields.settings);
}

Result<void> KeyService::validate(const ProviderKey& key, const ProviderDescriptor& provider)
{
    const QString label = QStringLiteral("label");
    if (auto problem = NameRules::checkKeyLabel(key.label))
        return aboutField(invalidInput(*problem), label);
    auto keys = m_store.keys().all();
    if (!keys)
        return keys.failure();
    for (const ProviderKey& other : *keys) {
        if (other.id != key.id && other.label.compare(key.label, Qt::CaseInsensitive) == 0)
            return aboutField(invalidInput(Text::tr("A key labelled \"%1\" already exists (id %2).")
                                               .arg(other.label, QString::number(other.id))),
                label);
    }
    if (provider.requiresBaseUrl && key.baseUrl.isEmpty())
        return aboutField(
            invalidInput(Text::tr("%1 keys need an endpoint.").arg(provider.displayName)),
            baseUrlField);
    if (!key.caFile.isEmpty() && key.baseUrl.isEmpty())
        return aboutField(
            invalidInput(Text::tr("A CA file is only used with an endpoint override.")),
            QStringLiteral("ca_file"));
    // Without an endpoint override, every {setting} of the default endpoint must be known.
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z-]+)\\}"));
    for (auto it = placeholder.globalMatch(provider.defaultBaseUrl);
         it.hasNext() && key.baseUrl.isEmpty();) {
        const QString name = it.next().captured(1);
        if (!key.settings.contains(name)) {
            return aboutField(
                invalidInput(
                    Text::tr("%1 keys need a value for \"%2\", or an endpoint of their own.")
                        .arg(provider.displayName, settingLabel(provider, name))),
                name);
        }
    }
    for (qint64 localKeyId : key.filters.localKeyIds) {
        auto localKey = m_store.access().localKey(localKeyId);
        if (!localKey)
            return asInputFailure(localKey.failure());
        if (key.workspaceId && localKey->workspaceId != *key.workspaceId) {
            return invalidInput(
                Text::tr("Local API key %1 belongs to another workspace, so this key "
                         "would never serve it.")
                    .arg(localKeyId));
        }
    }
    for (const CredentialField& field : provider.settingFields()) {
        if (field.required && !key.settings.contains(field.name))
            return aboutField(invalidInput(Text::tr("%1 keys need this setting: %2.")
                                               .arg(provider.displayName, field.label)),
                field.name);
    }
    if (key.tier != Tier::Prioritized && key.sharedCapacity != SharedCapacityPolicy::Allow) {
        return invalidInput(
            Text::tr("A key that forbids shared capacity must stay in Prioritized; it "
                     "is in %1.")
                .arg(tierDisplayName(key.tier)));
    }
    return {};
}

Result<ProviderKey> KeyService::draftKey(const QString& providerId, const KeyFields& fields)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    if (!provider) {
        return invalidInput(
            Text::tr("Unknown provider \"%1\". Known providers: %2.")
                .arg(providerId, ProviderRegistry::ids().join(QStringLiteral(", "))));
    }
    ProviderKey key;
    key.providerId = provider->id;
    key.tier = fields.tier.value_or(provider->defaultTier);
    auto personal = m_store.access().workspaceByName(Workspace::defaultName());
    if (!personal && personal.failure().kind != FailureKind::NotFound)
        return personal.failure();
    if (personal)
        key.workspaceId = personal->id;
    if (auto applied = applyFields(key, fields); !applied)
        return applied.failure();
    if (auto valid = validate(key, *provider); !valid)
        return valid.failure();
    return key;
}

QCoro::Task<Result<ProviderKey>> KeyService::addKey(
    QString providerId, KeyFields fields, QString secretInput)
{
    auto draft = draftKey(providerId, fields);
    if (!draft)
        co_return draft.failure();
    if (auto reachable = co_await checkEndpointHost(draft->baseUrl); !reachable)
        co_return reachable.failure();
    ProviderKey key = *draft;
    const ProviderDescriptor& provider = *ProviderRegistry::find(key.providerId);
    auto credential = ProviderCredential::parse(provider, secretInput);
    if (!credential)
        co_return credential.failure();
    addImpliedSettings(key, *credential);

    key.secretRef = newSecretRef();
    key.secretHint = credential->hint();
    if (auto written = co_await m_vault.write(key.secretRef, credential->storedForm()); !written)
        co_return written.failure();
    auto inserted = m_store.keys().insert(key);
    if (!inserted) {
        if (auto undone = co_await m_vault.remove(key.secretRef); !undone)
            qCWarning(lcKeys) << "could not take back the secret of a key that was not added:"
                              << undone.failure().message;
        co_return inserted.failure();
    }
    qCInfo(lcKeys) << "added key" << inserted->id << inserted->providerId;
    co_return inserted;
}

QCoro::Task<Result<ProviderKey>> KeyService::editKey(
    qint64 id, KeyFields fields, std::optional<QString> secretInput)
{
    auto existing = m_store.keys().byId(id);
    if (!existing)
        co_return existing.failure();
    if (fields.tier && *fields.tier != existing->tier)
        co_return aboutField(
            invalidInput(Text::tr("Editing does not move a key to another tier; move it instead.")),
            QStringLiteral("tier"));
    const ProviderDescriptor* provider = ProviderRegistry::find(existing->providerId);
    if (!provider)
        co_return invalidInput(Text::tr("Key %1 names the unknown provider \"%2\".")
                                   .arg(id)
                                   .arg(existing->providerId));
    ProviderKey key = *existing;
    if (auto applied = applyFields(key, fields); !applied)
        co_return applied.failure();

    std::optional<ProviderCredential> credential;
    if (secretInput) {
        auto parsed = ProviderCredential::parse(*provider, *secretInput);
        if (!parsed)
            co_return parsed.failure();
        credential = *parsed;
    }
    if (auto valid = validate(key, *provider); !valid)
        co_return valid.failure();
    if (fields.baseUrl) {
        if (auto reachable = co_await checkEndpointHost(key.baseUrl); !reachable)
            co_return reachable.failure();
    }

    // A new secret goes under a new entry, so the old one survives until the metadata points
    // at the new one.
    if (credential) {
        key.secretRef = newSecretRef();
        key.secretHint = credential->hint();
        key.secretMissing = false;
        if (auto written = co_await m_vault.write(key.secretRef, credential->storedForm());
            !written)
            co_return written.failure();
    }
    auto unchanged = checkUnchanged(*existing);
    auto saved = unchanged ? m_store.keys().update(key) : Result<ProviderKey>(unchanged.failure());
    if (!saved) {
        if (credential)
            (void)co_await m_vault.remove(key.secretRef);
        co_return saved.failure();
    }
    if (credential) {
        if (auto removed = co_await m_vault.remove(existing->secretRef); !removed)
            qCWarning(lcKeys) << "the replaced secret of key" << id
                              << "stays in the keychain:" << removed.failure().message;
    }
    co_return saved;
}

Result<void> KeyService::checkUnchanged(const ProviderKey& before)
{
    // The keychain may have taken a while: if the key changed meanwhile (the window, the CLI),
    // saving an older copy would silently undo that change.
    auto current = m_store.keys().byId(before.id);
    if (!current)
        return current.failure();
    if (current->updatedAt != before.updatedAt || current->secretRef != before.secretRef) {
        return conflict(
            Text::tr("Key %1 was changed elsewhere meanwhile; nothing was saved. Try again.")
                .arg(before.id));
    }
    return {};
}

Result<void> KeyService::moveKey(qint64 id, Tier tier, std::optional<int> position)
{
    return m_store.keys().move(id, tier, position);
}

QCoro::Task<Result<void>> KeyService::removeKey(qint64 id)
{
    auto key = m_store.keys().byId(id);
    if (!key)
        co_return key.failure();
    // Keep the secret in hand so that it can be put back if the database refuses.
    auto secret = co_await m_vault.read(key->secretRef);
    if (!secret && secret.failure().kind != FailureKind::NotFound)
        co_return secret.failure();
    if (!secret) {
        if (auto writable = co_await m_vault.checkWritable(); !writable)
            co_return writable.failure(); // locked, not missing
    }
    if (auto removed = co_await m_vault.remove(key->secretRef); !removed)
        co_return removed.failure();
    auto deleted = m_store.keys().remove(id);
    if (!deleted) {
        if (secret) {
            if (auto restored = co_await m_vault.write(key->secretRef, *secret); !restored)
                qCCritical(lcKeys)
                    << "could not restore the secret of key" << id << restored.failure().message;
        }
        co_return deleted.failure();
    }
    qCInfo(lcKeys) << "removed key" << id;
    co_return Result<void>();
}

QCoro::Task<Result<QString>> KeyService::readSecret(qint64 id)
{
    auto key = m_store.keys().byId(id);
    if (!key)
        co_return key.failure();
    co_return co_await m_vault.read(key->secretRef);
}

QCoro::Task<Result<UpstreamTarget>> KeyService::testTarget(std::optional<qint64> id,
    QString providerId, KeyFields fields, std::optional<QString> secretInput)
{
    ProviderKey key;
    if (id) {
        auto stored = m_store.keys().byId(*id);
        if (!stored)
            co_return stored.failure();
        key = *stored;
    } else if (const ProviderDescriptor* provider = ProviderRegistry::find(providerId)) {
        key.providerId = provider->id;
    } else {
        co_return invalidInput(Text::tr("Unknown provider \"%1\".").arg(providerId));
    }
    fields.label.reset(); // a test does not care what the key is called
    if (auto applied = applyFields(key, fields); !applied)
        co_return applied.failure();
    if (fields.baseUrl) {
        if (auto reachable = co_await checkEndpointHost(key.baseUrl); !reachable)
            co_return reachable.failure();
    }
    const ProviderDescriptor& provider = *ProviderRegistry::find(key.providerId);
    QString secret;
    if (secretInput) {
        auto credential = ProviderCredential::parse(provider, *secretInput);
        if (!credential)
            co_return credential.failure();
        addImpliedSettings(key, *credential);
        secret = credential->storedForm();
    } else if (id) {
        auto stored = co_await m_vault.read(key.secretRef);
        if (!stored)
            co_return stored.failure();
        secret = *stored;
    } else {
        co_return aboutField(invalidInput(Text::tr("Type the secret to test the key.")),
            provider.fields.value(0).name);
    }
    co_return UpstreamTarget { .providerId = key.providerId,
        .baseUrl = key.baseUrl,
        .secret = secret,
        .settings = key.settings,
        .caFile = key.caFile };
}

QCoro::Task<Result<int>> KeyService::verifySecrets()
{
    auto keys = m_store.keys().all();
    if (!keys)
        co_return keys.failure();
    QList<qint64> missing;
    for (const ProviderKey& key : *keys) {
        auto secret = co_await m_vault.read(key.secretRef);
        if (!secret && secret.failure().kind != FailureKind::NotFound)
            co_return secret.failure(); // the keychain is unreachable: flag nothing
        if (!secret)
            missing.append(key.id);
    }
    // A locked keychain answers "not found" for everything; flag nothing then either.
    if (!missing.isEmpty()) {
        if (auto writable = co_await m_vault.checkWritable(); !writable)
            co_return writable.failure();
    }
    for (const ProviderKey& key : *keys) {
        const bool isMissing = missing.contains(key.id);
        if (isMissing)
            qCWarning(lcKeys) << "the keychain has no secret for key" << key.id;
        if (auto flagged = m_store.keys().setSecretMissing(key.id, key.secretRef, isMissing);
            !flagged)
            co_return flagged.failure();
    }
    co_return static_cast<int>(missing.size());
}
