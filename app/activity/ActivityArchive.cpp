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

// The use of requests the log turned away (ActivityLog, UnkeptUse), summed per UTC day, so
// the usage figures count them although their rows are missing.
const QStringList unkeptUse {
    QStringLiteral(R"(CREATE TABLE unkept_requests (
        day TEXT NOT NULL PRIMARY KEY,
        requests INTEGER NOT NULL,
        failed_over INTEGER NOT NULL))"),
    QStringLiteral(R"(CREATE TABLE unkept_attempts (
        day TEXT NOT NULL,
        key_id INTEGER NOT NULL,
        key_label TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        failovers INTEGER NOT NULL,
        rate_limited INTEGER NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost REAL,
        PRIMARY KEY (day, key_id)))"),
};

// Version 1 had no cost, version 2 no unkept use.
const SqlDatabase::Migrations migrations {
    QStringList { requestsVersion1 } + attemptsAndIndexes,
    QStringList { QStringLiteral("ALTER TABLE requests ADD COLUMN cost REAL") }
        + attemptsAndIndexes,
    unkeptUse,
};

// Enough for a batch's changed pages (ActivityLog::batchLimit requests take some 4 MB): a
// smaller cache spills pages to the log file in the middle of the transaction and writes them
// again, which made the writer eight times more pwrite()s (tests/bench/ActivityThroughput).
// A bound, not an allocation: the cache grows to it only under load.
constexpr int pageCacheKiB = 16 * 1024;

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

// Rate-limit headers and dropped fields are stored one per line ("name: value" as HTTP has
// them; a header cannot hold a line break, nor can a field name): OpenAI sends rate-limit
// headers with every answer, and making JSON of them took 15 % of the writer's time. Rows
// written before kept JSON, which reading still takes.
QString headerLines(const HttpHeaders& headers)
{
    QByteArray lines;
    for (const auto& [name, value] : headers) {
        if (!lines.isEmpty())
            lines += '\n';
        lines += name + ": " + value;
    }
    return QString::fromLatin1(lines);
}

HttpHeaders headersFrom(const QString& stored)
{
    HttpHeaders headers;
    if (stored.startsWith(u'{')) {
        const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
        for (auto it = object.begin(); it != object.end(); ++it)
            headers.append({ it.key().toLatin1(), it.value().toString().toLatin1() });
        return headers;
    }
    for (const QString& line : stored.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        if (colon > 0)
            headers.append({ line.left(colon).toLatin1(), line.mid(colon + 2).toLatin1() });
    }
    return headers;
}

QStringList listFrom(const QString& stored)
{
    if (!stored.startsWith(u'['))
        return stored.split(u'\n', Qt::SkipEmptyParts);
    QStringList list;
    for (const QJsonValue& field : QJsonDocument::fromJson(stored.toUtf8()).array())
        list.append(field.toString());
    return list;
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
    a.droppedFields = listFrom(q.value(18).toString());
    a.malformedEvents = q.value(19).toInt();
    return a;
}

// Binds one row's values from `position` on, advancing it.
class RowBinder
{
public:
    RowBinder(QSqlQuery& query, int& position)
        : m_query(query)
        , m_position(position)
    { }
    template <typename T> RowBinder& operator<<(const T& value)
    {
        m_query.bindValue(m_position++, value);
        return *this;
    }

private:
    QSqlQuery& m_query;
    int& m_position;
};

void bindRequest(QSqlQuery& q, int& position, const RequestRecord& r)
{
    RowBinder(q, position) << r.id << stored(r.startedAt) << r.localKeyId << r.memberId
                           << r.workspaceId << text(r.endpoint) << text(r.requestedModel)
                           << text(r.servedModel) << r.stream << r.status << text(r.errorMessage)
                           << text(r.keyLabel) << r.latencyMs << r.usage.prompt
                           << r.usage.completion << r.usage.cached << r.usage.reasoning
                           << SqlValues::nullable(r.cost);
}

