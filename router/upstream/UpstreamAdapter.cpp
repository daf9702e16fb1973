#include "router/upstream/UpstreamAdapter.h"

#include "router/upstream/CooldownHeaders.h"

std::optional<std::chrono::milliseconds> UpstreamAdapter::cooldown(
    const HttpHeaders& headers, const QByteArray& /*body*/) const
{
    return CooldownHeaders::cooldown(headers, QDateTime::currentDateTimeUtc());
}
