#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "app/store/KeyStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "tests/support/FakeProvider.h"
#include "ui/route/RoutePreviewPage.h"
#include "ui/usage/DailyChart.h"
#include "ui/usage/UsagePage.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

// The route preview on a real app core, router and fake provider: it shows the order the router
// then uses, and a rate-limited key as cooling down; the Usage page then counts that traffic.
class TestRoutePreview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeProvider m_fake;
    std::unique_ptr<AppCore> m_core;
    QString m_address;
    QString m_token;
    qint64 m_localKeyId = 0;

    void addKey(const QString& label, const QString& secret, const QStringList& models = {})
    {
        KeyFields fields;
        fields.label = label;
        fields.baseUrl = m_fake.baseUrl();
        if (!models.isEmpty())
            fields.modelPatterns = models;
        QVERIFY(awaitTask(m_core->addKey(QStringLiteral("openai"), fields, secret)));
    }
    QStringList labels(const QList<RoutePreview::Key>& keys)
    {
        QStringList names;
        for (const RoutePreview::Key& key : keys)
            names.append(key.label);
        return names;
    }
    // Sends a chat request through the router; returns the key that answered.
    QByteArray chat()
    {
        QNetworkAccessManager client;
        QNetworkRequest request(QUrl(m_address + QStringLiteral("/v1/chat/completions")));
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = client.post(request,
            QByteArray(R"({"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]})"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        [&] {
            QVERIFY(finished.wait(15000));
        }();
        const QByteArray key = reply->rawHeader("x-keyway-key");
        reply->deleteLater();
        return key;
    }

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("route.db"));
        {
            Store store;
            QVERIFY(store.open(path));
            QVERIFY(store.settings().setValue(QStringLiteral("port"), QStringLiteral("0")));
        }
        m_core = std::make_unique<AppCore>(path);
        QSignalSpy listening(m_core.get(), &AppCore::routerListening);
        m_core->start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.count(), 1, 15000);
        m_address = listening.first().first().toString();
        addKey(QStringLiteral("Alpha"), QStringLiteral("alpha-secret-0000"));
        addKey(QStringLiteral("Beta"), QStringLiteral("beta-secret-0000"));
        addKey(QStringLiteral("Claude only"), QStringLiteral("gamma-secret-0000"),
            { QStringLiteral("claude-*") });
        const auto created = awaitTask(m_core->createToken(QStringLiteral("test"), {}, {}));
        QVERIFY(created);
        m_localKeyId = created->localKey.id;
        m_token = created->token;
    }
    void cleanupTestCase() { m_core.reset(); }

    void showsWhatTheRouterThenDoes()
    {
        RoutePreviewPage page(*m_core);
        QSignalSpy shown(&page, &RoutePreviewPage::previewShown);
        // The router takes up the new keys and token with its next snapshot.
        QDeadlineTimer deadline(15s);
        do {
            page.setQuery(m_localKeyId, QStringLiteral("gpt-4o"));
            QVERIFY(shown.wait());
        } while (page.preview().planned.size() != 2 && !deadline.hasExpired());
        QCOMPARE(labels(page.preview().planned), (QStringList { "Alpha", "Beta" }));
        QCOMPARE(labels(page.preview().excluded), QStringList { "Claude only" });
        QVERIFY2(page.preview().excluded.first().exclusion.contains(u"model"),
            qPrintable(page.preview().excluded.first().exclusion));

        QSignalSpy statuses(m_core.get(), &AppCore::keyStatusesChanged);
        m_fake.script("alpha-secret-0000", {},
            { FakeProvider::Behaviour::Status, 429, { { "retry-after", "30" } },
                R"({"error":{"message":"Rate limit reached","type":"rate_limit_error"}})", 0ms });
        QCOMPARE(chat(), "Beta");

        page.setQuery(m_localKeyId, QStringLiteral("gpt-4o"));
        QVERIFY(shown.wait());
        QCOMPARE(labels(page.preview().planned), QStringList { "Beta" });
        QCOMPARE(labels(page.preview().excluded), (QStringList { "Alpha", "Claude only" }));
        QVERIFY2(page.preview().excluded.first().exclusion.contains(u"cooling down"),
            qPrintable(page.preview().excluded.first().exclusion));

        // The board hears of it within the second.
        QVERIFY(statuses.wait(3000));
        const KeyStatuses live = statuses.last().first().value<KeyStatuses>();
        const qint64 alpha = page.preview().excluded.first().id;
        QCOMPARE(live.value(alpha).state, KeyHealth::State::CoolingDown);
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(live.value(alpha).until);
        QVERIFY2(left > 25 && left <= 31, qPrintable(QString::number(left)));

        // And the router does just that: Beta alone, Alpha not even tried.
        m_fake.clearAttempts();
        QCOMPARE(chat(), "Beta");
        QCOMPARE(m_fake.attempts().size(), 1);
        QCOMPARE(m_fake.attempts().first().key, "beta-secret-0000");
    }

    // The same traffic, as the Usage page counts it from the activity log.
    void usageCountsWhatWasServed()
    {
        UsagePage page(*m_core);
        QSignalSpy shown(&page, &UsagePage::reportShown);
        QDeadlineTimer deadline(15s);
        int served = 0;
        do {
            page.refresh();
            QVERIFY(shown.wait());
            served = 0;
            for (const UsageReport::KeyMonth& use : page.report().keyMonths)
                served += use.answered;
        } while (served < 2 && !deadline.hasExpired());
        QHash<QString, UsageReport::KeyMonth> byLabel;
        for (const UsageReport::KeyMonth& use : page.report().keyMonths)
            byLabel.insert(use.keyLabel, use);
        QCOMPARE(byLabel.value(QStringLiteral("Beta")).answered, 2);
        QCOMPARE(byLabel.value(QStringLiteral("Alpha")).rateLimited, 1);
        QCOMPARE(byLabel.value(QStringLiteral("Alpha")).failovers, 1);
        QCOMPARE(page.report().days.size(), 1);
        QCOMPARE(page.report().days.first().requests, 2);
        QCOMPARE(page.report().days.first().failedOver, 1);
        const DailyChart* chart = page.findChild<DailyChart*>();
        QCOMPARE(chart->shown().size(), DailyChart::shownDays);
        QCOMPARE(chart->shown().last().requests, 2); // today, the last bar
        QCOMPARE(chart->shown().first().requests, 0);
        auto* table = page.findChild<QTableWidget*>(QStringLiteral("usage"));
        QCOMPARE(table->rowCount(), 2);
    }

    // A key stored before the plain-HTTP rule (or edited in the database) on a public address:
    // the router skips it with the reason, before connecting, and the next key answers. The
    // address is TEST-NET-3; nothing is sent to it.
    void aKeyWhosePlainHttpEndpointIsPublicIsSkipped()
    {
        addKey(QStringLiteral("Delta"), QStringLiteral("delta-secret-0000"));
        {
            Store store;
            QVERIFY(store.open(m_dir.filePath(QStringLiteral("route.db"))));
            const auto keys = store.keys().all();
            QVERIFY(keys);
            for (ProviderKey key : *keys) {
                if (key.label != u"Beta")
                    continue;
                key.baseUrl = QStringLiteral("http://203.0.113.5/v1");
                QVERIFY(store.keys().update(key));
            }
        }
        RoutePreviewPage page(*m_core);
        QSignalSpy shown(&page, &RoutePreviewPage::previewShown);
        const auto whyNotBeta = [&page] {
            for (const RoutePreview::Key& key : page.preview().excluded) {
                if (key.label == u"Beta")
                    return key.exclusion;
            }
            return QString();
        };
        QDeadlineTimer deadline(15s);
        do {
            page.setQuery(m_localKeyId, QStringLiteral("gpt-4o"));
            QVERIFY(shown.wait());
        } while ((!whyNotBeta().contains(u"endpoint")
                     || !labels(page.preview().planned).contains(u"Delta"))
            && !deadline.hasExpired());
        QVERIFY2(whyNotBeta().contains(u"its endpoint is refused: 203.0.113.5 is a public address"),
            qPrintable(whyNotBeta()));
        QVERIFY(labels(page.preview().planned).contains(u"Delta"));

        m_fake.clearAttempts();
        QCOMPARE(chat(), "Delta");
        for (const FakeProvider::Attempt& attempt : m_fake.attempts())
            QVERIFY(attempt.key != "beta-secret-0000");
    }
};

QTEST_MAIN(TestRoutePreview)
#include "TestRoutePreview.moc"
