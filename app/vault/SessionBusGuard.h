#pragma once

// libsecret, which QtKeychain loads on Linux, talks to the keychain over GLib's shared session
// bus connection. GLib makes that connection raise SIGTERM in its process when the bus goes away
// (its "exit-on-close" default), which would stop the router with it: a desktop session's bus
// restarting, or a headless server whose bus was a login session's. Keyway keeps running and
// reports the keychain as unreachable instead.
class SessionBusGuard
{
public:
    // Turns exit-on-close off on GLib's session bus connection, asynchronously (connecting may
    // wait on a bus that does not answer). GLib makes a new connection after the old one
    // closed, so this is called before every keychain job; it costs nothing once connected.
    static void keepProcessWhenBusCloses();
};
