#pragma once

#include <QString>
#include <QVariant>

// A second SQLite connection to a database file, as another program would hold one: to look at
// what Keyway wrote, or to lock the file while Keyway works.
class OtherConnection
{
public:
    explicit OtherConnection(const QString& path);
    ~OtherConnection();
    OtherConnection(const OtherConnection&) = delete;
    OtherConnection& operator=(const OtherConnection&) = delete;

    bool exec(const QString& sql);
    QVariant scalar(const QString& sql);
    void close();

private:
    QString m_name;
};
