#include "app/activity/ActivityArchive.h"

#include "app/sql/SqlValues.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace {

const QString requestsVersion1 = QStringLiteral(R"(CREATE TABLE IF NOT EXISTS requests (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        local_key_id INTEGER NOT NULL,
        member_id INTEGER NOT NULL,
        workspace_id INTEGER NOT NULL,
        endpoint TEXT NOT NULL,
        requested_model TEXT NOT NULL,
        served_model TEXT NOT NULL,
        stream INTEGER NOT NULL,
        status INTEGER NOT NULL,
        error TEXT NOT NULL,
        key_label TEXT NOT NULL,
        latency_ms INTEGER NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cached_tokens INTEGER NOT NULL,
        reasoning_tokens INTEGER NOT NULL))");

// Kept with IF NOT EXISTS: a file of version 1 may lack any of them.
const QStringList attemptsAndIndexes {
    QStringLiteral("CREATE INDEX IF NOT EXISTS requests_started ON requests (started_at)"),
    QStringLiteral(R"(CREATE TABLE IF NOT EXISTS attempts (
        request_id TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        key_id INTEGER NOT NULL,
        key_label TEXT NOT NULL,
        provider TEXT NOT NULL,
        tier INTEGER NOT NULL,
        model TEXT NOT NULL,
        started_at TEXT NOT NULL,
        latency_ms INTEGER NOT NULL,
        http_status INTEGER NOT NULL,
        error_class TEXT NOT NULL,
        error_message TEXT NOT NULL,
        rate_limit_headers TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cached_tokens INTEGER NOT NULL,
        reasoning_tokens INTEGER NOT NULL,
        dropped_fields TEXT NOT NULL,
        malformed_events INTEGER NOT NULL,
        PRIMARY KEY (request_id, number)))"),
    QStringLiteral("CREATE INDEX IF NOT EXISTS attempts_key ON attempts (key_id, started_at)"),
};

// Version 1 had no cost.
const SqlDatabase::Migrations migrations {
    QStringList { requestsVersion1 } + attemptsAndIndexes,
    QStringList { QStringLiteral("ALTER TABLE requests ADD COLUMN cost REAL") }
        + attemptsAndIndexes,
};

const QStringList attemptColumns { QStringLiteral("request_id"), QStringLiteral("number"),
    QStringLiteral("key_id"), QStringLiteral("key_label"), QStringLiteral("provider"),
    QStringLiteral("tier"), QStringLiteral("model"), QStringLiteral("started_at"),
    QStringLiteral("latency_ms"), QStringLiteral("http_status"), QStringLiteral("error_class"),
    QStringLiteral("error_message"), QStringLiteral("rate_limit_headers"), QStringLiteral("bytes"),
    QStringLiteral("prompt_tokens"), QStringLiteral("completion_tokens"),
    QStringLiteral("cached_tokens"), QStringLiteral("reasoning_tokens"),
    QStringLiteral("dropped_fields"), QStringLiteral("malformed_events") };

using SqlValues::text;

QString stored(const QDateTime& time)
{
    return SqlValues::storedTime(time);
}

QDateTime fromStored(const QString& text)
{
    return SqlValues::timeFrom(text);
}

