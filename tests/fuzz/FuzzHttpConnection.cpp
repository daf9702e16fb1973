// Inbound HTTP as the router reads it: the bytes a client sends, written into one end of a
// socket pair whose other end is a real HttpConnection (http-parser, the limits, pipelining, the
// head check), then the client's end shut for writing. Whatever the bytes, the connection must
// answer or refuse without crashing, leaking or hanging, and close once the client has gone.
// The first byte picks small limits, so 413 and 431 are reached with short inputs.
#include "router/access/HostGuard.h"
#include "router/http/ConnectionRoster.h"
#include "router/http/HttpConnection.h"
#include "tests/fuzz/FuzzInput.h"

#include <QCoreApplication>
#include <QPointer>

#include <sys/socket.h>
#include <unistd.h>

namespace {

void handle(const std::shared_ptr<HttpExchange>& exchange)
{
    const HttpRequest& request = exchange->request();
    if (request.path() == "/stream") {
        exchange->beginStream(200, { { "Content-Type", "text/event-stream" } });
        exchange->write("data: " + request.body + "\n\n");
        exchange->endStream();
        return;
    }
    exchange->respond(200, { { "Content-Type", "text/plain" } }, request.method + request.body);
}

// The router's own rule for foreign pages (Router::admit): Host and Origin must be local.
std::optional<HttpRefusal> checkHead(const HttpRequest& head)
{
    static const HostGuard guard;
    if (!guard.allows(head.header("Host")) || !guard.allowsOrigin(head.header("Origin")))
        return HttpRefusal { 403, {}, "foreign" };
    if (head.path() == "/refused")
        return HttpRefusal { 401, {}, "no key" };
    return std::nullopt;
}

void drain(int fd)
{
    char buffer[16 * 1024];
    while (::read(fd, buffer, sizeof buffer) > 0) { }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    // HttpConnection is a QObject with timers and a socket notifier: it needs an event loop.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 choice = input.takeByte();
    HttpLimits limits;
    if (choice & 1) {
        limits.maxBodyBytes = 16 * (choice >> 1);
        limits.maxHeaderBytes = 64 + 16 * (choice >> 1);
        limits.readBufferBytes = 1 + (choice >> 1);
        limits.requestsPerTurn = 1 + (choice >> 5);
    }
    const QByteArrayView bytes = input.rest();

    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds) != 0)
        return 0;
    ConnectionRoster roster(limits.minBodyBytesPerSecond);
    roster.reserve();
    QPointer<HttpConnection> connection
        = new HttpConnection(fds[0], limits, handle, checkHead, roster);

    qsizetype written = 0;
    bool shut = false;
    for (int turn = 0; connection && turn < 10'000; ++turn) {
        if (written < bytes.size()) {
            const ssize_t n
                = ::write(fds[1], bytes.data() + written, size_t(bytes.size() - written));
            if (n > 0)
                written += n;
        } else if (!shut) {
            ::shutdown(fds[1], SHUT_WR); // the client is done: the connection must close
            shut = true;
        }
        drain(fds[1]);
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    if (connection) {
        // Still open long after the client left: a hang.
        std::fprintf(stderr, "HttpConnection did not close after the client left\n");
        std::abort();
    }
    ::close(fds[1]);
    return 0;
}
