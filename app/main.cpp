// Wires the libraries together: the CLI when a command is given, the window otherwise.

#include "app/AppCore.h"
#include "app/cli/Cli.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"
#include "ui/settings/SettingsPage.h"

#include <QApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace {

// Every streamed request holds two sockets (client and provider); the usual soft limit of 1024
// open files would cap the router near 500 streams.
void raiseOpenFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Keyway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYWAY_VERSION));
}

} // namespace

int main(int argc, char* argv[])
{
    raiseOpenFileLimit();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (Cli::handles(arguments)) {
        QCoreApplication application(argc, argv);
        describeApplication();
        Translations::install(QLocale());
        // The CLI prints every failure as a sentence; its diagnostics are for QT_LOGGING_RULES.
        QLoggingCategory::setFilterRules(
            QStringLiteral("keyway.*.info=false\nkeyway.*.warning=false"));
        return Cli::run(QCoreApplication::arguments());
    }
    QApplication application(argc, argv);
    describeApplication();
    Translations::install(QLocale());
    QApplication::setDesktopFileName(QStringLiteral("keyway"));
    AppCore core(Cli::databasePath(QCoreApplication::arguments()));
    MainWindow window(core);
    // Minimised to the tray only where there is a tray to come back from.
    if (!SettingsPage::startsMinimised() || !QSystemTrayIcon::isSystemTrayAvailable())
        window.show();
    core.start();
    return QApplication::exec();
}
