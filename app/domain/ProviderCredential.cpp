#include "app/domain/ProviderCredential.h"

#include "app/domain/SecretMask.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProviderCredential)
};

std::optional<QString> checkOpaqueKey(const QString& key)
{
    if (key.isEmpty())
        return Text::tr("The secret is empty.");
    // API keys travel in HTTP headers: printable ASCII only. This also catches a pasted byte
    // order mark or zero-width space, which would make every later request fail.
    for (QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return Text::tr(
                "The secret contains spaces, line breaks or characters outside printable "
                "ASCII; an API key is a single word. Check what was pasted.");
    }
    if (key.size() > 4096)
        return Text::tr("The secret is longer than 4096 characters, too long for an API key.");
    return std::nullopt;
}

std::optional<QJsonObject> parseObject(const QString& input)
{
    if (!input.startsWith(u'{'))
        return std::nullopt;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(input.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return QJsonObject();
    return document.object();
}

QString firstString(const QJsonObject& object, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        const QString value = object.value(QLatin1StringView(name)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString compactJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

Result<ProviderCredential> ProviderCredential::parse(
    const ProviderDescriptor& provider, const QString& input)
{
    const QString text = input.trimmed();
    ProviderCredential credential;

    const auto asApiKey = [&](bool wrapInObject) -> Result<ProviderCredential> {
        if (auto problem = checkOpaqueKey(text))
            return invalidInput(*problem);
        credential.m_storedForm
            = wrapInObject ? compactJson({ { QStringLiteral("api_key"), text } }) : text;
        credential.m_hint = SecretMask::mask(text);
        return credential;
    };

    switch (provider.credentialKind) {
    case CredentialKind::OptionalApiKey:
        if (text.isEmpty()) {
            credential.m_hint = Text::tr("(no key)");
            return credential;
        }
        return asApiKey(false);
    case CredentialKind::ApiKey:
        return asApiKey(false);
    case CredentialKind::AwsCredentials: {
        const std::optional<QJsonObject> object = parseObject(text);
        if (!object)
            return asApiKey(true);
        const QJsonObject source = object->value(QStringLiteral("Credentials")).isObject()
            ? object->value(QStringLiteral("Credentials")).toObject()
            : *object;
        const QString keyId = firstString(source, { "access_key_id", "AccessKeyId" });
        const QString secret = firstString(source, { "secret_access_key", "SecretAccessKey" });
        const QString session = firstString(source, { "session_token", "SessionToken" });
        if (keyId.isEmpty() || secret.isEmpty()) {
            return invalidInput(
                Text::tr("AWS credentials need \"access_key_id\" and "
                         "\"secret_access_key\" in a JSON object (\"session_token\" "
                         "is optional), or give a Bedrock API key on its own."));
        }
        for (const QString& part : { keyId, secret, session }) {
            if (auto problem = checkOpaqueKey(part); problem && !part.isEmpty())
                return invalidInput(*problem);
        }
        QJsonObject stored { { QStringLiteral("access_key_id"), keyId },
            { QStringLiteral("secret_access_key"), secret } };
        if (!session.isEmpty())
            stored.insert(QStringLiteral("session_token"), session);
        credential.m_storedForm = compactJson(stored);
        credential.m_hint = SecretMask::mask(keyId);
        return credential;
    }
    case CredentialKind::GoogleCredentials: {
        const std::optional<QJsonObject> object = parseObject(text);
        if (!object)
            return asApiKey(true);
        if (object->value(QStringLiteral("type")).toString() != u"service_account"
            || firstString(*object, { "private_key" }).isEmpty()
            || firstString(*object, { "client_email" }).isEmpty()) {
            return invalidInput(
                Text::tr("This is not a Google service-account key: the JSON needs "
                         "\"type\": \"service_account\", \"client_email\" and "
                         "\"private_key\". Download it from the Google Cloud console "
                         "(IAM → Service accounts → Keys), or give an express-mode "
                         "API key on its own."));
        }
        credential.m_storedForm = text;
        credential.m_hint = firstString(*object, { "client_email" });
        const QString project = firstString(*object, { "project_id" });
        if (!project.isEmpty())
            credential.m_impliedSettings.insert(QStringLiteral("project"), project);
        return credential;
    }
    }
    Q_UNREACHABLE();
    return invalidInput({});
}
