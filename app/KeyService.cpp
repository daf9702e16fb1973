#include "KeyService.h"

#include "ModelPattern.h"
#include "ProviderRegistry.h"
#include "domain/NameRules.h"
#include "domain/ProviderCredential.h"
#include "store/Store.h"
#include "vault/Vault.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcKeys, "keyway.keys")

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("KeyService", text);
}

QString newSecretRef()
{
    return KeyService::secretRefPrefix() + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::optional<QString> checkBaseUrl(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return tr("\"%1\" is not a valid URL; write it like https://api.example.com/v1.").arg(text);
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return tr("The endpoint must start with https:// (or http:// for a local service).");
    if (!url.userInfo().isEmpty())
        return tr("The endpoint must not carry a user name or password; put the secret in the "
                  "keychain instead.");
    if (url.hasQuery() || url.hasFragment())
        return tr("The endpoint must not have a query or fragment (\"?…\" or \"#…\").");
    return std::nullopt;
}

std::optional<QString> checkCaFile(const QString& path)
{
    const QFileInfo file(path);
    if (!file.isFile() || !file.isReadable())
        return tr("The CA file %1 does not exist or cannot be read.").arg(path);
    if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty()
        && QSslCertificate::fromPath(path, QSsl::Der).isEmpty())
        return tr("The CA file %1 holds no certificate in PEM or DER form.").arg(path);
    return std::nullopt;
}

