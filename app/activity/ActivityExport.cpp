#include "app/activity/ActivityExport.h"

#include "router/records/RequestRecordJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

// RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe.
QByteArray csvCell(const QString& text)
{
    QString cell = text;
    if (!cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()))
        cell.prepend(u'\'');
    if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r'))
        cell = u'"' + cell.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return cell.toUtf8();
}

} // namespace

QByteArray ActivityExport::toCsv(
    const QList<RequestRecord>& records, const QHash<qint64, QString>& memberNames)
{
    QByteArray csv = "id,started_at,member,local_key_id,endpoint,requested_model,served_model,"
                     "stream,status,attempts,key,latency_ms,prompt_tokens,completion_tokens,"
                     "cached_tokens,reasoning_tokens,cost_usd,error\r\n";
    for (const RequestRecord& r : records) {
        const QStringList cells { r.id, r.startedAt.toUTC().toString(Qt::ISODateWithMs),
            memberNames.value(r.memberId, QString::number(r.memberId)),
            QString::number(r.localKeyId), r.endpoint, r.requestedModel, r.servedModel,
            r.stream ? QStringLiteral("true") : QStringLiteral("false"), QString::number(r.status),
            QString::number(r.attempts.size()), r.keyLabel, QString::number(r.latencyMs),
            QString::number(r.usage.prompt), QString::number(r.usage.completion),
            QString::number(r.usage.cached), QString::number(r.usage.reasoning),
            r.cost ? QString::number(*r.cost, 'g', 12) : QString(), r.errorMessage };
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                csv += ',';
            csv += csvCell(cells.at(i));
        }
        csv += "\r\n";
    }
    return csv;
}

QByteArray ActivityExport::toJson(const QList<RequestRecord>& records)
{
    QJsonArray array;
    for (const RequestRecord& record : records)
        array.append(RequestRecordJson::toJson(record));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

Result<void> ActivityExport::write(const QString& path, Format format,
    const QList<RequestRecord>& records, const QHash<qint64, QString>& memberNames)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return invalidInput(QCoreApplication::translate("ActivityExport", "Cannot write %1: %2")
                                .arg(path, file.errorString()));
    file.write(format == Format::Csv ? toCsv(records, memberNames) : toJson(records));
    if (!file.commit())
        return invalidInput(QCoreApplication::translate("ActivityExport", "Cannot write %1: %2")
                                .arg(path, file.errorString()));
    return {};
}
