#pragma once

#include "app/domain/ProviderKey.h"
#include "app/keys/KeyFields.h"
#include "router/core/Result.h"
#include "router/upstream/UpstreamTarget.h"

#include <QCoro/QCoroTask>
#include <QObject>

class Store;
class Vault;
struct ProviderDescriptor;

// Provider keys as the person manages them: the metadata in the Store and the secret in the
// Vault, kept consistent. Adding writes the secret first and the metadata second; removing takes
// the secret out first. When the second step fails the first is undone, so a failure leaves
// neither behind. Every input is checked before anything is written.
class KeyService : public QObject
{
    Q_OBJECT

public:
    KeyService(Store& store, Vault& vault, QObject* parent = nullptr);

    // The key that addKey() would store, checked, without touching the keychain: lets a caller
    // report bad input before asking for a secret.
    Result<ProviderKey> draftKey(const QString& providerId, const KeyFields& fields);
    // `secretInput` is the secret as typed or piped: an API key, or the JSON some providers use.
    QCoro::Task<Result<ProviderKey>> addKey(
        QString providerId, KeyFields fields, QString secretInput);
    // A new secret replaces the old one only when `secretInput` is given.
    QCoro::Task<Result<ProviderKey>> editKey(
        qint64 id, KeyFields fields, std::optional<QString> secretInput);
    Result<void> moveKey(qint64 id, Tier tier, std::optional<int> position);
    QCoro::Task<Result<void>> removeKey(qint64 id);
    QCoro::Task<Result<QString>> readSecret(qint64 id);
    // Where a live check of a key goes (KeyTester): the stored key `id`, or a new key of
    // `providerId`, with `fields` applied, and `secretInput` or else the stored secret. Lets
    // a person test what a form holds before saving it.
    QCoro::Task<Result<UpstreamTarget>> testTarget(std::optional<qint64> id, QString providerId,
        KeyFields fields, std::optional<QString> secretInput);

    // Flags every key whose secret the keychain no longer has, and clears the flag of those it
    // has again. Returns how many are missing. Keys are never dropped.
    QCoro::Task<Result<int>> verifySecrets();

    static QString secretRefPrefix() { return QStringLiteral("provider-key/"); }
    // What is wrong with an endpoint override (a provider's base URL), or nothing, as far as
    // the text tells: its form, and PlainHttpRule on its scheme and host. The key editor asks
    // this too, so the window and the CLI hold endpoints to one rule.
    static std::optional<QString> checkEndpoint(const QString& text);
    // The part of PlainHttpRule the text cannot tell: an http:// endpoint that names a host
    // must resolve, and only to local addresses. Looks the name up without blocking the thread.
    // Saving a key asks this itself; the CLI asks before it asks for the secret.
    QCoro::Task<Result<void>> checkEndpointHost(QString text);
    // Why the router will not send a stored key's secret to its endpoint, as far as the URL
    // tells (plain HTTP to a public address, stored before the rule or edited in the
    // database), or nothing. A name is checked where the router connects.
    static std::optional<QString> endpointRefusal(const ProviderKey& key);

private:
    Result<void> applyFields(ProviderKey& key, const KeyFields& fields);
    Result<void> applySettings(ProviderKey& key, const ProviderDescriptor& provider,
        const QMap<QString, QString>& settings);
    Result<void> validate(const ProviderKey& key, const ProviderDescriptor& provider);
    Result<void> checkUnchanged(const ProviderKey& before);

    Store& m_store;
    Vault& m_vault;
};
