#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// File helpers for tests that look at what Keyway wrote.
class TestFiles
{
public:
    // The database file and whatever WAL and shared-memory files sit beside it.
    static QStringList databaseFiles(const QString& databasePath);
    // The byte needles found in any of the files, as "file: needle" lines.
    static QStringList findBytes(const QStringList& files, const QList<QByteArray>& needles);
    // A 2.5 KB Google service-account JSON with a freshly made (not a real) private key.
    static QString serviceAccountJson();
};
