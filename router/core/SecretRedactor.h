#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

// Takes every secret the router holds out of text that leaves it: errors to clients, upstream
// error bodies passed on, the error event that ends a broken stream, request records (the
// activity view, exports, GET /api/v1/generation) and log lines. Providers quote what they were
// given in their errors, in plain text or inside JSON, so each secret is looked for as it is and
// as JSON escapes it. A JSON credential (AWS keys, a Google service account) is taken apart into
// its secret members and a PEM private key into its lines, so that a part quoted alone is found
// too. Immutable; copies share their patterns, so a copy per request costs nothing.
class SecretRedactor
{
public:
    // What a secret is replaced by.
    static inline const QString mark = QStringLiteral("[redacted]");
    // Shorter fragments are left alone: they would match ordinary words and numbers.
    static constexpr qsizetype minimumLength = 8;

    SecretRedactor() = default;
    // `secrets` as the keychain keeps them: API keys, or JSON credentials.
    explicit SecretRedactor(const QStringList& secrets);

    // This redactor and one more secret, such as an access token got for one call.
    SecretRedactor with(const QString& secret) const;

    QString redact(QString text) const;
    QByteArray redact(QByteArray text) const;
    bool isEmpty() const;

private:
    struct Pattern
    {
        QString text;
        QByteArray utf8;
    };
    using Patterns = QList<Pattern>;

    static std::shared_ptr<const Patterns> patternsOf(const QStringList& secrets);
    template <typename Text> Text redactWith(Text text, const Patterns& patterns) const;

    std::shared_ptr<const Patterns> m_patterns;
    // Added by with(): few, and kept apart so that the snapshot's patterns stay shared.
    QStringList m_extraSecrets;
    std::shared_ptr<const Patterns> m_extra;
};
