#include "app/domain/NameRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(NameRules)
};

bool hasControlCharacter(const QString& text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

std::optional<QString> checkDisplayText(const QString& text, const QString& what, qsizetype max)
{
    if (text.trimmed().isEmpty())
        return Text::tr("The %1 is empty.").arg(what);
    if (text != text.trimmed())
        return Text::tr("The %1 starts or ends with spaces.").arg(what);
    if (text.size() > max)
        return Text::tr("The %1 is longer than %2 characters.").arg(what).arg(max);
    if (hasControlCharacter(text))
        return Text::tr("The %1 contains a control character.").arg(what);
    return std::nullopt;
}

} // namespace

std::optional<QString> NameRules::checkKeyLabel(const QString& label)
{
    return checkDisplayText(label, Text::tr("label"), maximumLabelLength);
}

std::optional<QString> NameRules::checkMemberName(const QString& name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]*$"));
    if (auto problem = checkDisplayText(name, Text::tr("member name"), maximumNameLength))
        return problem;
    if (!allowed.match(name).hasMatch()) {
        return Text::tr("The member name \"%1\" may use only letters, digits and . _ @ -, and must "
                        "start with a letter or digit.")
            .arg(name);
    }
    return std::nullopt;
}

std::optional<QString> NameRules::checkWorkspaceName(const QString& name)
{
    if (auto problem = checkDisplayText(name, Text::tr("workspace name"), maximumNameLength))
        return problem;
    if (name == u"*")
        return Text::tr("\"*\" is reserved for keys that serve all workspaces.");
    return std::nullopt;
}
