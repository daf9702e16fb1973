#include "app/domain/SecretMask.h"

#include <QRegularExpression>

namespace {

// Well-known public prefixes, spelled out so that random characters never pass as a prefix.
QString publicPrefix(QStringView secret)
{
    static const QRegularExpression known(QStringLiteral(
        "^(sk-(proj-|ant-api[0-9]{2}-|ant-admin[0-9]{2}-|or-v[0-9]-|svcacct-|admin-)?|kw-|gsk_|"
        "xai-|AIza|AKIA|ASIA|ABSK)"));
    const QRegularExpressionMatch match = known.match(secret);
    return match.hasMatch() ? match.captured(0) : QString();
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
