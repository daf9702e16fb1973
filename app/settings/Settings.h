#pragma once

#include "app/activity/ActivityArchive.h"
#include "router/core/Result.h"
#include "router/routing/RouterSettings.h"

#include <QHash>
#include <QList>
#include <QString>

// Keyway's settings: their names, defaults, limits and meaning. Values live in the database
// (`keyway settings`), so the CLI and the window share them.
class Settings
{
public:
    enum class Kind { Integer, Address };

    struct Definition
    {
        QString name;
        Kind kind;
        QString defaultValue;
        qint64 minimum = 0;
        qint64 maximum = 0;
        QString description;
    };

    static const QList<Definition>& definitions();
    static const Definition* find(const QString& name);
    // The value in its normal form, or why it is not acceptable.
    static Result<QString> check(const QString& name, const QString& value);
    // Stored values over defaults, for every known setting.
    static QHash<QString, QString> effective(const QHash<QString, QString>& stored);
    // The routing limits among `effective` values.
    static RouterSettings routerSettings(const QHash<QString, QString>& effective);
    static ActivityArchive::Retention retention(const QHash<QString, QString>& effective);
};
