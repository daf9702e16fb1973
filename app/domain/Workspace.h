#pragma once

#include <QDateTime>
#include <QString>

// A named set of provider keys and local API keys ("Personal", "Acme prod"). A request is
// routed only over the keys of its local key's workspace and the keys marked for all.
struct Workspace
{
    static QLatin1StringView defaultName() { return QLatin1StringView("Personal"); }

    qint64 id = 0;
    QString name;
    QDateTime createdAt;
};
