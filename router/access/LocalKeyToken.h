#pragma once

#include <QByteArray>
#include <QString>

// The secret a tool presents to the router: "kw-" followed by 256 random bits in url-safe
// base64 (43 characters). The database keeps only its SHA-256; the keychain keeps the
// plaintext so the person can reveal it again.
class LocalKeyToken
{
public:
    static constexpr qsizetype randomBytes = 32;
    static constexpr qsizetype encodedLength = 3 + 43;

    static QLatin1StringView prefix() { return QLatin1StringView("kw-"); }

    // A fresh token from the operating system's cryptographic generator.
    static QString generate();
    static bool isWellFormed(QStringView token);
    static QByteArray hash(QStringView token);
    // Compares two digests in time independent of where they differ.
    static bool hashesEqual(const QByteArray& a, const QByteArray& b);
};
