// How the GUI thread fares while the Activity page shows a router under load: a router in this
// process in front of UPSTREAM (the bench's nginx), fed by a client thread at RATE requests a
// second, its events going through ActivityFeed into ActivityPage as in the window. A timer on
// the GUI thread asks to run every 5 ms; how late it runs is the event loop's latency.
//
//   keyway-activity-latency UPSTREAM_BASE_URL [SECONDS] [RATE]

#include "app/activity/ActivityFeed.h"
#include "router/Router.h"
#include "router/access/LocalKeyToken.h"
#include "ui/activity/ActivityModel.h"
#include "ui/activity/ActivityPage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {

const QByteArray token = "kw-" + QByteArray(43, 'b');

std::shared_ptr<RoutingSnapshot> snapshotFor(const QString& upstream)
{
    auto snapshot = std::make_shared<RoutingSnapshot>();
    RouteKey key;
    key.id = 1;
    key.label = QStringLiteral("bench");
    key.providerId = QStringLiteral("openai-compatible");
    key.servedModels = { QStringLiteral("bench") };
    snapshot->keys.append(key);
    snapshot->targets.insert(1,
        UpstreamTarget { .providerId = key.providerId,
            .baseUrl = upstream,
            .secret = QStringLiteral("bench-upstream-secret"),
            .settings = { { QStringLiteral("served-models"), QStringLiteral("bench") } } });
    snapshot->localKeys
        = LocalKeyDirectory({ { 1, 1, 1, LocalKeyToken::hash(QString::fromLatin1(token)) } });
    return snapshot;
}

// Keep-alive connections that send one request each whenever the schedule says so.
class Load : public QObject
{
public:
    Load(quint16 port, int rate)
        : m_port(port)
        , m_interval(1000.0 / rate)
    { }

    void start()
    {
        const QByteArray body = R"({"model":"bench","messages":[{"role":"user","content":"Hi"}]})";
        m_request
            = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token + "\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        for (int i = 0; i < 32; ++i) {
            auto* socket = new QTcpSocket(this);
            socket->connectToHost(QHostAddress::LocalHost, m_port);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                // Answers are small: a read holds a whole one, or at least its status line.
                if (socket->readAll().contains("HTTP/1.1 ")) {
                    ++answered;
                    m_idle.append(socket);
                }
            });
            m_idle.append(socket);
        }
        m_clock.start();
        auto* tick = new QTimer(this);
        tick->setTimerType(Qt::PreciseTimer);
        tick->setInterval(1);
        connect(tick, &QTimer::timeout, this, &Load::sendDue);
        tick->start();
    }

    std::atomic<qint64> answered { 0 };

private:
    void sendDue()
    {
        const qint64 due = qint64(double(m_clock.elapsed()) / m_interval);
        while (m_sent < due && !m_idle.isEmpty()) {
            QTcpSocket* socket = m_idle.takeLast();
            socket->write(m_request);
            ++m_sent;
        }
    }

    quint16 m_port;
    double m_interval; // ms between requests
    QByteArray m_request;
    QList<QTcpSocket*> m_idle;
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, size_t(p * double(values.size()))));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: keyway-activity-latency UPSTREAM_BASE_URL [SECONDS] [RATE]\n");
        return 2;
    }
    const int seconds = args.value(2, QStringLiteral("20")).toInt();
    const int rate = args.value(3, QStringLiteral("1000")).toInt();

    Router router(2);
    router.setSnapshot(snapshotFor(args.at(1)));
    if (!router.listen(QHostAddress::LocalHost, 0))
        return 1;
    ActivityFeed feed;
    QObject::connect(&router, &Router::requestStarted, &feed, &ActivityFeed::requestStarted,
        Qt::DirectConnection);
    QObject::connect(&router, &Router::attemptFinished, &feed, &ActivityFeed::attemptFinished,
        Qt::DirectConnection);
    QObject::connect(&router, &Router::requestFinished, &feed, &ActivityFeed::requestFinished,
        Qt::DirectConnection);
    ActivityPage page;
    QObject::connect(&feed, &ActivityFeed::updated, &page, &ActivityPage::apply);
    page.resize(1200, 800);
    page.show();

    QThread loadThread;
    auto* load = new Load(router.port(), rate); // deleted on its thread
    load->moveToThread(&loadThread);
    loadThread.start();
    QMetaObject::invokeMethod(load, [load] { load->start(); });

    std::vector<double> lateness;
    QElapsedTimer sinceLast;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (sinceLast.isValid())
            lateness.push_back(double(sinceLast.nsecsElapsed()) / 1e6 - 5.0);
        sinceLast.start();
    });
    probe.start();
    QTimer::singleShot(seconds * 1000, &app, &QApplication::quit);
    app.exec();
    probe.stop();
    const qint64 answered = load->answered.load();
    QMetaObject::invokeMethod(
        load, [load] { delete load; }, Qt::BlockingQueuedConnection);
    loadThread.quit();
    loadThread.wait();

    std::printf("rate_per_s=%.0f gui_late_p50_ms=%.2f gui_late_p99_ms=%.2f gui_late_max_ms=%.2f "
                "rows=%d\n",
        double(answered) / seconds, percentile(lateness, 0.5), percentile(lateness, 0.99),
        percentile(lateness, 1.0), page.model().rowCount());
    return 0;
}
