#pragma once

#include "router/core/Result.h"
#include "router/records/RequestRecord.h"

#include <QHash>

// Request records as files a person takes elsewhere: CSV (a row per request) or JSON (the shape
// of GET /api/v1/generation, attempts included). Records hold no secrets and no prompts.
class ActivityExport
{
public:
    enum class Format { Csv, Json };

    static QByteArray toCsv(
        const QList<RequestRecord>& records, const QHash<qint64, QString>& memberNames);
    static QByteArray toJson(const QList<RequestRecord>& records);
    // Writes the file whole or not at all (through a temporary file).
    static Result<void> write(const QString& path, Format format,
        const QList<RequestRecord>& records, const QHash<qint64, QString>& memberNames);
};
