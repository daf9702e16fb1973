#include "app/vault/SessionBusGuard.h"

#ifdef KEYWAY_LIBSECRET_BUS // Linux: elsewhere QtKeychain uses the system's own keychain API

// GLib's headers name struct members "signals", which Qt defines as a macro: no Qt header here.
#include <gio/gio.h>

namespace {

void connected(GObject* /*source*/, GAsyncResult* result, gpointer /*data*/)
{
    GError* error = nullptr;
    // No bus at all is not this guard's concern: the keychain job that follows reports it.
    if (GDBusConnection* bus = g_bus_get_finish(result, &error)) {
        g_dbus_connection_set_exit_on_close(bus, FALSE);
        g_object_unref(bus);
    }
    g_clear_error(&error);
}

} // namespace

void SessionBusGuard::keepProcessWhenBusCloses()
{
    g_bus_get(G_BUS_TYPE_SESSION, nullptr, connected, nullptr);
}

#else

void SessionBusGuard::keepProcessWhenBusCloses()
{ }

#endif
