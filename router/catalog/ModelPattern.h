#pragma once

#include "router/core/Result.h"

#include <QRegularExpression>
#include <QString>

#include <optional>

// One entry of a key's model filter: an exact model id ("openai/gpt-4.1") or a glob where
// '*' matches any run of characters, '/' included, and '?' matches one character.
// Matching ignores case: providers and people spell the same model with different case.
class ModelPattern
{
public:
    static constexpr qsizetype maximumLength = 200;

    // Fails (InvalidInput) with a sentence a person can act on when the text is not a valid
    // pattern (empty, too long, or a character that no model id uses).
    static Result<ModelPattern> parse(const QString& text);

    const QString& text() const { return m_text; }
    bool isGlob() const;
    bool matches(QStringView modelId) const;

    friend bool operator==(const ModelPattern& a, const ModelPattern& b)
    {
        return a.m_text == b.m_text;
    }

private:
    explicit ModelPattern(QString text);

    QString m_text;
    QRegularExpression m_regex;
};
