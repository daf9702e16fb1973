// kill -9 of `keyway serve --headless`, and of the CLI, in the middle of key moves and heavy
// activity logging, many times over (#15 item 5): each time both databases must open whole,
// every key and the order the CLI last committed must be there, and the activity lost must be
// no more than the last batch the log had not yet written (ActivityLog::batchInterval).
#include "tests/support/FakeProvider.h"
#include "tests/support/KeywayProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {

QString opt(const char* s)
{
    return QString::fromUtf8(s);
}

const QStringList tiers { opt("prioritized"), opt("shared"), opt("fallback") };

// The keys as "tier:id", in the order `keyway key list` says they are tried.
QStringList orderFrom(const QString& json)
{
    QStringList order;
    for (const QJsonValue& key : QJsonDocument::fromJson(json.toUtf8()).array()) {
        order.append(
            key[opt("tier")].toString() + u':' + QString::number(key[opt("id")].toInteger()));
    }
    return order;
}

// What `key move id --tier tier --position position` makes of `order`: the key leaves its
// place and takes the position within its new tier, or the tier's end.
QStringList moved(QStringList order, qint64 id, const QString& tier, int position)
{
    const QString suffix = u':' + QString::number(id);
    order.removeIf([&](const QString& entry) { return entry.endsWith(suffix); });
    const auto rank = [](const QString& entry) {
        return tiers.indexOf(entry.section(u':', 0, 0));
    };
    qsizetype at = 0;
    int inTier = 0;
    while (at < order.size() && rank(order.at(at)) < tiers.indexOf(tier))
        ++at;
    while (at < order.size() && rank(order.at(at)) == tiers.indexOf(tier) && inTier < position) {
        ++at;
        ++inTier;
    }
    order.insert(at, tier + suffix);
    return order;
}

