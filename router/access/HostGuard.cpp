#include "router/access/HostGuard.h"

#include <QUrl>

HostGuard::HostGuard(QHostAddress bindAddress)
    : m_bindAddress(std::move(bindAddress))
{ }

bool HostGuard::allows(const QByteArray& hostHeader) const
{
    QByteArray host = hostHeader.trimmed().toLower();
    // Strip the port: "[::1]:4141", "127.0.0.1:4141", "localhost:4141".
    if (host.startsWith('[')) {
        const qsizetype end = host.indexOf(']');
        if (end < 0)
            return false;
        host = host.mid(1, end - 1);
    } else if (host.count(':') == 1) {
        host = host.left(host.indexOf(':'));
    }
    if (host.isEmpty())
        return false;
    if (host == "localhost")
        return true;
    const QHostAddress address(QString::fromLatin1(host));
    if (address.isNull())
        return false; // a name other than localhost: possibly a rebound domain
    return address.isLoopback() || address.isEqual(m_bindAddress, QHostAddress::TolerantConversion);
}

bool HostGuard::allowsOrigin(const QByteArray& originHeader) const
{
    const QByteArray origin = originHeader.trimmed();
    if (origin.isEmpty())
        return true;
    const QUrl url(QString::fromLatin1(origin), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
        return false;
    // The host as a Host header writes it: an IPv6 address in brackets.
    const QString host = url.host(QUrl::FullyEncoded);
    return allows(host.contains(u':') ? '[' + host.toLatin1() + ']' : host.toLatin1());
}
