#include "SecretInput.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SecretInput", text);
}

// Turns terminal echo off for its lifetime.
class EchoOff
{
public:
    EchoOff()
    {
        m_active = tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (m_active) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};

} // namespace

Result<QString> SecretInput::fromStandardInput()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return invalidInput(tr("Cannot read the secret from standard input."));
    const QString secret = QString::fromUtf8(input.readAll()).trimmed();
    if (secret.isEmpty())
        return invalidInput(tr("Standard input held no secret. Pipe it in, for example: "
                               "pass show openai | keyway key add ... --secret-stdin"));
    return secret;
}

Result<QString> SecretInput::fromPrompt(const QString& prompt)
{
    if (!isatty(STDIN_FILENO)) {
        return invalidInput(tr("No secret given: pass --secret-stdin and pipe the secret in, or "
                               "run the command in a terminal to be asked for it."));
    }
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    QByteArray line;
    {
        EchoOff echoOff;
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, stdin)) {
            line += buffer;
            if (line.endsWith('\n'))
                break;
        }
    }
    std::fputs("\n", stderr);
    const QString secret = QString::fromUtf8(line).trimmed();
    if (secret.isEmpty())
        return invalidInput(tr("No secret was typed."));
    return secret;
}

Result<QString> SecretInput::read(bool fromStdin, const QString& prompt)
{
    return fromStdin ? fromStandardInput() : fromPrompt(prompt);
}
