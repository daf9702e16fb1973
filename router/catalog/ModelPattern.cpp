#include "router/catalog/ModelPattern.h"

#include <QCoreApplication>

namespace {

bool isModelIdCharacter(QChar c)
{
    static const QString punctuation = QStringLiteral("-._:/@+");
    return (c.unicode() < 128 && c.isLetterOrNumber()) || punctuation.contains(c);
}

QString toRegularExpression(const QString& glob)
{
    QString regex;
    regex.reserve(glob.size() * 2);
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*' && i > 0 && glob.at(i - 1) == u'*')
            continue; // "**" means "*"; repeated ".*" would only make matching backtrack
        if (c == u'*')
            regex += QStringLiteral(".*");
        else if (c == u'?')
            regex += u'.';
        else
            regex += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression::anchoredPattern(regex);
}

} // namespace

ModelPattern::ModelPattern(QString text)
    : m_text(std::move(text))
    , m_regex(toRegularExpression(m_text),
          QRegularExpression::CaseInsensitiveOption | QRegularExpression::DontCaptureOption)
{ }

Result<ModelPattern> ModelPattern::parse(const QString& text)
{
    const auto fail = [](const QString& message) {
        return invalidInput(message);
    };
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(QCoreApplication::translate("ModelPattern", "A model pattern is empty."));
    if (trimmed.size() > maximumLength) {
        return fail(QCoreApplication::translate(
            "ModelPattern", "The model pattern is longer than %1 characters.")
                        .arg(maximumLength));
    }
    for (QChar c : trimmed) {
        if (c == u'*' || c == u'?' || isModelIdCharacter(c))
            continue;
        return fail(QCoreApplication::translate("ModelPattern",
            "The model pattern \"%1\" contains \"%2\", which no model id uses. "
            "Patterns may use letters, digits, - . _ : / @ + and the wildcards * and ?.")
                        .arg(trimmed, QString(c)));
    }
    return ModelPattern(trimmed);
}

bool ModelPattern::isGlob() const
{
    return m_text.contains(u'*') || m_text.contains(u'?');
}

bool ModelPattern::matches(QStringView modelId) const
{
    return m_regex.match(modelId).hasMatch();
}
