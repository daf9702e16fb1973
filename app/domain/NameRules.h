#pragma once

#include <QString>

#include <optional>

// What a label or name may look like. Each check returns the problem as a sentence, or nothing.
class NameRules
{
public:
    static constexpr qsizetype maximumLabelLength = 100;
    static constexpr qsizetype maximumNameLength = 64;

    static std::optional<QString> checkKeyLabel(const QString& label);
    static std::optional<QString> checkMemberName(const QString& name);
    static std::optional<QString> checkWorkspaceName(const QString& name);
};
