#pragma once

#include "router/core/Result.h"

#include <QString>

// Reads a secret the safe ways only: all of standard input, or a terminal prompt without echo.
// Never from a command-line argument, where other users and shell history could see it.
class SecretInput
{
public:
    enum class Emptiness {
        Refused,
        Allowed, // providers that may go without a key (a local Ollama)
    };

    // --secret-stdin reads standard input to its end; otherwise, or when standard input is a
    // terminal anyway, the terminal is asked with echo off.
    static Result<QString> read(bool fromStdin, const QString& prompt, Emptiness emptiness);

private:
    static Result<QString> fromStandardInput();
    static Result<QString> fromPrompt(const QString& prompt);
};
