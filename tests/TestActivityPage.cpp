#include "app/activity/ActivityFeed.h"
#include "tests/support/RouterHarness.h"
#include "ui/activity/ActivityModel.h"
#include "ui/activity/ActivityPage.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

// The Activity page fed by a real router through the feed, as the window is: requests appear,
// change as they finish, show their attempts and metadata, filter, and export.
class TestActivityPage : public QObject
{
    Q_OBJECT

private slots:
    void liveRequestsWaitForTheHistoryAndStayAboveIt()
    {
        const auto request = [](const QString& id, int status) {
            RequestRecord record;
            record.id = id;
            record.startedAt = QDateTime::currentDateTimeUtc();
            record.status = status;
            return record;
        };
        ActivityPage page;
        QSignalSpy finished(&page, &ActivityPage::requestsFinished);
        page.expectHistory();
        page.apply({ request(QStringLiteral("live"), 0) }, 0);
        QCOMPARE(page.model().rowCount(), 0); // held until the history is there
        page.showHistory({ request(QStringLiteral("old-1"), 200),
            request(QStringLiteral("old-2"), 502), request(QStringLiteral("live"), 200) });
        QStringList ids;
        for (int row = 0; row < page.model().rowCount(); ++row)
            ids.append(page.model()
                           .index(row, 0)
                           .data(ActivityModel::RecordRole)
                           .value<RequestRecord>()
                           .id);
        QCOMPARE(ids, (QStringList { "live", "old-2", "old-1" }));
        // The live request, which finished meanwhile, keeps its final state.
        QCOMPARE(
            page.model().index(0, ActivityModel::Status).data().toString(), QStringLiteral("200"));
        QVERIFY(finished.isEmpty()); // history is not counted in the request rate
    }

    void saysHowManyRequestsTheLogCouldNotKeep()
    {
        ActivityPage page;
        const auto* counts = page.findChild<QLabel*>(QStringLiteral("activityCounts"));
        QVERIFY(counts);
        QVERIFY(!counts->text().contains(u"not kept"));
        page.setNotKept(1234);
        QVERIFY2(counts->text().contains(u"1234 request"), qPrintable(counts->text()));
        QVERIFY2(counts->text().contains(u"not kept in the log"), qPrintable(counts->text()));
        page.setNotKept(0);
        QVERIFY(!counts->text().contains(u"not kept"));
    }

    void showsWhatTheRouterDoes()
    {
        RouterHarness h;
        ActivityFeed feed;
        connect(&h.router(), &Router::requestStarted, &feed, &ActivityFeed::requestStarted,
            Qt::DirectConnection);
        connect(&h.router(), &Router::attemptFinished, &feed, &ActivityFeed::attemptFinished,
            Qt::DirectConnection);
        connect(&h.router(), &Router::requestFinished, &feed, &ActivityFeed::requestFinished,
            Qt::DirectConnection);
        ActivityPage page;
        connect(&feed, &ActivityFeed::updated, &page, &ActivityPage::apply);
        page.setMemberNames({ { RouterHarness::memberId, QStringLiteral("me") } });
        page.show();

        h.setKeys({ { QStringLiteral("Alpha") }, { QStringLiteral("Beta") } });
        h.fake().script("alpha", {},
            { FakeProvider::Behaviour::Status, 429, { { "retry-after", "30" } },
                R"({"error":{"message":"Rate limit reached","type":"rate_limit_error"}})", 0ms });
        QCOMPARE(
            h.post(QStringLiteral("/v1/chat/completions"), RouterHarness::chat("gpt-4o")).status,
            200);

        ActivityModel& model = page.model();
        QTRY_COMPARE(model.rowCount(), 1);
        QTRY_COMPARE(
            model.index(0, ActivityModel::Status).data().toString(), QStringLiteral("200"));
        QCOMPARE(model.index(0, ActivityModel::Member).data().toString(), QStringLiteral("me"));
        QCOMPARE(model.index(0, ActivityModel::Key).data().toString(), QStringLiteral("Beta"));
        QCOMPARE(model.index(0, ActivityModel::Attempts).data().toInt(), 2);

        auto* table = page.findChild<QTableView*>(QStringLiteral("requests"));
        table->setCurrentIndex(table->model()->index(0, 0));
        auto* attempts = page.findChild<QTableWidget*>(QStringLiteral("attempts"));
        QCOMPARE(attempts->rowCount(), 2);
        QCOMPARE(attempts->item(0, 0)->text(), QStringLiteral("Alpha"));
        QCOMPARE(attempts->item(0, 3)->text(), QStringLiteral("429"));
        QVERIFY(attempts->item(0, 5)->text().contains(QStringLiteral("Rate limit reached")));
        QVERIFY(attempts->item(0, 6)->text().contains(QStringLiteral("retry-after: 30")));
        const QString json
            = page.findChild<QPlainTextEdit*>(QStringLiteral("metadata"))->toPlainText();
        QVERIFY(json.contains(QStringLiteral("\"provider_responses\"")));
        QVERIFY(
            !json.contains(QStringLiteral("alpha"))); // the secrets are the labels in lower case
        QVERIFY(!json.contains(QStringLiteral("beta")));

        auto* status = page.findChild<QComboBox*>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("failed")));
        QCOMPARE(table->model()->rowCount(), 0);
        status->setCurrentIndex(status->findData(QStringLiteral("ok")));
        QCOMPARE(table->model()->rowCount(), 1);

        QTemporaryDir dir;
        QSignalSpy exported(&page, &ActivityPage::exported);
        page.exportTo(dir.filePath(QStringLiteral("requests.csv")));
        QVERIFY(exported.wait());
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile csv(dir.filePath(QStringLiteral("requests.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).contains(",me,"));
        QVERIFY(!lines.at(1).contains("alpha"));
    }
};

QTEST_MAIN(TestActivityPage)
#include "TestActivityPage.moc"
