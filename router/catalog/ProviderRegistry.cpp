#include "router/catalog/ProviderRegistry.h"

#include <QCoreApplication>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProviderRegistry)
};

CredentialField secretField(QString name, QString label, bool required = true)
{
    return { std::move(name), std::move(label), true, required, false };
}

CredentialField setting(QString name, QString label, bool required = false, bool isList = false)
{
    return { std::move(name), std::move(label), false, required, isList };
}

QList<ProviderDescriptor> builtInProviders()
{
    const auto apiKey = [] {
        return secretField(QStringLiteral("api_key"), Text::tr("API key"));
    };
    return {
        { QStringLiteral("openai"), QStringLiteral("OpenAI"), AuthScheme::BearerToken,
            WireFormat::OpenAiChat, CredentialKind::ApiKey,
            QStringLiteral("https://api.openai.com/v1"), Tier::Prioritized,
            { apiKey(), setting(QStringLiteral("organization"), Text::tr("Organization")),
                setting(QStringLiteral("project"), Text::tr("Project")) } },
        { QStringLiteral("azure"), QStringLiteral("Azure AI Foundry"), AuthScheme::ApiKeyHeader,
            WireFormat::OpenAiChat, CredentialKind::ApiKey,
            QStringLiteral("https://{resource}.openai.azure.com"), Tier::Prioritized,
            { apiKey(), setting(QStringLiteral("resource"), Text::tr("Resource name")),
                setting(QStringLiteral("deployments"), Text::tr("Deployments"), false, true),
                setting(QStringLiteral("api-version"), Text::tr("API version")) } },
        { QStringLiteral("anthropic"), QStringLiteral("Anthropic"), AuthScheme::XApiKeyHeader,
            WireFormat::AnthropicMessages, CredentialKind::ApiKey,
            QStringLiteral("https://api.anthropic.com"), Tier::Prioritized, { apiKey() } },
        { QStringLiteral("bedrock"), QStringLiteral("Amazon Bedrock"), AuthScheme::AwsSignatureV4,
            WireFormat::BedrockConverse, CredentialKind::AwsCredentials,
            QStringLiteral("https://bedrock-runtime.{region}.amazonaws.com"), Tier::Prioritized,
            { secretField(QStringLiteral("access_key_id"), Text::tr("Access key ID"), false),
                secretField(
                    QStringLiteral("secret_access_key"), Text::tr("Secret access key"), false),
                secretField(QStringLiteral("session_token"), Text::tr("Session token"), false),
                secretField(QStringLiteral("api_key"), Text::tr("Bedrock API key"), false),
                setting(QStringLiteral("region"), Text::tr("Region"), true) } },
        { QStringLiteral("vertex"), QStringLiteral("Google Vertex AI"),
            AuthScheme::GoogleServiceAccount, WireFormat::GoogleGenerateContent,
            CredentialKind::GoogleCredentials,
            QStringLiteral("https://{region}-aiplatform.googleapis.com"), Tier::Prioritized,
            { secretField(
                  QStringLiteral("service_account_json"), Text::tr("Service account JSON"), false),
                secretField(QStringLiteral("api_key"), Text::tr("Express mode API key"), false),
                setting(QStringLiteral("project"), Text::tr("Project")),
                setting(QStringLiteral("region"), Text::tr("Region")) } },
        { QStringLiteral("gemini"), QStringLiteral("Google Gemini"), AuthScheme::GoogApiKeyHeader,
            WireFormat::GoogleGenerateContent, CredentialKind::ApiKey,
            QStringLiteral("https://generativelanguage.googleapis.com"), Tier::Prioritized,
            { apiKey() } },
        { QStringLiteral("openrouter"), QStringLiteral("OpenRouter"), AuthScheme::BearerToken,
            WireFormat::OpenAiChat, CredentialKind::ApiKey,
            QStringLiteral("https://openrouter.ai/api/v1"), Tier::SharedCapacity, { apiKey() },
            false, true },
        { QStringLiteral("openai-compatible"), Text::tr("OpenAI-compatible"),
            AuthScheme::BearerToken, WireFormat::OpenAiChat, CredentialKind::OptionalApiKey, {},
            Tier::Prioritized,
            { secretField(QStringLiteral("api_key"), Text::tr("API key"), false),
                setting(
                    QStringLiteral("served-models"), Text::tr("Models it serves"), false, true) },
            true, false },
    };
}

} // namespace

QList<CredentialField> ProviderDescriptor::settingFields() const
{
    QList<CredentialField> settings;
    for (const CredentialField& f : fields) {
        if (!f.secret)
            settings.append(f);
    }
    return settings;
}

const CredentialField* ProviderDescriptor::field(QStringView name) const
{
    for (const CredentialField& f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

const QList<ProviderDescriptor>& ProviderRegistry::all()
{
    static const QList<ProviderDescriptor> providers = builtInProviders();
    return providers;
}

const ProviderDescriptor* ProviderRegistry::find(QStringView id)
{
    for (const ProviderDescriptor& provider : all()) {
        if (provider.id.compare(id, Qt::CaseInsensitive) == 0)
            return &provider;
    }
    return nullptr;
}

QStringList ProviderRegistry::ids()
{
    QStringList result;
    for (const ProviderDescriptor& provider : all())
        result.append(provider.id);
    return result;
}

QStringList ProviderRegistry::settingNames()
{
    QStringList names;
    for (const ProviderDescriptor& provider : all()) {
        for (const CredentialField& f : provider.settingFields()) {
            if (!names.contains(f.name))
                names.append(f.name);
        }
    }
    return names;
}
