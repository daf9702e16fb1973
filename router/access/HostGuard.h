#pragma once

#include <QByteArray>
#include <QHostAddress>

// Refuses requests whose Host header names anything but a loopback address or the address the
// router is bound to: a web page that rebinds its own domain name to 127.0.0.1 still sends its
// domain as Host, so it cannot reach the router through the user's browser (DNS rebinding).
class HostGuard
{
public:
    explicit HostGuard(QHostAddress bindAddress = QHostAddress::LocalHost);

    bool allows(const QByteArray& hostHeader) const;

private:
    QHostAddress m_bindAddress;
};
