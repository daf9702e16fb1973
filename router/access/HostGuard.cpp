#include "router/access/HostGuard.h"

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