std::optional<QString> checkSettingValue(
    const QString& name, const QString& value, bool allowGlobal)
{
    static const QRegularExpression region(QStringLiteral("^[a-z]+(-[a-z]+)+-?[0-9]+$"));
    if (value.size() > 200 || std::any_of(value.cbegin(), value.cend(), [](QChar c) {
            return c.category() == QChar::Other_Control;
        }))
        return tr("The value of %1 is too long or contains control characters.").arg(name);
    if (name == u"region" && !region.match(value).hasMatch()
        && !(allowGlobal && value == u"global"))
        return tr("\"%1\" is not a region name such as us-east-1 or europe-west4.").arg(value);
    return std::nullopt;
}

} // namespace

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
            return invalidInput(tr("The setting \"%1\" does not apply to %2 keys.")
                                    .arg(it.key(), provider.displayName));
        }
        const QString value = it.value().trimmed();
        if (value.isEmpty()) {
            key.settings.remove(it.key());
            continue;
        }
        if (field->isList) {
            QJsonArray items;
            for (const QString& item : value.split(u',', Qt::SkipEmptyParts))
                items.append(item.trimmed());
            key.settings.insert(it.key(), items);
            continue;
        }
        if (auto problem = checkSettingValue(it.key(), value, provider.id == u"vertex"))
            return invalidInput(*problem);
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
        if (auto problem = url.isEmpty() ? std::nullopt : checkBaseUrl(url))
            return invalidInput(*problem);
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
            auto workspace = m_store.workspaceByName(*fields.workspace);
            if (!workspace)
                return asInputFailure(workspace.failure());
            key.workspaceId = workspace->id;
        }
    }
    if (fields.modelPatterns) {
        QStringList patterns;
        for (const QString& text : *fields.modelPatterns) {
            QString problem;
            const std::optional<ModelPattern> pattern = ModelPattern::parse(text, &problem);
            if (!pattern)
                return invalidInput(problem);
            if (!patterns.contains(pattern->text()))
                patterns.append(pattern->text());
        }
        key.filters.modelPatterns = patterns;
    }
    if (fields.memberNames) {
        QList<qint64> ids;
        for (const QString& name : *fields.memberNames) {
            auto member = m_store.memberByName(name.trimmed());
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
            auto localKey = m_store.localKey(id);
            if (!localKey)
                return asInputFailure(localKey.failure());
            if (key.workspaceId && localKey->workspaceId != *key.workspaceId) {
                return invalidInput(tr("Local API key %1 belongs to another workspace, so this "
                                       "key would never serve it.")
                                        .arg(id));
            }
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
    if (auto problem = NameRules::checkKeyLabel(key.label))
        return invalidInput(*problem);
    auto keys = m_store.keys();
    if (!keys)
        return keys.failure();
    for (const ProviderKey& other : *keys) {
        if (other.id != key.id && other.label.compare(key.label, Qt::CaseInsensitive) == 0)
            return invalidInput(
                tr("A key labelled \"%1\" already exists (id %2).").arg(other.label).arg(other.id));
    }
    if (provider.requiresBaseUrl && key.baseUrl.isEmpty())
        return invalidInput(tr("%1 keys need an endpoint (--base-url).").arg(provider.displayName));
    if (!key.caFile.isEmpty() && key.baseUrl.isEmpty())
        return invalidInput(tr("A CA file is only used with an endpoint override (--base-url)."));
    if (provider.defaultBaseUrl.contains(u"{resource}") && key.baseUrl.isEmpty()
        && !key.settings.contains(QStringLiteral("resource")))
        return invalidInput(
            tr("%1 keys need a resource name (--resource) or an endpoint (--base-url).")
                .arg(provider.displayName));
    for (const CredentialField& field : provider.settingFields()) {
        if (field.required && !key.settings.contains(field.name))
            return invalidInput(tr("%1 keys need a %2 (--%3).")
                                    .arg(provider.displayName, field.label.toLower(), field.name));
    }
    if (key.tier != Tier::Prioritized && key.sharedCapacity != SharedCapacityPolicy::Allow) {
        return invalidInput(tr("A key that forbids shared capacity must stay in Prioritized; it "
                               "is in %1.")
                                .arg(tierDisplayName(key.tier)));
    }
    return {};
}

QCoro::Task<Result<ProviderKey>> KeyService::addKey(
    QString providerId, KeyFields fields, QString secretInput)
{
    const ProviderDescriptor* provider = ProviderRegistry::find(providerId);
    if (!provider) {
        co_return invalidInput(
            tr("Unknown provider \"%1\". Known providers: %2.")
                .arg(providerId, ProviderRegistry::ids().join(QStringLiteral(", "))));
    }
    ProviderKey key;
    key.providerId = provider->id;
    key.tier = fields.tier.value_or(provider->defaultTier);
    auto personal = m_store.workspaceByName(Workspace::defaultName());
    if (personal)
        key.workspaceId = personal->id;
    if (auto applied = applyFields(key, fields); !applied)
        co_return applied.failure();
    auto credential = ProviderCredential::parse(*provider, secretInput);
    if (!credential)
        co_return credential.failure();
    for (auto it = credential->impliedSettings().begin(); it != credential->impliedSettings().end();
         ++it) {
        if (!key.settings.contains(it.key()))
            key.settings.insert(it.key(), it.value());
    }
    if (auto valid = validate(key, *provider); !valid)
        co_return valid.failure();

    key.secretRef = newSecretRef();
    key.secretHint = credential->hint();
    if (auto written = co_await m_vault.write(key.secretRef, credential->storedForm()); !written)
        co_return written.failure();
    auto inserted = m_store.insertKey(key);
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
    auto existing = m_store.key(id);
    if (!existing)
        co_return existing.failure();
    if (fields.tier && *fields.tier != existing->tier)
        co_return invalidInput(tr("Editing does not move a key; use \"keyway key move\"."));
    const ProviderDescriptor* provider = ProviderRegistry::find(existing->providerId);
    if (!provider)
        co_return invalidInput(
            tr("Key %1 names the unknown provider \"%2\".").arg(id).arg(existing->providerId));
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
    auto saved = m_store.updateKey(key);
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

Result<void> KeyService::moveKey(qint64 id, Tier tier, std::optional<int> position)
{
    return m_store.moveKey(id, tier, position);
}

QCoro::Task<Result<void>> KeyService::removeKey(qint64 id)
{
    auto key = m_store.key(id);
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
    auto deleted = m_store.deleteKey(id);
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
    auto key = m_store.key(id);
    if (!key)
        co_return key.failure();
    co_return co_await m_vault.read(key->secretRef);
}

QCoro::Task<Result<int>> KeyService::verifySecrets()
{
    auto keys = m_store.keys();
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
        if (auto flagged = m_store.setSecretMissing(key.id, isMissing); !flagged)
            co_return flagged.failure();
    }
    co_return static_cast<int>(missing.size());
}
