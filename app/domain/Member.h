#pragma once

#include <QDateTime>
#include <QString>

// A person or agent profile that owns local API keys ("me", "ci-bot").
struct Member
{
    static QLatin1StringView defaultName() { return QLatin1StringView("me"); }

    qint64 id = 0;
    QString name;
    QDateTime createdAt;
};