void bindAttempt(QSqlQuery& q, int& position, const ActivityArchive::AttemptRow& row)
{
    const AttemptRecord& a = *row.attempt;
    RowBinder(q, position) << row.requestId << a.number << a.keyId << text(a.keyLabel)
                           << text(a.providerId) << int(a.tier) << text(a.model)
                           << stored(a.startedAt) << a.latencyMs << a.httpStatus
                           << text(a.errorClass) << text(a.errorMessage)
                           << text(headerLines(a.rateLimitHeaders)) << a.bytes << a.usage.prompt
                           << a.usage.completion << a.usage.cached << a.usage.reasoning
                           << text(a.droppedFields.join(u'\n')) << a.malformedEvents;
}

} // namespace

ActivityArchive::ActivityArchive()
    : m_db(QStringLiteral("keyway-activity"))
{ }

ActivityArchive::~ActivityArchive()
{
    // The prepared statements go before their connection.
    m_requests.clear();
    m_attempts.clear();
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
    if (auto cache = m_db.setPageCacheKiB(pageCacheKiB); !cache)
        return cache;
    auto requests
        = prepareInserts(QStringLiteral("requests"), recordColumns.split(QStringLiteral(", ")));
    if (!requests)
        return requests.failure();
    auto attempts = prepareInserts(QStringLiteral("attempts"), attemptColumns);
    if (!attempts)
        return attempts.failure();
    m_requests = std::move(*requests);
    m_attempts = std::move(*attempts);
    return {};
}

Result<ActivityArchive::Inserts> ActivityArchive::prepareInserts(
    const QString& table, const QStringList& columns)
{
    Inserts inserts;
    for (int rows = SqlDatabase::rowsPerStatement(columns.size()); rows >= 1; rows /= 2) {
        auto insert = m_db.prepare(m_db.replaceStatement(table, columns, rows));
        if (!insert)
            return insert.failure();
        inserts.emplace(rows, std::move(*insert));
    }
    return inserts;
}

template <typename Row, typename Bind>
Result<void> ActivityArchive::insertRows(Inserts& inserts, const QList<Row>& rows, Bind bind,
    const std::function<void()>& afterEachStatement)
{
    for (qsizetype next = 0; next < rows.size();) {
        // The largest statement the rows left fill: a batch's tail takes a few statements,
        // not one per row, from a handful of prepared ones.
        auto& [count, insert] = *std::prev(inserts.upper_bound(int(rows.size() - next)));
        int position = 0;
        for (qsizetype i = 0; i < count; ++i)
            bind(insert, position, rows.at(next + i));
        if (auto done = m_db.run(insert, {}); !done)
            return done;
        next += count;
        if (afterEachStatement)
            afterEachStatement();
    }
    return {};
}

Result<void> ActivityArchive::write(
    const QList<RequestRecord>& records, const std::function<void()>& afterEachStatement)
{
    QList<AttemptRow> attempts;
    attempts.reserve(records.size());
    for (const RequestRecord& record : records) {
        for (const AttemptRecord& attempt : record.attempts)
            attempts.append({ record.id, &attempt });
    }
    auto written = m_db.transaction([&]() -> Result<void> {
        if (auto done = insertRows(m_requests, records, bindRequest, afterEachStatement); !done)
            return done;
        return insertRows(m_attempts, attempts, bindAttempt, afterEachStatement);
    });
    return written ? written : aboutArchive(written.failure());
}

Result<void> ActivityArchive::addUnkept(const UnkeptUse& unkept)
{
    auto added = m_db.transaction([&]() -> Result<void> {
        for (auto it = unkept.days().cbegin(); it != unkept.days().cend(); ++it) {
            if (auto done = m_db.addTo(QStringLiteral("unkept_requests"), { QStringLiteral("day") },
                    {}, { QStringLiteral("requests"), QStringLiteral("failed_over") },
                    { it.key().toString(Qt::ISODate), it->requests, it->failedOver });
                !done)
                return done;
        }
        for (auto it = unkept.keyDays().cbegin(); it != unkept.keyDays().cend(); ++it) {
            if (auto done = m_db.addTo(QStringLiteral("unkept_attempts"),
                    { QStringLiteral("day"), QStringLiteral("key_id") },
                    { QStringLiteral("key_label") },
                    { QStringLiteral("attempts"), QStringLiteral("answered"),
                        QStringLiteral("failovers"), QStringLiteral("rate_limited"),
                        QStringLiteral("prompt_tokens"), QStringLiteral("completion_tokens"),
                        QStringLiteral("cost") },
                    { it.key().first.toString(Qt::ISODate), it.key().second, text(it->keyLabel),
                        it->attempts, it->answered, it->failovers, it->rateLimited,
                        it->promptTokens, it->completionTokens, SqlValues::nullable(it->cost) });
                !done)
                return done;
        }
        return {};
    });
    return added ? added : aboutArchive(added.failure());
}

