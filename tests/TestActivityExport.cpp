#include "app/activity/ActivityExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

RequestRecord record(const QString& id, const QString& error = {})
{
    RequestRecord r;
    r.id = id;
    r.startedAt = QDateTime(QDate(2026, 11, 26), QTime(18, 0), Qt::UTC);
    r.memberId = 1;
    r.localKeyId = 7;
    r.endpoint = QStringLiteral("/v1/chat/completions");
    r.requestedModel = r.servedModel = QStringLiteral("gpt-4.1");
    r.status = error.isEmpty() ? 200 : 502;
    r.errorMessage = error;
    r.keyLabel = QStringLiteral("Work, main");
    r.latencyMs = 321;
    r.usage = { 10, 5, 0, 0 };
    if (error.isEmpty())
        r.cost = 0.00006;
    AttemptRecord a;
    a.requestId = id;
    a.number = 1;
    a.keyLabel = r.keyLabel;
    a.providerId = QStringLiteral("openai");
    a.httpStatus = r.status;
    r.attempts = { a };
    return r;
}

} // namespace

class TestActivityExport : public QObject
{
    Q_OBJECT

private slots:
    void writesCsvThatSpreadsheetsReadSafely()
    {
        const QByteArray csv = ActivityExport::toCsv(
            { record(QStringLiteral("gen-1")),
                record(QStringLiteral("gen-2"), QStringLiteral("=HYPERLINK(\"x\")\nsecond line")) },
            { { 1, QStringLiteral("me") } });
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines.first().startsWith("id,started_at,member,"));
        QCOMPARE(lines.at(1),
            "gen-1,2026-11-26T18:00:00.000Z,me,7,/v1/chat/completions,gpt-4.1,gpt-4.1,false,200,1,"
            "\"Work, main\",321,10,5,0,0,6e-05,\r");
        // A request without a known price has an empty cost, not 0.
        QVERIFY(lines.at(2).contains(",10,5,0,0,,\"'=HYPERLINK"));
        // Quotes doubled, the line break kept inside quotes, the formula defused.
        QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\nsecond line\"\r\n"), csv.constData());
    }

    void writesJsonInTheGenerationShape()
    {
        const QJsonArray array
            = QJsonDocument::fromJson(ActivityExport::toJson({ record(QStringLiteral("gen-1")) }))
                  .array();
        QCOMPARE(array.size(), 1);
        const QJsonObject first = array.first().toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("gen-1"));
        QCOMPARE(first.value(QStringLiteral("provider_responses")).toArray().size(), 1);
        QCOMPARE(first.value(QStringLiteral("total_cost")).toDouble(), 0.00006);
    }

    void writesWholeFilesOrSaysWhyNot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.json"));
        QVERIFY(ActivityExport::write(
            path, ActivityExport::Format::Json, { record(QStringLiteral("gen-1")) }, {}));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(written.readAll()).isArray());
        const auto refused = ActivityExport::write(
            dir.path(), ActivityExport::Format::Csv, { record(QStringLiteral("gen-1")) }, {});
        QVERIFY(!refused);
        QVERIFY2(refused.failure().message.startsWith(u"Cannot write"),
            qPrintable(refused.failure().message));
    }
};

QTEST_GUILESS_MAIN(TestActivityExport)
#include "TestActivityExport.moc"
