// The floor under Keyway's upstream calls: a bare QNetworkAccessManager sending the same request
// over and over, one at a time, as Keyway's router does for one client. Prints the latency
// percentiles and the CPU time per request, so the router's own cost is visible beside it.
//
//   keyway-qnam-floor URL BODY_FILE COUNT [--ca-file PEM] [--no-http2]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(
            stderr, "usage: keyway-qnam-floor URL BODY_FILE COUNT [--ca-file PEM] [--no-http2]\n");
        return 2;
    }
    QFile bodyFile(args.at(2));
    if (!bodyFile.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray body = bodyFile.readAll();
    const int count = args.at(3).toInt();
    QNetworkRequest request { QUrl(args.at(1)) };
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setRawHeader("Authorization", "Bearer bench");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, !args.contains("--no-http2"));
    if (const qsizetype i = args.indexOf("--ca-file"); i > 0) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(args.at(i + 1)));
        request.setSslConfiguration(ssl);
    }

    QNetworkAccessManager manager;
    QList<double> latencies;
    QElapsedTimer clock;
    double cpuAtStart = 0;
    const int warmup = std::min(100, count / 10);
    std::function<void()> next = [&] {
        if (latencies.size() == warmup)
            cpuAtStart = cpuSeconds();
        clock.start();
        QNetworkReply* reply = manager.post(request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            latencies.append(double(clock.nsecsElapsed()) / 1e6);
            if (reply->error() != QNetworkReply::NoError)
                std::fprintf(stderr, "%s\n", qPrintable(reply->errorString()));
            reply->deleteLater();
            if (latencies.size() < count + warmup)
                next();
            else
                app.quit();
        });
    };
    next();
    app.exec();
    const double cpu = cpuSeconds() - cpuAtStart;
    QList<double> measured = latencies.mid(warmup);
    std::sort(measured.begin(), measured.end());
    const auto percentile = [&measured](double p) {
        return measured.at(
            std::min<qsizetype>(measured.size() - 1, qsizetype(p * measured.size())));
    };
    std::printf("p50_ms=%.3f p99_ms=%.3f cpu_us_per_request=%.1f\n", percentile(0.50),
        percentile(0.99), cpu / measured.size() * 1e6);
    return 0;
}