Result<qint64> ActivityArchive::unkeptRequests(const QDate& since)
{
    auto q = exec(
        QStringLiteral("SELECT COALESCE(SUM(requests), 0) FROM unkept_requests WHERE day >= ?"),
        { text(since.toString(Qt::ISODate)) }); // no date: '', before every day
    if (!q)
        return q.failure();
    return q->next() ? q->value(0).toLongLong() : 0;
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
    const QString oldestDay = now.addDays(-retention.days).toUTC().date().toString(Qt::ISODate);
    for (const QString& table :
        { QStringLiteral("unkept_requests"), QStringLiteral("unkept_attempts") }) {
        if (auto done
            = exec(QStringLiteral("DELETE FROM %1 WHERE day < ?").arg(table), { oldestDay });
            !done)
            return done.failure();
    }
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
    // The unkept use is kept per day: from the day `since` falls on.
    const QString sinceDay = since.toUTC().date().toString(Qt::ISODate);
    // Both read the requests the started_at index finds, and their attempts by primary key;
    // then add what the log turned away.
    auto months = exec(QStringLiteral(R"(
        SELECT month, key_id, MAX(key_label), SUM(attempts), SUM(answered), SUM(failovers),
            SUM(rate_limited), SUM(prompt_tokens), SUM(completion_tokens), SUM(cost)
        FROM (
            SELECT substr(a.started_at, 1, 7) AS month, a.key_id, MAX(a.key_label) AS key_label,
                COUNT(*) AS attempts,
                SUM(a.error_class = '' AND a.http_status BETWEEN 200 AND 299) AS answered,
                SUM(a.error_class <> '' AND EXISTS (SELECT 1 FROM attempts b
                    WHERE b.request_id = a.request_id AND b.number > a.number)) AS failovers,
                SUM(a.error_class = 'rate_limited') AS rate_limited,
                SUM(a.prompt_tokens) AS prompt_tokens,
                SUM(a.completion_tokens) AS completion_tokens,
                SUM(CASE WHEN a.error_class = '' AND a.http_status BETWEEN 200 AND 299
                    THEN r.cost END) AS cost
            FROM requests r JOIN attempts a ON a.request_id = r.id WHERE r.started_at >= ?
            GROUP BY month, a.key_id
            UNION ALL
            SELECT substr(day, 1, 7), key_id, key_label, attempts, answered, failovers,
                rate_limited, prompt_tokens, completion_tokens, cost
            FROM unkept_attempts WHERE day >= ?)
        GROUP BY month, key_id ORDER BY month DESC, SUM(attempts) DESC)"),
        { stored(since), sinceDay });
    if (!months)
        return months.failure();
    while (months->next()) {
        report.keyMonths.append({ months->value(0).toString(), months->value(1).toLongLong(),
            months->value(2).toString(), months->value(3).toInt(), months->value(4).toInt(),
            months->value(5).toInt(), months->value(6).toInt(), months->value(7).toLongLong(),
            months->value(8).toLongLong(), optionalDouble(months->value(9)) });
    }
    auto days = exec(QStringLiteral(R"(
        SELECT day, SUM(requests), SUM(failed_over) FROM (
            SELECT substr(r.started_at, 1, 10) AS day, COUNT(*) AS requests,
                SUM((SELECT COUNT(*) FROM attempts a WHERE a.request_id = r.id) > 1)
                    AS failed_over
            FROM requests r WHERE r.started_at >= ? GROUP BY day
            UNION ALL
            SELECT day, requests, failed_over FROM unkept_requests WHERE day >= ?)
        GROUP BY day ORDER BY day)"),
        { stored(since), sinceDay });
    if (!days)
        return days.failure();
    while (days->next()) {
        report.days.append({ QDate::fromString(days->value(0).toString(), Qt::ISODate),
            days->value(1).toInt(), days->value(2).toInt() });
    }
    auto unkept = unkeptRequests(since.toUTC().date());
    if (!unkept)
        return unkept.failure();
    report.notKept = *unkept;
    return report;
}
