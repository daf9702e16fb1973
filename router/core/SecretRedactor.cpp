#include "router/core/SecretRedactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <type_traits>

namespace {

// The members of a JSON credential that are secret: the secret fields of the provider
// descriptors as ProviderCredential stores them (AWS keys, Bedrock and Vertex API keys), AWS's own
// names from `aws sts`, and a Google service account's private key and its id.
const QSet<QString>& secretMembers()
{
    static const QSet<QString> names { QStringLiteral("api_key"), QStringLiteral("access_key_id"),
        QStringLiteral("secret_access_key"), QStringLiteral("session_token"),
        QStringLiteral("AccessKeyId"), QStringLiteral("SecretAccessKey"),
        QStringLiteral("SessionToken"), QStringLiteral("private_key"),
        QStringLiteral("private_key_id") };
    return names;
}

void addSecretMembers(const QJsonObject& object, QStringList& parts)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it->isObject()) // {"Credentials": {...}} from `aws sts`
            addSecretMembers(it->toObject(), parts);
        else if (it->isString() && secretMembers().contains(it.key()))
            parts.append(it->toString());
    }
}

// A PEM key is quoted whole, re-wrapped or a line at a time: its base64 lines count each, and
// all of them joined. The BEGIN and END lines are the same in every key.
void addPemLines(const QString& part, QStringList& parts)
{
    QString joined;
    for (const QString& line : part.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u"-----"))
            continue;
        parts.append(trimmed);
        joined += trimmed;
    }
    parts.append(joined);
}

// The secret and the parts of it that are secret on their own.
QStringList partsOf(const QString& secret)
{
    QStringList parts { secret };
    if (secret.trimmed().startsWith(u'{')) {
        const QJsonDocument document = QJsonDocument::fromJson(secret.toUtf8());
        if (document.isObject())
            addSecretMembers(document.object(), parts);
    }
    // Only a part that is a PEM key: the lines of a whole service-account file are its members,
    // "type" and "client_email" among them, which are nobody's secret.
    for (const QString& part : QStringList(parts)) {
        if (part.trimmed().startsWith(u"-----BEGIN"))
            addPemLines(part, parts);
    }
    return parts;
}

// How JSON writes the text inside a string: a secret echoed in a JSON body looks like this.
QString jsonEscaped(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(2, array.size() - 4)); // without [" and "]
}

} // namespace

SecretRedactor::SecretRedactor(const QStringList& secrets)
    : m_patterns(patternsOf(secrets))
{ }

std::shared_ptr<const SecretRedactor::Patterns> SecretRedactor::patternsOf(
    const QStringList& secrets)
{
    QSet<QString> forms;
    for (const QString& secret : secrets) {
        for (const QString& part : partsOf(secret)) {
            if (part.size() < minimumLength)
                continue;
            const QString escaped = jsonEscaped(part);
            // Some writers (PHP's, Java's) escape the slashes of base64 too.
            QString slashesEscaped = escaped;
            slashesEscaped.replace(u'/', QStringLiteral("\\/"));
            forms.unite({ part, escaped, slashesEscaped });
        }
    }
    Patterns patterns;
    for (const QString& form : std::as_const(forms))
        patterns.append({ form, form.toUtf8() });
    // The longest first: a whole credential goes as one, before its parts are looked for.
    std::sort(patterns.begin(), patterns.end(),
        [](const Pattern& a, const Pattern& b) { return a.text.size() > b.text.size(); });
    return std::make_shared<const Patterns>(std::move(patterns));
}

SecretRedactor SecretRedactor::with(const QString& secret) const
{
    if (secret.size() < minimumLength)
        return *this;
    SecretRedactor redactor = *this;
    redactor.m_extraSecrets.append(secret);
    redactor.m_extra = patternsOf(redactor.m_extraSecrets);
    return redactor;
}

template <typename Text> Text SecretRedactor::redactWith(Text text, const Patterns& patterns) const
{
    for (const Pattern& pattern : patterns) {
        if constexpr (std::is_same_v<Text, QString>) {
            if (text.contains(pattern.text))
                text.replace(pattern.text, mark);
        } else {
            if (text.contains(pattern.utf8))
                text.replace(pattern.utf8, mark.toUtf8());
        }
    }
    return text;
}

QString SecretRedactor::redact(QString text) const
{
    if (text.size() < minimumLength)
        return text; // no secret fits: most records' empty error messages
    if (m_extra)
        text = redactWith(std::move(text), *m_extra);
    return m_patterns ? redactWith(std::move(text), *m_patterns) : text;
}

QByteArray SecretRedactor::redact(QByteArray text) const
{
    if (text.size() < minimumLength)
        return text;
    if (m_extra)
        text = redactWith(std::move(text), *m_extra);
    return m_patterns ? redactWith(std::move(text), *m_patterns) : text;
}

bool SecretRedactor::isEmpty() const
{
    return (!m_patterns || m_patterns->isEmpty()) && (!m_extra || m_extra->isEmpty());
}
