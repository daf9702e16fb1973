#include "app/AppPaths.h"

#include <QDir>
#include <QStandardPaths>

QString AppPaths::defaultDatabasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("KEYWAY_DATABASE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("Keyway/keyway.db"));
}
