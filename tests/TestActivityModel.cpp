#include "ui/activity/ActivityFilter.h"
#include "ui/activity/ActivityModel.h"
#include "ui/widgets/SemanticColours.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

namespace {

RequestRecord request(const QString& id, int status = 0, const QString& key = {})
{
    RequestRecord r;
    r.id = id;
    r.startedAt = QDateTime::currentDateTimeUtc();
    r.memberId = 2;
    r.requestedModel = QStringLiteral("gpt-4.1");
    r.status = status;
    r.keyLabel = key;
    return r;
}

AttemptRecord attempt(const QString& id, int status)
{
    AttemptRecord a;
    a.requestId = id;
    a.httpStatus = status;
    return a;
}

} // namespace

class TestActivityModel : public QObject
{
    Q_OBJECT

private:
    static QStringList ids(const QAbstractItemModel& model)
    {
        QStringList shown;
        for (int row = 0; row < model.rowCount(); ++row)
            shown.append(
                model.index(row, 0).data(ActivityModel::RecordRole).value<RequestRecord>().id);
        return shown;
    }

private slots:
    void showsTheNewestFirstAndUpdatesRowsInPlace()
    {
        ActivityModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply({ request(QStringLiteral("a")), request(QStringLiteral("b")) });
        QCOMPARE(ids(model), (QStringList { "b", "a" }));
        QCOMPARE(
            model.index(0, ActivityModel::Status).data().toString(), QStringLiteral("running"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.apply({ request(QStringLiteral("a"), 200, QStringLiteral("Work")) });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toModelIndex().row(), 1);
        QCOMPARE(model.index(1, ActivityModel::Status).data().toString(), QStringLiteral("200"));
        QCOMPARE(model.index(1, ActivityModel::Key).data().toString(), QStringLiteral("Work"));
        QCOMPARE(model.index(1, ActivityModel::Status).data(Qt::ForegroundRole).value<QColor>(),
            SemanticColours::text(SemanticColours::Role::Good, QGuiApplication::palette()));

        // An attempt of a delivered request is added to its row.
        RequestRecord attemptsOnly;
        attemptsOnly.id = QStringLiteral("b");
        attemptsOnly.attempts = { attempt(QStringLiteral("b"), 429) };
        model.apply({ attemptsOnly });
        QCOMPARE(model.index(0, ActivityModel::Attempts).data().toInt(), 1);
        QCOMPARE(model.index(0, ActivityModel::Model).data().toString(), QStringLiteral("gpt-4.1"));
    }

    void showsTheEstimatedCostOnceTheRequestIsDone()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ActivityModel model;
        RequestRecord priced = request(QStringLiteral("priced"));
        priced.cost = 0.0042;
        model.apply({ priced });
        QCOMPARE(model.index(0, ActivityModel::Cost).data().toString(), QString());
        priced.status = 200;
        RequestRecord unpriced = request(QStringLiteral("unpriced"), 200);
        RequestRecord tiny = request(QStringLiteral("tiny"), 200);
        tiny.cost = 0.00000125;
        RequestRecord large = request(QStringLiteral("large"), 200);
        large.cost = 12.5;
        model.apply({ priced, unpriced, tiny, large });
        const auto costOf = [&](const QString& id) {
            return model.index(int(ids(model).indexOf(id)), ActivityModel::Cost).data().toString();
        };
        QCOMPARE(costOf(QStringLiteral("priced")), QStringLiteral("$0.0042"));
        QCOMPARE(costOf(QStringLiteral("unpriced")), QStringLiteral("—"));
        QCOMPARE(costOf(QStringLiteral("tiny")), QStringLiteral("< $0.0001"));
        QCOMPARE(costOf(QStringLiteral("large")), QStringLiteral("$12.50"));
        QLocale::setDefault(QLocale::system());
    }

    void keepsABoundedRing()
    {
        ActivityModel model(3);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.apply({ request(QStringLiteral("a")), request(QStringLiteral("b")) });
        model.apply({ request(QStringLiteral("c")), request(QStringLiteral("d")) });
        QCOMPARE(ids(model), (QStringList { "d", "c", "b" }));
        model.apply({ request(QStringLiteral("b"), 502) }); // still there after the drop
        QCOMPARE(model.index(2, ActivityModel::Status).data().toString(), QStringLiteral("502"));
        model.apply({ request(QStringLiteral("a"), 200) }); // gone: comes back as new
        QCOMPARE(ids(model), (QStringList { "a", "d", "c" }));
        model.apply({ request(QStringLiteral("e")), request(QStringLiteral("f")),
            request(QStringLiteral("g")), request(QStringLiteral("h")) });
        QCOMPARE(ids(model), (QStringList { "h", "g", "f" }));
    }

    void holdsWhatArrivesWhilePaused()
    {
        ActivityModel model;
        model.apply({ request(QStringLiteral("a")) });
        model.setPaused(true);
        model.apply({ request(QStringLiteral("b")), request(QStringLiteral("a"), 200) });
        QCOMPARE(ids(model), QStringList { "a" });
        QCOMPARE(
            model.index(0, ActivityModel::Status).data().toString(), QStringLiteral("running"));
        QCOMPARE(model.heldBack(), 2);
        model.setPaused(false);
        QCOMPARE(ids(model), (QStringList { "b", "a" }));
        QCOMPARE(model.index(1, ActivityModel::Status).data().toString(), QStringLiteral("200"));
    }

    void showsMemberNames()
    {
        ActivityModel model;
        model.apply({ request(QStringLiteral("a")) });
        QCOMPARE(model.index(0, ActivityModel::Member).data().toString(), QStringLiteral("#2"));
        model.setMemberNames({ { 2, QStringLiteral("ci-bot") } });
        QCOMPARE(model.index(0, ActivityModel::Member).data().toString(), QStringLiteral("ci-bot"));
    }

    void filtersByStatusAndText()
    {
        ActivityModel model;
        ActivityFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMemberNames({ { 2, QStringLiteral("alice") } });
        model.apply({ request(QStringLiteral("ok"), 200, QStringLiteral("Work OpenAI")),
            request(QStringLiteral("failed"), 429, QStringLiteral("Personal")),
            request(QStringLiteral("running")) });
        filter.setStatusClass(QStringLiteral("failed"));
        QCOMPARE(ids(filter), QStringList { "failed" });
        filter.setStatusClass(QStringLiteral("running"));
        QCOMPARE(ids(filter), QStringList { "running" });
        filter.setStatusClass({});
        filter.setKeyText(QStringLiteral("openai"));
        QCOMPARE(ids(filter), QStringList { "ok" });
        filter.setKeyText({});
        filter.setMemberText(QStringLiteral("ALI"));
        QCOMPARE(filter.rowCount(), 3);
        filter.setModelText(QStringLiteral("claude"));
        QCOMPARE(filter.rowCount(), 0);
        // Rows that change while filtered move in and out.
        filter.setModelText({});
        filter.setStatusClass(QStringLiteral("ok"));
        model.apply({ request(QStringLiteral("running"), 200) });
        QCOMPARE(ids(filter), (QStringList { "running", "ok" }));
    }
};

QTEST_MAIN(TestActivityModel)
#include "TestActivityModel.moc"