QSet<QString> loggedRequestIds(const QString& path)
{
    QSet<QString> ids;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(opt("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(opt("SELECT id FROM requests"), db);
            while (query.next())
                ids.insert(query.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ids;
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

    static constexpr int rounds = 20;
    static constexpr int keyCount = 5;
    static constexpr int requestsInFlight = 6;
    // A lost record waited at most a batch interval (1 s) and its write; the rest is slack
    // for two busy cores.
    static constexpr qint64 lossBoundMs = 2000;

    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<KeywayProcess> m_keyway;
    FakeProvider m_fake;
    QNetworkAccessManager m_client;
    QByteArray m_token;
    QList<qint64> m_keys;

    QElapsedTimer m_clock;
    QString m_address;
    bool m_serving = false;
    QList<QNetworkReply*> m_inFlight;
    QHash<QString, qint64> m_answeredAt; // this round's answered request ids, when answered

    enum class Step { Move, List };
    std::unique_ptr<QProcess> m_cli;
    Step m_step = Step::Move;
    QStringList m_order; // as last committed
    QStringList m_orderIfMoved; // what it becomes when the move under way commits
    QString m_problem;

    qint64 m_largestGapMs = 0;
    int m_logged = 0;
    int m_lost = 0;
    int m_moves = 0;
    int m_movesKilled = 0;

    void sendOne()
    {
        QNetworkRequest request { QUrl(m_address + opt("/v1/chat/completions")) };
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply* reply = m_client.post(request,
            QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
        m_inFlight.append(reply);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            m_inFlight.removeOne(reply);
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                m_answeredAt.insert(QString::fromLatin1(reply->rawHeader("x-keyway-request-id")),
                    m_clock.elapsed());
            if (m_serving)
                sendOne();
        });
    }

    void startMove()
    {
        const auto random = QRandomGenerator::global();
        const qint64 id = m_keys.at(random->bounded(int(m_keys.size())));
        const QString tier = tiers.at(random->bounded(int(tiers.size())));
        const QString suffix = u':' + QString::number(id);
        const auto others = std::count_if(m_order.cbegin(), m_order.cend(),
            [&](const QString& e) { return e.startsWith(tier + u':') && !e.endsWith(suffix); });
        const int position = random->bounded(int(others) + 1); // beyond is refused
        m_orderIfMoved = moved(m_order, id, tier, position);
        startCli(Step::Move,
            { opt("key"), opt("move"), QString::number(id), opt("--tier"), tier, opt("--position"),
                QString::number(position) });
    }

    void startCli(Step step, const QStringList& arguments)
    {
        m_step = step;
        m_cli = m_keyway->start(arguments);
        connect(m_cli.get(), &QProcess::finished, this, [this](int exitCode) {
            // Killed by the test: whatever it said as it died (a sanitizer's exit-time leak
            // check, cut short) is no fault.
            if (!m_serving)
                return;
            if (exitCode != 0 && m_problem.isEmpty())
                m_problem = QString::fromUtf8(m_cli->readAllStandardError());
            if (exitCode != 0)
                return;
            if (m_step == Step::Move) {
                ++m_moves;
                m_order = m_orderIfMoved;
                startCli(Step::List, { opt("key"), opt("list"), opt("--json") });
            } else {
                const QStringList listed = orderFrom(QString::fromUtf8(m_cli->readAll()));
                if (listed != m_order && m_problem.isEmpty())
                    m_problem
                        = opt("listed %1, expected %2").arg(listed.join(u' '), m_order.join(u' '));
                startMove();
            }
        });
    }

    // Serves with load and moves for a random while, then kills everything; answers when.
    qint64 serveAndKill()
    {
        auto server = m_keyway->serve(m_address);
        if (m_address.isEmpty()) {
            m_problem
                = opt("serve did not start: ") + QString::fromUtf8(server->readAllStandardError());
            return 0;
        }
        m_serving = true;
        m_answeredAt.clear();
        for (int i = 0; i < requestsInFlight; ++i)
            sendOne();
        startMove();
        QTest::qWait(200 + QRandomGenerator::global()->bounded(2300));
        const qint64 killedAt = m_clock.elapsed();
        server->kill();
        const bool moveUnderWay = m_step == Step::Move;
        m_serving = false;
        if (m_cli->state() != QProcess::NotRunning) {
            m_cli->kill();
            m_movesKilled += moveUnderWay ? 1 : 0;
        }
        m_cli->waitForFinished(5000);
        server->waitForFinished(5000);
        QCoreApplication::processEvents();
        for (QNetworkReply* reply : std::exchange(m_inFlight, {})) {
            reply->disconnect(this);
            reply->deleteLater();
        }
        if (!moveUnderWay)
            m_orderIfMoved = m_order;
        return killedAt;
    }

    void compareActivity(qint64 killedAt)
    {
        const QSet<QString> logged = loggedRequestIds(m_dir.filePath(opt("crash-activity.db")));
        for (auto it = m_answeredAt.cbegin(); it != m_answeredAt.cend(); ++it) {
            if (logged.contains(it.key())) {
                ++m_logged;
            } else {
                ++m_lost;
                m_largestGapMs = std::max(m_largestGapMs, killedAt - it.value());
            }
        }
    }

private slots:
    void initTestCase()
    {
        m_database = m_dir.filePath(opt("crash.db"));
        m_keyway = std::make_unique<KeywayProcess>(m_database);
        for (int i = 0; i < keyCount; ++i) {
            const auto added = m_keyway->run(
                { opt("key"), opt("add"), opt("--provider"), opt("openai-compatible"),
                    opt("--label"), opt("Key %1").arg(i), opt("--base-url"), m_fake.baseUrl(),
                    opt("--secret-stdin"), opt("--json") },
                "secret-" + QByteArray::number(i));
            QCOMPARE(added.exitCode, 0);
            m_keys.append(QJsonDocument::fromJson(added.out.toUtf8())[opt("id")].toInteger());
        }
        const auto token = m_keyway->run({ opt("token"), opt("create"), opt("--json") });
        m_token = QJsonDocument::fromJson(token.out.toUtf8())[opt("token")].toString().toLatin1();
        QVERIFY(m_token.startsWith("kw-"));
        const auto listed = m_keyway->run({ opt("key"), opt("list"), opt("--json") });
        m_order = orderFrom(listed.out);
        QCOMPARE(m_order.size(), keyCount);
        m_clock.start();
    }

    void killedAgainAndAgainLosesNoKeyAndAtMostTheLastSecond()
    {
        for (int round = 0; round < rounds; ++round) {
            const qint64 killedAt = serveAndKill();
            QVERIFY2(m_problem.isEmpty(), qPrintable(m_problem));
            QCOMPARE(KeywayProcess::integrity(m_database), opt("ok"));
            const QString activity = m_dir.filePath(opt("crash-activity.db"));
            if (QFile::exists(activity))
                QCOMPARE(KeywayProcess::integrity(activity), opt("ok"));

            const auto listed = m_keyway->run({ opt("key"), opt("list"), opt("--json") });
            QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
            const QStringList order = orderFrom(listed.out);
            QVERIFY2(order == m_order || order == m_orderIfMoved,
                qPrintable(
                    opt("round %1: %2, expected %3 or %4")
                        .arg(round)
                        .arg(order.join(u' '), m_order.join(u' '), m_orderIfMoved.join(u' '))));
            m_order = order;
            compareActivity(killedAt);
        }
        qInfo("%d kills: %d moves committed, %d killed under way; %d requests logged, %d lost, "
              "the oldest lost answered %lld ms before its kill",
            rounds, m_moves, m_movesKilled, m_logged, m_lost, m_largestGapMs);
        QVERIFY(m_moves > rounds);
        QVERIFY(m_logged > 0);
        QVERIFY2(m_largestGapMs <= lossBoundMs, qPrintable(QString::number(m_largestGapMs)));
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "TestCrashRecovery.moc"
