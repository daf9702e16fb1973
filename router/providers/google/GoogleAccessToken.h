#pragma once

#include <QDateTime>
#include <QString>

// An OAuth access token and when it stops working.
struct GoogleAccessToken
{
    QString value;
    QDateTime expiresAt;
};
