#pragma once

#include "../Result.h"

#include <QString>

// Reads a secret the safe ways only: all of standard input, or a terminal prompt without echo.
// Never from a command-line argument, where other users and shell history could see it.
class SecretInput
{
public:
    static Result<QString> fromStandardInput();
    // Prompts on the terminal with echo off; fails when standard input is not a terminal.
    static Result<QString> fromPrompt(const QString& prompt);
    // --secret-stdin reads standard input; otherwise a terminal is prompted.
    static Result<QString> read(bool fromStdin, const QString& prompt);
};
