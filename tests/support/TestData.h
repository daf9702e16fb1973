#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Made-up secrets and test JSON for tests, and a look at the files Keyway wrote.
class TestData
{
public:
    // The database file and whatever WAL and shared-memory files sit beside it.
    static QStringList databaseFiles(const QString& databasePath);
    // The byte needles found in any of the files, as "file: needle" lines.
    static QStringList findBytes(const QStringList& files, const QList<QByteArray>& needles);
    // `length` random letters and digits, the body of a made-up API key.
    static QString randomText(int length);
    // A 2.5 KB Google service-account JSON with a freshly made (not a real) private key.
    static QString serviceAccountJson();
    // A test's JSON text as an object; says on the test log where the text is not valid JSON
    // (an empty object is what the test then compares).
    static QJsonObject json(const QByteArray& text);
};
