#include "SecretMask.h"

#include <QRegularExpression>

namespace {

// Well-known public prefixes: "sk-", "sk-ant-api03-", "sk-or-v1-", "kw-", "AIza", "AKIA".
QString publicPrefix(QStringView secret)
{
    static const QRegularExpression dashed(
        QStringLiteral("^(?:[a-z]{2,4}-){1,2}(?:[a-z0-9]{2,5}-)?"));
    static const QRegularExpression vendor(QStringLiteral("^(AIza|AKIA|ASIA|ABSK)"));
    for (const QRegularExpression* re : { &dashed, &vendor }) {
        const QRegularExpressionMatch match = re->match(secret);
        if (match.hasMatch())
            return match.captured(0);
    }
    return {};
}

} // namespace

QString SecretMask::mask(QStringView secret)
{
    const QString prefix = publicPrefix(secret);
    const qsizetype hidden = secret.size() - prefix.size();
    // Show four characters of at least twenty, two of at least ten, none of anything shorter.
    const qsizetype shown = hidden >= 20 ? 4 : hidden >= 10 ? 2 : 0;
    if (hidden <= 0)
        return QStringLiteral("…");
    return prefix + u'…' + secret.last(shown);
}
