#pragma once

#include <QByteArray>
#include <QHostAddress>

// Refuses requests whose Host header names anything but a loopback address or the address the
// router is bound to: a web page that rebinds its own domain name to 127.0.0.1 still sends its
// domain as Host, so it cannot reach the router through the user's browser (DNS rebinding).
// A page that calls http://127.0.0.1 directly sends a local Host but its own Origin, which the
// browser sets and the page cannot forge: that request is refused too.
class HostGuard
{
public:
    explicit HostGuard(QHostAddress bindAddress = QHostAddress::LocalHost);

    bool allows(const QByteArray& hostHeader) const;
    // True without an Origin (SDKs, curl and agents send none) or when it names a local host
    // (a tool served from localhost); false for any other page, and for "null" (sandboxed
    // frames, file: pages), whose real origin is unknown.
    bool allowsOrigin(const QByteArray& originHeader) const;

private:
    QHostAddress m_bindAddress;
};
