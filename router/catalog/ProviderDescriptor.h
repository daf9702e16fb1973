#pragma once

#include "router/core/Tier.h"

#include <QList>
#include <QString>

// How a provider's requests are authenticated.
enum class AuthScheme {
    BearerToken, // Authorization: Bearer <key>
    ApiKeyHeader, // api-key: <key> (Azure)
    XApiKeyHeader, // x-api-key: <key> (Anthropic)
    GoogApiKeyHeader, // x-goog-api-key: <key> (Gemini)
    AwsSignatureV4, // SigV4 with access keys, or a Bedrock API key as Bearer
    GoogleServiceAccount, // OAuth token from a service account, or an express-mode API key
};

// The request and response format the provider speaks.
enum class WireFormat {
    OpenAiChat,
    AnthropicMessages,
    BedrockConverse,
    GoogleGenerateContent,
};

// What the secret of a key of this provider is made of, and so how it is read and checked.
enum class CredentialKind {
    ApiKey, // one opaque string
    OptionalApiKey, // one opaque string, may be empty (a local Ollama needs none)
    AwsCredentials, // access key id + secret (+ session token), or a Bedrock API key
    GoogleCredentials, // a service-account JSON, or an express-mode API key
};

// One input of a provider's credential form. Secret fields go to the keychain; the others are
// per-key settings kept in the database.
struct CredentialField
{
    QString name; // identifier, also the CLI option of a setting ("region")
    QString label; // shown in forms
    bool secret = false;
    bool required = false;
    bool isList = false; // a comma-separated list ("deployments")
};

struct ProviderDescriptor
{
    QString id; // "openai", "azure", ...
    QString displayName;
    AuthScheme authScheme = AuthScheme::BearerToken;
    WireFormat wireFormat = WireFormat::OpenAiChat;
    CredentialKind credentialKind = CredentialKind::ApiKey;
    // The endpoint without an override; {resource}, {region} name settings of the key.
    QString defaultBaseUrl;
    Tier defaultTier = Tier::Prioritized;
    QList<CredentialField> fields;
    // OpenAI-compatible services have no default endpoint: the key must name one.
    bool requiresBaseUrl = false;
    // Serves other vendors' models (OpenRouter): unknown model ids may go to it.
    bool isAggregator = false;

    QList<CredentialField> settingFields() const;
    const CredentialField* field(QStringView name) const;
};
