#pragma once

#include "router/core/Result.h"

#include <QCoreApplication>

class QHostAddress;
class QHostInfo;
class QUrl;

// Where a provider key's secret may travel unencrypted. https:// goes anywhere; http:// only to
// this computer or a private network, where a local Ollama or a gateway on the LAN answers:
// - `localhost` and names under it (RFC 6761 keeps them on this computer);
// - loopback (127.0.0.0/8, ::1), the private ranges (10.0.0.0/8, 172.16.0.0/12,
//   192.168.0.0/16, fc00::/7) and link-local addresses (169.254.0.0/16, fe80::/10), also when
//   written as IPv4 in IPv6 (::ffff:10.0.0.1);
// - any other name only when it resolves, and only to such addresses. A `.local` (mDNS) name is
//   no exception: it counts by what it resolves to.
// Not local: the carriers' shared space 100.64.0.0/10 (RFC 6598), which is the internet
// provider's network shared with its other customers, and everything else.
//
// One rule for the key editor, the CLI and the router: the URL is checked when a key is saved
// (with a look-up of its name) and when the routing snapshot is built, and the address a plain
// connection reached is checked before anything is written to it, so a name that resolves
// elsewhere later still carries nothing.
class PlainHttpRule
{
    Q_DECLARE_TR_FUNCTIONS(PlainHttpRule)

public:
    enum class Verdict {
        NotPlainHttp, // https, or a scheme this rule has no say on
        Local, // http to localhost or a local address literal
        DependsOnAddresses, // http to another name: look it up (checkLookup), check the peer
    };

    // What the URL alone tells. A failure: http to a public address, or to a name that by
    // standard never resolves (RFC 6761: .invalid).
    static Result<Verdict> check(const QUrl& url);
    // http to a name, once it was looked up: it must resolve, and only to local addresses.
    static Result<void> checkLookup(const QUrl& url, const QHostInfo& lookup);
    // Before a plain-HTTP connection for `url` carries a byte: the address it reached.
    static Result<void> checkPeer(const QUrl& url, const QHostAddress& peer);
    static bool isLocal(const QHostAddress& address);
};