QString headersJson(const HttpHeaders& headers)
{
    if (headers.isEmpty())
        return QStringLiteral("{}"); // most attempts: no JSON work per row
    QJsonObject object;
    for (const auto& [name, value] : headers)
        object.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString listJson(const QStringList& list)
{
    if (list.isEmpty())
        return QStringLiteral("[]");
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

HttpHeaders headersFrom(const QString& json)
{
    HttpHeaders headers;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        headers.append({ it.key().toLatin1(), it.value().toString().toLatin1() });
    return headers;
}

const QString recordColumns = QStringLiteral(
    "id, started_at, local_key_id, member_id, workspace_id, endpoint, requested_model, "
    "served_model, stream, status, error, key_label, latency_ms, prompt_tokens, "
    "completion_tokens, cached_tokens, reasoning_tokens, cost");

// NULL for "no price known", which is not the same as free.
std::optional<double> optionalDouble(const QVariant& value)
{
    return SqlValues::optionalFrom<double>(value);
}

// Four token counts in a row of columns, from `first` on.
TokenUsage usageFrom(const QSqlQuery& q, int first)
{
    return { q.value(first).toLongLong(), q.value(first + 1).toLongLong(),
        q.value(first + 2).toLongLong(), q.value(first + 3).toLongLong() };
}

RequestRecord requestFrom(const QSqlQuery& q)
{
    RequestRecord r;
    r.id = q.value(1).toString();
    r.startedAt = fromStored(q.value(2).toString());
    r.localKeyId = q.value(3).toLongLong();
    r.memberId = q.value(4).toLongLong();
    r.workspaceId = q.value(5).toLongLong();
    r.endpoint = q.value(6).toString();
    r.requestedModel = q.value(7).toString();
    r.servedModel = q.value(8).toString();
    r.stream = q.value(9).toBool();
    r.status = q.value(10).toInt();
    r.errorMessage = q.value(11).toString();
    r.keyLabel = q.value(12).toString();
    r.latencyMs = q.value(13).toLongLong();
    r.usage = usageFrom(q, 14);
    r.cost = optionalDouble(q.value(18));
    return r;
}

AttemptRecord attemptFrom(const QSqlQuery& q)
{
    AttemptRecord a;
    a.requestId = q.value(0).toString();
    a.number = q.value(1).toInt();
    a.keyId = q.value(2).toLongLong();
    a.keyLabel = q.value(3).toString();
    a.providerId = q.value(4).toString();
    a.tier = tierFromStoredValue(q.value(5).toInt()).value_or(Tier::Prioritized);
    a.model = q.value(6).toString();
    a.startedAt = fromStored(q.value(7).toString());
    a.latencyMs = q.value(8).toLongLong();
    a.httpStatus = q.value(9).toInt();
    a.errorClass = q.value(10).toString();
    a.errorMessage = q.value(11).toString();
    a.rateLimitHeaders = headersFrom(q.value(12).toString());
    a.bytes = q.value(13).toLongLong();
    a.usage = usageFrom(q, 14);
    for (const QJsonValue& field : QJsonDocument::fromJson(q.value(18).toString().toUtf8()).array())
        a.droppedFields.append(field.toString());
    a.malformedEvents = q.value(19).toInt();
    return a;
}

} // namespace

ActivityArchive::ActivityArchive()
    : m_db(QStringLiteral("keyway-activity"))
{ }

ActivityArchive::~ActivityArchive()
{
    // The prepared statements go before their connection.
    m_insertRequest.reset();
    m_insertAttempt.reset();
}

QString ActivityArchive::pathFor(const QString& databasePath)
{
    const QFileInfo info(databasePath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-activity.db"));
}

Failure ActivityArchive::aboutArchive(const Failure& failure)
{
    return { failure.kind, tr("The activity log could not be used. %1").arg(failure.message),
        failure.field };
}

Result<QSqlQuery> ActivityArchive::exec(const QString& sql, const QVariantList& values)
{
    auto q = m_db.exec(sql, values);
    if (!q)
        return aboutArchive(q.failure());
    return q;
}

Result<void> ActivityArchive::open(const QString& path)
{
    auto opened = openFile(path);
    return opened ? opened : aboutArchive(opened.failure());
}

Result<void> ActivityArchive::openFile(const QString& path)
{
    if (auto opened = m_db.open(path); !opened)
        return opened;
    if (auto migrated = m_db.migrate(migrations); !migrated)
        return migrated;
    auto insertRequest = m_db.prepare(m_db.replaceStatement(
        QStringLiteral("requests"), recordColumns.split(QStringLiteral(", "))));
    if (!insertRequest)
        return insertRequest.failure();
    auto insertAttempt
        = m_db.prepare(m_db.replaceStatement(QStringLiteral("attempts"), attemptColumns));
    if (!insertAttempt)
        return insertAttempt.failure();
    m_insertRequest = std::move(*insertRequest);
    m_insertAttempt = std::move(*insertAttempt);
    return {};
}

Result<void> ActivityArchive::writeRecord(const RequestRecord& r)
{
    if (auto request = m_db.run(*m_insertRequest,
            { r.id, stored(r.startedAt), r.localKeyId, r.memberId, r.workspaceId, text(r.endpoint),
                text(r.requestedModel), text(r.servedModel), r.stream, r.status,
                text(r.errorMessage), text(r.keyLabel), r.latencyMs, r.usage.prompt,
                r.usage.completion, r.usage.cached, r.usage.reasoning,
                SqlValues::nullable(r.cost) });
        !request)
        return request;
    for (const AttemptRecord& a : r.attempts) {
        if (auto attempt = m_db.run(*m_insertAttempt,
                { r.id, a.number, a.keyId, text(a.keyLabel), text(a.providerId), int(a.tier),
                    text(a.model), stored(a.startedAt), a.latencyMs, a.httpStatus,
                    text(a.errorClass), text(a.errorMessage), headersJson(a.rateLimitHeaders),
                    a.bytes, a.usage.prompt, a.usage.completion, a.usage.cached, a.usage.reasoning,
                    listJson(a.droppedFields), a.malformedEvents });
            !attempt)
            return attempt;
    }
    return {};
}

Result<void> ActivityArchive::write(
    const QList<RequestRecord>& records, const std::function<void()>& afterEachRecord)
{
    auto written = m_db.transaction([&]() -> Result<void> {
        for (const RequestRecord& record : records) {
            if (auto done = writeRecord(record); !done)
                return done;
            if (afterEachRecord)
                afterEachRecord();
        }
        return {};
    });
    return written ? written : aboutArchive(written.failure());
}

Result<QList<RequestRecord>> ActivityArchive::select(
    const QString& where, const QVariantList& values, qint64* lastSequence)
{
    auto q = exec(QStringLiteral("SELECT sequence, ") + recordColumns
            + QStringLiteral(" FROM requests ") + where,
        values);
    if (!q)
        return q.failure();
    QList<RequestRecord> records;
    while (q->next()) {
        records.append(requestFrom(*q));
        if (lastSequence)
            *lastSequence = std::max(*lastSequence, q->value(0).toLongLong());
    }
    std::sort(records.begin(), records.end(),
        [](const RequestRecord& a, const RequestRecord& b) { return a.startedAt < b.startedAt; });
    if (auto loaded = loadAttempts(records); !loaded)
        return loaded.failure();
    return records;
}

Result<void> ActivityArchive::loadAttempts(QList<RequestRecord>& records)
{
    for (RequestRecord& record : records) {
        auto q = exec(QStringLiteral("SELECT * FROM attempts WHERE request_id = ? ORDER BY number"),
            { record.id });
        if (!q)
            return q.failure();
        while (q->next())
            record.attempts.append(attemptFrom(*q));
    }
    return {};
}

Result<std::optional<RequestRecord>> ActivityArchive::find(const QString& id)
{
    auto found = select(QStringLiteral("WHERE id = ?"), { id }, nullptr);
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return std::optional<RequestRecord>();
    return std::optional(found->constFirst());
}

Result<QList<RequestRecord>> ActivityArchive::latest(int limit, qint64* lastSequence)
{
    if (lastSequence)
        *lastSequence = 0;
    return select(QStringLiteral("ORDER BY sequence DESC LIMIT ?"), { limit }, lastSequence);
}

Result<QList<RequestRecord>> ActivityArchive::after(qint64 sequence, qint64* lastSequence)
{
    if (lastSequence)
        *lastSequence = sequence;
    return select(QStringLiteral("WHERE sequence > ? ORDER BY sequence LIMIT 1000"), { sequence },
        lastSequence);
}

Result<qint64> ActivityArchive::dataBytes()
{
    auto bytes = m_db.dataBytes();
    return bytes ? bytes : aboutArchive(bytes.failure());
}

Result<int> ActivityArchive::prune(const Retention& retention, const QDateTime& now)
{
    auto aged = exec(QStringLiteral("DELETE FROM requests WHERE started_at < ?"),
        { stored(now.addDays(-retention.days)) });
    if (!aged)
        return aged.failure();
    int removed = aged->numRowsAffected();
    // Then the oldest tenth at a time until the data is within its size.
    const qint64 limit = retention.megabytes * 1024 * 1024;
    for (auto bytes = dataBytes(); bytes && *bytes > limit; bytes = dataBytes()) {
        auto oldest = exec(QStringLiteral(
            "DELETE FROM requests WHERE sequence IN (SELECT sequence FROM requests ORDER BY "
            "sequence LIMIT MAX(1, (SELECT COUNT(*) FROM requests) / 10))"));
        if (!oldest)
            return oldest.failure();
        if (oldest->numRowsAffected() <= 0)
            break;
        removed += oldest->numRowsAffected();
    }
    return removed;
}

Result<UsageReport> ActivityArchive::usage(const QDateTime& since)
{
    UsageReport report;
    // Both read the requests the started_at index finds, and their attempts by primary key.
    auto months = exec(QStringLiteral(R"(
        SELECT substr(a.started_at, 1, 7) AS month, a.key_id, MAX(a.key_label), COUNT(*),
            SUM(a.error_class = '' AND a.http_status BETWEEN 200 AND 299),
            SUM(a.error_class <> '' AND EXISTS (SELECT 1 FROM attempts b
                WHERE b.request_id = a.request_id AND b.number > a.number)),
            SUM(a.error_class = 'rate_limited'), SUM(a.prompt_tokens), SUM(a.completion_tokens),
            SUM(CASE WHEN a.error_class = '' AND a.http_status BETWEEN 200 AND 299
                THEN r.cost END)
        FROM requests r JOIN attempts a ON a.request_id = r.id WHERE r.started_at >= ?
        GROUP BY month, a.key_id ORDER BY month DESC, COUNT(*) DESC)"),
        { stored(since) });
    if (!months)
        return months.failure();
    while (months->next()) {
        report.keyMonths.append({ months->value(0).toString(), months->value(1).toLongLong(),
            months->value(2).toString(), months->value(3).toInt(), months->value(4).toInt(),
            months->value(5).toInt(), months->value(6).toInt(), months->value(7).toLongLong(),
            months->value(8).toLongLong(), optionalDouble(months->value(9)) });
    }
    auto days = exec(QStringLiteral(R"(
        SELECT substr(r.started_at, 1, 10) AS day, COUNT(*),
            SUM((SELECT COUNT(*) FROM attempts a WHERE a.request_id = r.id) > 1)
        FROM requests r WHERE r.started_at >= ? GROUP BY day ORDER BY day)"),
        { stored(since) });
    if (!days)
        return days.failure();
    while (days->next()) {
        report.days.append({ QDate::fromString(days->value(0).toString(), Qt::ISODate),
            days->value(1).toInt(), days->value(2).toInt() });
    }
    return report;
}
