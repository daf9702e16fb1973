#include "app/cli/SecretInput.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

// The translation context of this file's messages, which lupdate reads from the macro.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SecretInput)
};

// The terminal settings to restore, also from the Ctrl-C handler.
termios savedTerminal {};
volatile std::sig_atomic_t echoIsOff = 0;

extern "C" void restoreTerminalAndExit(int signal)
{
    if (echoIsOff)
        tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Turns terminal echo off for its lifetime, and back on even when the user presses Ctrl-C.
class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &savedTerminal) != 0)
            return;
        m_previousHandler = std::signal(SIGINT, restoreTerminalAndExit);
        termios quiet = savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        echoIsOff = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (echoIsOff)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal);
        echoIsOff = 0;
        if (m_previousHandler != SIG_ERR)
            std::signal(SIGINT, m_previousHandler);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    void (*m_previousHandler)(int) = SIG_ERR;
};

// One line, or, when it opens a JSON object (a pasted service account), lines until the
// braces balance.
QByteArray readTypedSecret()
{
    QByteArray text;
    int depth = 0;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        const QByteArray line(buffer);
        text += line;
        if (!line.endsWith('\n'))
            continue; // a longer line than the buffer
        depth += static_cast<int>(line.count('{')) - static_cast<int>(line.count('}'));
        if (!text.trimmed().startsWith('{') || depth <= 0)
            break;
    }
    return text;
}

} // namespace

Result<QString> SecretInput::fromStandardInput()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return invalidInput(Text::tr("Cannot read the secret from standard input."));
    return QString::fromUtf8(input.readAll()).trimmed();
}

Result<QString> SecretInput::fromPrompt(const QString& prompt)
{
    if (!isatty(STDIN_FILENO)) {
        return invalidInput(
            Text::tr("No secret given: pass --secret-stdin and pipe the secret in, or "
                     "run the command in a terminal to be asked for it."));
    }
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    QByteArray typed;
    {
        EchoOff echoOff;
        typed = readTypedSecret();
    }
    std::fputs("\n", stderr);
    return QString::fromUtf8(typed).trimmed();
}

Result<QString> SecretInput::read(bool fromStdin, const QString& prompt, Emptiness emptiness)
{
    // On a terminal, standard input would echo what is typed: ask without echo instead.
    auto secret = fromStdin && !isatty(STDIN_FILENO) ? fromStandardInput() : fromPrompt(prompt);
    if (secret && secret->isEmpty() && emptiness == Emptiness::Refused) {
        return invalidInput(fromStdin
                ? Text::tr("Standard input held no secret. Pipe it in, for example: "
                           "pass show openai | keyway key add ... --secret-stdin")
                : Text::tr("No secret was typed."));
    }
    return secret;
}
