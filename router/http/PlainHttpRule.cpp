#include "router/http/PlainHttpRule.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QList>
#include <QUrl>

namespace {

bool isPlainHttp(const QUrl& url)
{
    return url.scheme().compare(u"http", Qt::CaseInsensitive) == 0;
}

// The host as a resolver sees it: without the root's trailing dot.
QString hostOf(const QUrl& url)
{
    QString host = url.host().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

// `domain` itself or a name under it.
bool isUnder(const QString& host, QLatin1StringView domain)
{
    if (!host.endsWith(domain))
        return false;
    const qsizetype rest = host.size() - domain.size();
    return rest == 0 || host.at(rest - 1) == u'.';
}

Failure refused(const QString& message)
{
    return invalidInput(message);
}

} // namespace

bool PlainHttpRule::isLocal(const QHostAddress& address)
{
    static const QList<std::pair<QHostAddress, int>> localRanges = [] {
        QList<std::pair<QHostAddress, int>> ranges;
        for (const char* range : { "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                 "169.254.0.0/16", "::1/128", "fc00::/7", "fe80::/10" })
            ranges.append(QHostAddress::parseSubnet(QLatin1StringView(range)));
        return ranges;
    }();
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    const QHostAddress plain = mapped ? QHostAddress(ipv4) : address;
    for (const auto& [network, prefix] : localRanges) {
        if (plain.isInSubnet(network, prefix))
            return true;
    }
    return false;
}

Result<PlainHttpRule::Verdict> PlainHttpRule::check(const QUrl& url)
{
    if (!isPlainHttp(url))
        return Verdict::NotPlainHttp;
    const QString host = hostOf(url);
    if (isUnder(host, QLatin1StringView("localhost")))
        return Verdict::Local;
    if (const QHostAddress literal(host); !literal.isNull()) {
        if (isLocal(literal))
            return Verdict::Local;
        return refused(tr("%1 is a public address. Plain http:// only goes to this computer or a "
                          "private network; this endpoint needs https://.")
                           .arg(url.host()));
    }
    if (host.isEmpty() || isUnder(host, QLatin1StringView("invalid")))
        return refused(tr("%1 never resolves, so it cannot be shown to be on this computer or a "
                          "private network, the only places plain http:// goes. Use https://.")
                           .arg(url.host()));
    return Verdict::DependsOnAddresses;
}

Result<void> PlainHttpRule::checkLookup(const QUrl& url, const QHostInfo& lookup)
{
    if (lookup.error() != QHostInfo::NoError || lookup.addresses().isEmpty())
        return refused(tr("%1 does not resolve, so it cannot be shown to be on this computer or "
                          "a private network, the only places plain http:// goes. Use https://, "
                          "or a name or address on your network.")
                           .arg(url.host()));
    for (const QHostAddress& address : lookup.addresses()) {
        if (!isLocal(address))
            return refused(tr("%1 resolves to the public address %2. Plain http:// only goes to "
                              "this computer or a private network; this endpoint needs https://.")
                               .arg(url.host(), address.toString()));
    }
    return {};
}

Result<void> PlainHttpRule::checkPeer(const QUrl& url, const QHostAddress& peer)
{
    if (!isPlainHttp(url) || isLocal(peer))
        return {};
    return refused(tr("Nothing was sent: %1 was reached at the public address %2, and plain "
                      "http:// only goes to this computer or a private network. The endpoint "
                      "needs https://.")
                       .arg(url.host(), peer.toString()));
}
