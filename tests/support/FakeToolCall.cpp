#include "tests/support/FakeToolCall.h"

#include <QJsonDocument>

FakeToolCall FakeToolCall::function(const QString& name, const QJsonObject& arguments)
{
    return { .name = name, .arguments = arguments };
}

FakeToolCall FakeToolCall::customTool(const QString& name, const QString& input)
{
    return { .name = name, .arguments = {}, .custom = true, .input = input };
}

QByteArray FakeToolCall::argumentsJson() const
{
    return QJsonDocument(arguments).toJson(QJsonDocument::Compact);
}

namespace {

QList<QString> inTwo(const QString& whole)
{
    qsizetype half = whole.size() / 2;
    if (half > 0 && whole.at(half).isLowSurrogate())
        ++half; // never half a character
    return { whole.left(half), whole.mid(half) };
}

} // namespace

QList<QString> FakeToolCall::argumentPieces() const
{
    return inTwo(QString::fromUtf8(argumentsJson()));
}

QList<QString> FakeToolCall::inputPieces() const
{
    return inTwo(input);
}
